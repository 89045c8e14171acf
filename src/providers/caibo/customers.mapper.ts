import { decimalFromNumber, decimalFromString } from '../../domain/decimal.js';
import { GatewayError } from '../../domain/errors.js';
import { ref } from '../../domain/global-id.js';
import type { Customer } from '../../domain/model.js';
import type { WireClient } from './wire.js';

const PROVIDER = 'CAIBO_IPG' as const;

/**
 * Caibo dates are ISO-8601 (`2024-01-15T10:30:00Z`, seed 003). An ASP.NET `DateTime` without a kind is
 * written without an offset; Caibo's own examples are all UTC, so such a value is read as UTC.
 */
export function caiboDate(value: string | null): Date | null {
  if (value === null || value.trim() === '') return null;
  const text = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new GatewayError('PROVIDER_UNAVAILABLE', `${PROVIDER} answered a date that is not ISO-8601`, { provider: PROVIDER });
  }
  return date;
}

/** Caibo `number` members as exact decimal strings (they may arrive quoted, see lossless-json.ts). */
export function caiboDecimal(value: number | string): string {
  try {
    return typeof value === 'number' ? decimalFromNumber(value) : decimalFromString(value);
  } catch (cause) {
    throw new GatewayError('PROVIDER_UNAVAILABLE', `${PROVIDER} answered an amount that is not a number`, { provider: PROVIDER, cause });
  }
}

/**
 * A `Client` (seed 003) as a unified Customer. Caibo has one `name` field (no first/last, no
 * username) and no kind or category. `memberId`, `address`, `hasPaymentRequests` and `totalDeposits`
 * (a plain number without a currency) are its typed `details`; the GraphQL layer exposes them.
 */
export function toCustomer(wire: WireClient): Customer {
  return {
    ref: ref(PROVIDER, 'Customer', wire.id),
    provider: PROVIDER,
    providerId: wire.id,
    username: null,
    name: wire.name,
    firstName: null,
    lastName: null,
    email: wire.email,
    phone: wire.phone,
    kind: null,
    category: null,
    createdAt: caiboDate(wire.createDate),
    details: {
      provider: PROVIDER,
      memberId: wire.memberId,
      address: wire.address,
      hasPaymentRequests: wire.hasPaymentRequests,
      totalDeposits: wire.totalDeposits === null ? null : caiboDecimal(wire.totalDeposits),
    },
  };
}
