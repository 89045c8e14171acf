import { ref } from '../../../domain/global-id.js';
import type { GeneratableReportKind, Report, ReportKind, ReportStatus } from '../../../domain/lending.port.js';
import { warnProviderData } from '../../../observability/data-warnings.js';
import type { ReadContext } from '../../record-reader.js';
import { dateFromEpochSeconds } from './provider-dates.js';
import type { LendingRegion } from './region.js';

/** The path segment that generates each kind (us-notes.md, Reports). */
export const GENERATE_SEGMENT: Record<GeneratableReportKind, string> = {
  VOA: 'voa',
  VOI: 'voi',
  CASH_FLOW_BUSINESS: 'cashFlowBusiness',
  CASH_FLOW_PERSONAL: 'cashFlowPersonal',
};

/**
 * The report `type` values of the kinds the gateway models (US spec report examples: `voa`, `voi`,
 * `cfrb`, `cfrp`). The platform has many more (voaHistory, voie, statement, farpbfnoncra …) that a
 * customer may already have from other channels: those list as OTHER with their raw JSON rather than
 * breaking the whole list.
 */
export function reportKindOf(providerType: string): ReportKind {
  switch (providerType) {
    case 'voa':
      return 'VOA';
    case 'voi':
      return 'VOI';
    case 'cfrb':
      return 'CASH_FLOW_BUSINESS';
    case 'cfrp':
      return 'CASH_FLOW_PERSONAL';
    default:
      return 'OTHER';
  }
}

type ProviderReportStatus = 'inProgress' | 'success' | 'failure';

/**
 * "status is inProgress | success | failure" (us-notes.md, Reports). Any other value is OTHER, with an
 * `unknown_enum` warning when read from a provider answer (`context`).
 */
export function reportStatusOf(providerStatus: string, context?: ReadContext): ReportStatus {
  const status = providerStatus as ProviderReportStatus;
  switch (status) {
    case 'inProgress':
      return 'IN_PROGRESS';
    case 'success':
      return 'SUCCESS';
    case 'failure':
      return 'FAILURE';
    default:
      if (context) warnProviderData(context.provider, context.operation, 'status', 'unknown_enum');
      return 'OTHER';
  }
}

export interface ReportHead {
  id: string;
  type: string;
  status: string;
  consumerId?: string | null | undefined;
  createdDate?: number | null | undefined;
  title?: string | null | undefined;
  requestId?: string | null | undefined;
}

/**
 * An acknowledgement, a list entry or a report's head → Report. Lists carry no customer id: the caller
 * knows it. `context` names the provider answer being read (for warnings); none for the gateway's own records.
 */
export function toReport(region: LendingRegion, wire: ReportHead, customerId: string, context?: ReadContext): Report {
  const consumerId = wire.consumerId ?? null;
  return {
    ref: ref(region.provider, 'Report', wire.id, customerId),
    provider: region.provider,
    providerId: wire.id,
    kind: reportKindOf(wire.type),
    providerType: wire.type,
    status: reportStatusOf(wire.status, context),
    createdAt: dateFromEpochSeconds(wire.createdDate),
    customerRef: ref(region.provider, 'Customer', customerId),
    consumerRef: consumerId === null || consumerId === '' ? null : ref(region.provider, 'Consumer', consumerId, customerId),
    title: wire.title ?? null,
    requestId: wire.requestId ?? null,
  };
}

/** Report JSON carries the consumer's SSN last four (`consumerSsn`, `consumerDetails.ssn`): the gateway never shows it. */
const SSN_KEYS = new Set(['ssn', 'consumerSsn']);

export function withoutSsn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSsn);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SSN_KEYS.has(key))
      .map(([key, inner]) => [key, withoutSsn(inner)]),
  );
}
