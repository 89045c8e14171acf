import { moneyOf } from '../../domain/money.js';
import { ref } from '../../domain/global-id.js';
import type { Customer, ObpCustomerDetails } from '../../domain/model.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import { UnreadableRecord, type ReadContext } from '../record-reader.js';
import { obpDate, textOrNull } from './dates.js';
import { obpDecimal } from './transactions.mapper.js';
import type { WireCustomer } from './wire.js';


function creditLimitOf(wire: WireCustomer, context: ReadContext): ObpCustomerDetails['creditLimit'] {
  const limit = wire.credit_limit;
  if (!limit?.currency || limit.amount === null || limit.amount === undefined || limit.amount === '') return null;
  try {
    return moneyOf(obpDecimal(limit.amount), limit.currency);
  } catch {
    warnProviderData(context.provider, context.operation, 'credit_limit.amount', 'unparsable');
    return null;
  }
}

/**
 * CustomerJsonV310/V300 → the unified Customer. OBP has one `legal_name` (no first/last split: we
 * do not guess one), no username, no kind and no category; it has no creation date either
 * (`last_ok_date` is the last KYC-style check, kept as lastOkDate).
 */
export function toCustomer(wire: WireCustomer, bankIdHint: string, context: ReadContext): Customer {
  const bankId = textOrNull(wire.bank_id) ?? bankIdHint;
  if (!bankId) throw new UnreadableRecord(context, 'bank_id');
  const rating = wire.credit_rating;
  const details: ObpCustomerDetails = {
    provider: 'OBP',
    bankId,
    customerNumber: textOrNull(wire.customer_number),
    kycStatus: wire.kyc_status ?? null,
    dateOfBirth: obpDate(wire.date_of_birth, { context, field: 'date_of_birth' }),
    relationshipStatus: textOrNull(wire.relationship_status),
    dependants: wire.dependants ?? null,
    highestEducationAttained: textOrNull(wire.highest_education_attained),
    employmentStatus: textOrNull(wire.employment_status),
    title: textOrNull(wire.title),
    branchId: textOrNull(wire.branch_id),
    nameSuffix: textOrNull(wire.name_suffix),
    lastOkDate: obpDate(wire.last_ok_date, { context, field: 'last_ok_date' }),
    creditRating: rating && (textOrNull(rating.rating) || textOrNull(rating.source))
      ? { rating: textOrNull(rating.rating), source: textOrNull(rating.source) }
      : null,
    creditLimit: creditLimitOf(wire, context),
  };
  return {
    ref: ref('OBP', 'Customer', wire.customer_id, bankId),
    provider: 'OBP',
    providerId: wire.customer_id,
    username: null,
    name: textOrNull(wire.legal_name),
    firstName: null,
    lastName: null,
    email: textOrNull(wire.email),
    phone: textOrNull(wire.mobile_phone_number),
    kind: null,
    category: null,
    createdAt: null,
    details,
  };
}
