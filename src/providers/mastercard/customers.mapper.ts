import { ref } from '../../domain/global-id.js';
import type { Customer, CustomerCategory, CustomerKind } from '../../domain/model.js';
import { warnProviderData } from '../../observability/data-warnings.js';
import type { ReadContext } from '../record-reader.js';
import type { MastercardRegion } from './region.js';
import type { WireCustomer } from './wire.js';

export function epochToDate(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}

/** Mastercard documents exactly "testing" and "active" (us-notes.md, Customers). */
function kindOf(type: string | null | undefined, context: ReadContext): CustomerKind | null {
  switch (type) {
    case 'testing':
      return 'TESTING';
    case 'active':
      return 'ACTIVE';
    case null:
    case undefined:
      return null;
    default:
      // Kind is nullable: an unknown value reads as null, kept raw in details.providerType.
      warnProviderData(context.provider, context.operation, 'type', 'unknown_enum');
      return null;
  }
}

function categoryOf(region: MastercardRegion, category: string | null | undefined, context: ReadContext): CustomerCategory | null {
  switch (category) {
    case 'INDIVIDUAL':
      return 'INDIVIDUAL';
    case 'BUSINESS':
      return 'BUSINESS';
    case null:
    case undefined:
      // AU: category defaults to INDIVIDUAL when not given (seed 000, Customer category). The US has none.
      return region.provider === 'MASTERCARD_AU' ? 'INDIVIDUAL' : null;
    default:
      // Not guessed: null (the field is nullable).
      warnProviderData(context.provider, context.operation, 'category', 'unknown_enum');
      return null;
  }
}

/** A Finicity customer (openbanking-us.yaml Customer; AU adds category and abn) as a unified Customer. */
export function toCustomer(region: MastercardRegion, wire: WireCustomer, context: ReadContext): Customer {
  const kind = kindOf(wire.type, context);
  const category = categoryOf(region, wire.category, context);
  const firstName = wire.firstName ?? null;
  const lastName = wire.lastName ?? null;
  const name = [firstName, lastName].filter((part) => part).join(' ') || null;
  return {
    ref: ref(region.provider, 'Customer', wire.id),
    provider: region.provider,
    providerId: wire.id,
    username: wire.username ?? null,
    name,
    firstName,
    lastName,
    email: wire.email ?? null,
    phone: wire.phone ?? null,
    kind,
    category,
    createdAt: epochToDate(wire.createdDate),
    details: {
      provider: region.provider,
      abn: wire.abn || null,
      applicationId: wire.applicationId || null,
      providerType: wire.type && kind === null ? wire.type : null,
    },
  };
}
