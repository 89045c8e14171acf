import { ref } from '../../domain/global-id.js';
import type { Customer, CustomerCategory, CustomerKind } from '../../domain/model.js';
import type { MastercardRegion } from './region.js';
import type { WireCustomer } from './wire.js';

export function epochToDate(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}

function kindOf(type: string | null | undefined): CustomerKind | null {
  switch (type) {
    case 'testing':
      return 'TESTING';
    case 'active':
      return 'ACTIVE';
    case null:
    case undefined:
      return null;
    default:
      // Mastercard documents exactly "testing" and "active" (us-notes.md, Customers); anything else is kept raw in details.providerType.
      return null;
  }
}

function categoryOf(region: MastercardRegion, category: string | null | undefined): CustomerCategory | null {
  switch (category) {
    case 'INDIVIDUAL':
      return 'INDIVIDUAL';
    case 'BUSINESS':
      return 'BUSINESS';
    default:
      // AU: category defaults to INDIVIDUAL when not given (seed 000, Customer category). The US has none.
      return region.provider === 'MASTERCARD_AU' ? 'INDIVIDUAL' : null;
  }
}

export function toCustomer(region: MastercardRegion, wire: WireCustomer): Customer {
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
    kind: kindOf(wire.type),
    category: categoryOf(region, wire.category),
    createdAt: epochToDate(wire.createdDate),
    details: {
      provider: region.provider,
      abn: wire.abn || null,
      applicationId: wire.applicationId || null,
      providerType: wire.type && kindOf(wire.type) === null ? wire.type : null,
    },
  };
}
