import type { NativeRef } from './global-id.js';
import type {
  AuthorizationPeriod,
  Business,
  BusinessInput,
  Consumer,
  ConsumerInput,
  GeneratableReportKind,
  GenerateReportInput,
  Report,
  ReportContent,
} from './lending.model.js';

/**
 * The lending ports (issue 6) an adapter implements for consumers, businesses, authorization periods
 * and reports; the model they produce is lending.model.ts (re-exported here for importers).
 */
export * from './lending.model.js';

export interface ConsumersPort {
  create(customer: NativeRef, input: ConsumerInput): Promise<Consumer>;
  /** `null` when the customer has no consumer yet. */
  getForCustomer(customer: NativeRef): Promise<Consumer | null>;
  get(ref: NativeRef): Promise<Consumer | null>;
  update(ref: NativeRef, input: ConsumerInput): Promise<Consumer>;
}

export interface BusinessesPort {
  create(customer: NativeRef, input: BusinessInput): Promise<Business>;
  listForCustomer(customer: NativeRef): Promise<Business[]>;
  get(ref: NativeRef): Promise<Business | null>;
  /** Changes the given fields, keeping the others. */
  update(ref: NativeRef, input: BusinessInput): Promise<Business>;
}

export interface AuthorizationPeriodPort {
  /** `null` when the provider knows the login but holds no period for it. */
  forInstitutionLogin(customer: NativeRef, institutionLoginId: string): Promise<AuthorizationPeriod | null>;
}

export interface ReportsPort {
  readonly generatableKinds: readonly GeneratableReportKind[];
  generate(customer: NativeRef, input: GenerateReportInput): Promise<Report>;
  listForCustomer(customer: NativeRef): Promise<Report[]>;
  listForConsumer(consumer: NativeRef): Promise<Report[]>;
  /** The report's identity and status; answered from report events when the gateway has them. */
  get(ref: NativeRef): Promise<Report | null>;
  /** The report's content; REPORT_NOT_READY (retryable) while it is still generating. */
  content(ref: NativeRef): Promise<ReportContent>;
}

export type ReportEventOutcome =
  | { accepted: true; changed: readonly string[]; unchanged: readonly string[] }
  | { accepted: false; reason: 'unknown-callback' | 'malformed' | 'foreign-report' };

/** Receives report events posted to the gateway's own callback URL (src/webhooks). */
export interface ReportEventsPort {
  receive(callbackToken: string, body: unknown): Promise<ReportEventOutcome>;
}
