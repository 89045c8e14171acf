import { decimalFromNumber, decimalFromString } from '../../domain/decimal.js';
import { ref } from '../../domain/global-id.js';
import type { Customer } from '../../domain/model.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import type { ReadContext } from '../record-reader.js';
import type { WireClient } from './wire.js';

const PROVIDER = 'CAIBO_IPG' as const;

/**
 * Caibo dates are ISO-8601 (`2024-01-15T10:30:00Z`, seed 003). An ASP.NET `DateTime` without a kind is
 * written without an offset; Caibo's own examples are all UTC, so such a value is read as UTC. A value
 * that is not a date reads as null with an `unparsable` warning on `field`.
 */
export function caiboDate(value: string | null, field: string, context: ReadContext): Date | null {
  if (value === null || value.trim() === '') return null;
  const text = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    warnProviderData(context.provider, context.operation, field, 'unparsable');
    return null;
  }
  return date;
}

/** Caibo `number` members as exact decimal strings (they may arrive quoted, see lossless-json.ts); undefined when not a number. */
export function caiboDecimal(value: number | string): string | undefined {
  try {
    return typeof value === 'number' ? decimalFromNumber(value) : decimalFromString(value);
  } catch {
    return undefined;
  }
}

function optionalDecimal(value: number | string | null, field: string, context: ReadContext): string | null {
  if (value === null) return null;
  const decimal = caiboDecimal(value);
  if (decimal === undefined) warnProviderData(context.provider, context.operation, field, 'unparsable');
  return decimal ?? null;
}

/**
 * A `Client` (seed 003) as a unified Customer. Caibo has one `name` field (no first/last, no
 * username) and no kind or category. `memberId`, `address`, `hasPaymentRequests` and `totalDeposits`
 * (a plain number without a currency) are its typed `details`; the GraphQL layer exposes them.
 */
export function toCustomer(wire: WireClient, context: ReadContext): Customer {
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
    createdAt: caiboDate(wire.createDate, 'createDate', context),
    details: {
      provider: PROVIDER,
      memberId: wire.memberId,
      address: wire.address,
      hasPaymentRequests: wire.hasPaymentRequests,
      totalDeposits: optionalDecimal(wire.totalDeposits, 'totalDeposits', context),
    },
  };
}
