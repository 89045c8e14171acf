import type { NativeRef } from './global-id.js';
import type { ProviderKey } from './provider.js';
import type { ConsumerEndUser } from './consumer-end-user.js';

export type { ConsumerEndUser } from './consumer-end-user.js';

/**
 * The lending model (issue 6): consumers, businesses, institution-login authorization periods and
 * reports. Mastercard is the only provider with them today; the shapes are the gateway's own. The
 * ports that produce them are in lending.port.ts.
 */

export interface ConsumerBirthday {
  year: number;
  month: number;
  dayOfMonth: number;
}

/** A consumer as the gateway shows it. There is deliberately no `ssn` here: it is write-only. */
export interface Consumer {
  /** type `Consumer`, id the provider's consumer id, scope `[customerId]`. */
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  customerRef: NativeRef;
  firstName: string | null;
  lastName: string | null;
  middleName: string | null;
  suffix: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  email: string | null;
  birthday: ConsumerBirthday | null;
  /** The reseller's end user the provider holds for this consumer (seed 001, "Reseller Partners"). */
  endUser: ConsumerEndUser | null;
  createdAt: Date | null;
}

/**
 * What a caller may send for a consumer; `undefined` = not given. `ssn` exists on this input and
 * nowhere else in the gateway: it is never returned, logged or put in an error.
 */
export interface ConsumerInput {
  firstName?: string;
  lastName?: string;
  middleName?: string;
  suffix?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  email?: string;
  ssn?: string;
  birthday?: ConsumerBirthday;
  endUser?: ConsumerEndUser;
}

export interface BusinessAddress {
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  country: string;
  postalCode: string;
}

export interface BusinessPhoneNumber {
  countryCode: string;
  phoneNo: string;
}

export interface Business {
  /** type `Business`, id the provider's business id, scope `[customerId]`. */
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  customerRef: NativeRef | null;
  name: string | null;
  personallyLiable: boolean | null;
  address: BusinessAddress | null;
  phoneNumber: BusinessPhoneNumber | null;
  url: string | null;
  email: string | null;
  type: string | null;
  taxId: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
}

export interface BusinessInput {
  name?: string;
  personallyLiable?: boolean;
  address?: {
    addressLine1?: string;
    addressLine2?: string;
    city?: string;
    state?: string;
    country?: string;
    postalCode?: string;
  };
  phoneNumber?: { countryCode?: string; phoneNo?: string };
  url?: string;
  email?: string;
  type?: string;
  taxId?: string;
}

export interface AuthorizationPeriod {
  provider: ProviderKey;
  /** The provider's institution login id (as in `Account.institutionLoginId`). */
  institutionLoginId: string;
  startsAt: Date;
  endsAt: Date;
}

export const REPORT_KINDS = ['VOA', 'VOI', 'CASH_FLOW_BUSINESS', 'CASH_FLOW_PERSONAL', 'OTHER'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** The kinds a caller can ask the gateway to generate. */
export type GeneratableReportKind = Exclude<ReportKind, 'OTHER'>;

/** OTHER: a status the provider's documents do not list (tolerant reading, issue 9); raw value not kept. */
export const REPORT_STATUSES = ['IN_PROGRESS', 'SUCCESS', 'FAILURE', 'OTHER'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * VOI time interval types, with the names of the Mastercard AU docs (seed 002, "Verification of
 * Income (VOI) › Time Interval Types").
 */
export const TIME_INTERVAL_TYPES = [
  'DAILY',
  'WEEKLY_CALENDAR',
  'WEEKLY_ROLLING_7',
  'BI_WEEKLY_CALENDAR',
  'BI_WEEKLY_ROLLING_14',
  'SEMI_MONTHLY_CALENDAR',
  'MONTHLY_CALENDAR',
  'MONTHLY_ROLLING_30',
  'QUARTERLY_CALENDAR',
  'QUARTERLY_ROLLING_90',
  'ANNUALLY',
  'HISTORICALLY',
] as const;
export type TimeIntervalType = (typeof TIME_INTERVAL_TYPES)[number];
/** "A report currently supports up to two time interval types" (seed 002). */
export const MAX_TIME_INTERVAL_TYPES = 2;
/** "If the time interval type is not specified, the default is MONTHLY_CALENDAR" (seed 002). */
export const DEFAULT_TIME_INTERVAL_TYPE: TimeIntervalType = 'MONTHLY_CALENDAR';

export function isTimeIntervalType(value: unknown): value is TimeIntervalType {
  return typeof value === 'string' && (TIME_INTERVAL_TYPES as readonly string[]).includes(value);
}

/** A report's identity and lifecycle, known without reading its content. */
export interface Report {
  /** type `Report`, id the provider's report id, scope `[customerId]`. */
  ref: NativeRef;
  provider: ProviderKey;
  providerId: string;
  kind: ReportKind;
  /** The provider's own type (`voa`, `voi`, `cfrb` …). */
  providerType: string;
  status: ReportStatus;
  createdAt: Date | null;
  customerRef: NativeRef;
  consumerRef: NativeRef | null;
  title: string | null;
  requestId: string | null;
}

export interface GenerateReportInput {
  kind: GeneratableReportKind;
  /** Start of the period the report covers; the provider's default when null. */
  fromDate: Date | null;
  /** Only these accounts (provider ids); every eligible account when empty. */
  accountIds: readonly string[];
  /** VOI only; at most MAX_TIME_INTERVAL_TYPES. */
  intervalTypes: readonly TimeIntervalType[];
  /** Where the provider posts report events; the gateway's own endpoint when null and known. */
  callbackUrl: string | null;
}

/** Exact decimal strings (see decimal.ts); null where the provider has no value (an empty period). */
export interface PeriodStatistics {
  startDate: string;
  endDate: string;
  count: number;
  sum: string | null;
  mean: string | null;
  median: string | null;
  min: string | null;
  max: string | null;
  standardDeviation: string | null;
}

export interface TimeIntervalAggregation {
  timeIntervalType: TimeIntervalType;
  periods: PeriodStatistics[];
}

export interface StreamConfidence {
  streamId: string;
  /** 0–100. */
  confidence: number;
}

export interface TransactionalAttribute {
  name: string;
  aggregations: TimeIntervalAggregation[];
  streamIds: string[];
  transactionIds: string[];
  streamConfidences: StreamConfidence[];
}

export interface IncomeStream {
  id: string;
  payor: string | null;
  payee: string | null;
  status: 'ACTIVE' | 'INACTIVE' | null;
  providerStatus: string | null;
  cadenceDays: number | null;
  recencyDays: number | null;
  earliestObservedAt: Date | null;
  latestObservedAt: Date | null;
  count: number | null;
  sum: string | null;
  min: string | null;
  max: string | null;
  mean: string | null;
  median: string | null;
  standardDeviation: string | null;
  minimumCadenceDays: number | null;
  maximumCadenceDays: number | null;
  medianCadenceDays: number | null;
  modeCadenceDays: number | null;
  standardDeviationCadenceDays: number | null;
  /** Highest confidence any attribute gives this stream (0–100); null when none does. */
  confidence: number | null;
  transactionIds: string[];
}

export interface VoiAnalytics {
  transactionalAttributes: TransactionalAttribute[];
  streams: IncomeStream[];
}

export interface ReportAccountAnalytics {
  accountId: string;
  accountRef: NativeRef;
  name: string | null;
  providerType: string | null;
  analytics: VoiAnalytics | null;
}

export interface ReportPeriod {
  startsAt: Date | null;
  endsAt: Date | null;
  days: number | null;
}

export interface VoaSummary {
  currentBalance: string | null;
  availableBalance: string | null;
  twoMonthAverage: string | null;
  sixMonthAverage: string | null;
  beginningBalance: string | null;
  consolidatedAvailableBalance: string | null;
}

export interface CashFlowSummary {
  averageMonthlyNet: string | null;
  twelveMonthTotalNet: string | null;
  twelveMonthCreditTotal: string | null;
  twelveMonthDebitTotal: string | null;
  minDailyBalance: string | null;
  maxDailyBalance: string | null;
  twelveMonthAverageDailyBalance: string | null;
  numberOfDaysNegativeBalance: number | null;
}

/** A report's content: only readable once it finished (REPORT_NOT_READY before). */
export interface ReportContent {
  report: Report;
  /** The provider's JSON, with every SSN field (`ssn`, `consumerSsn`) removed. */
  raw: Record<string, unknown>;
  currency: string;
  period: ReportPeriod;
  seasoned: boolean | null;
  voa: VoaSummary | null;
  voi: { analytics: VoiAnalytics | null; accounts: ReportAccountAnalytics[] } | null;
  cashFlow: CashFlowSummary | null;
}
