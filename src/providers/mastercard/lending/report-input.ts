import { badInput, unsupported } from '../../../domain/errors.js';
import { MAX_TIME_INTERVAL_TYPES, type GenerateReportInput } from '../../../domain/lending.port.js';
import type { LendingRegion } from './region.js';

/** The body of the Generate … Report calls (us-notes.md, Reports; seed 002, VOI). */
export interface FinicityReportBody {
  /** `ReportAccountIdsString`: space-separated ids ("1000535275 1000535276"). */
  accountIds?: string;
  /** Epoch seconds. */
  fromDate?: number;
  intervalTypes?: string[];
}

/** Verbatim from seed 002, "Time Interval Types" (the provider's 10100 message). */
export const TOO_MANY_INTERVAL_TYPES = 'More than 2 intervalTypes passed request.';

/** Checks a generate request before any call; fields the kind cannot take are rejected by name. */
export function toReportBody(region: LendingRegion, input: GenerateReportInput, nowMs: number): FinicityReportBody {
  if (!region.generatableKinds.includes(input.kind)) throw unsupported(region.provider, `${input.kind} reports`);
  const body: FinicityReportBody = {};
  if (input.kind === 'VOI') {
    if (input.intervalTypes.length > MAX_TIME_INTERVAL_TYPES) throw badInput(TOO_MANY_INTERVAL_TYPES, 'input.intervalTypes');
    if (new Set(input.intervalTypes).size !== input.intervalTypes.length) {
      throw badInput('intervalTypes lists the same type twice', 'input.intervalTypes');
    }
    // Sent explicitly so the analytics are the same whichever default a region applies (seed 002: MONTHLY_CALENDAR).
    body.intervalTypes = input.intervalTypes.length === 0 ? ['MONTHLY_CALENDAR'] : [...input.intervalTypes];
  } else if (input.intervalTypes.length > 0) {
    throw badInput('intervalTypes applies to VOI reports only', 'input.intervalTypes');
  }
  if (input.fromDate !== null) {
    const seconds = Math.floor(input.fromDate.getTime() / 1000);
    // 1618 "Negative or invalid value entered" for non-positive values (US spec error examples).
    if (seconds <= 0) throw badInput('fromDate must be after 1970-01-01', 'input.fromDate');
    if (input.fromDate.getTime() > nowMs) throw badInput('fromDate cannot be in the future', 'input.fromDate');
    body.fromDate = seconds;
  }
  if (input.accountIds.length > 0) {
    const invalid = input.accountIds.find((id) => !/^\d{1,19}$/.test(id));
    if (invalid !== undefined) throw badInput('accountIds must be the provider account ids (digits)', 'input.accountIds');
    body.accountIds = input.accountIds.join(' ');
  }
  if (input.callbackUrl !== null) {
    let url: URL;
    try {
      url = new URL(input.callbackUrl);
    } catch {
      throw badInput('callbackUrl is not a URL', 'input.callbackUrl');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput('callbackUrl must be an http(s) URL', 'input.callbackUrl');
  }
  return body;
}
