import { ref } from '../../../domain/global-id.js';
import type { Business } from '../../../domain/lending.port.js';
import { dateFromProviderString } from './provider-dates.js';
import type { LendingRegion } from './region.js';
import type { WireBusiness } from './wire.js';

const text = (value: string | null | undefined): string | null => (value === undefined || value === null || value === '' ? null : value);

/** Provider JSON → Business. The business answers carry no customer id, so the caller passes it. */
export function toBusiness(region: LendingRegion, wire: WireBusiness, customerId: string | null): Business {
  const address = wire.address;
  return {
    ref: customerId === null ? ref(region.provider, 'Business', wire.businessId) : ref(region.provider, 'Business', wire.businessId, customerId),
    provider: region.provider,
    providerId: wire.businessId,
    customerRef: customerId === null ? null : ref(region.provider, 'Customer', customerId),
    name: text(wire.name),
    personallyLiable: wire.personallyLiable ?? null,
    address: address
      ? {
          addressLine1: address.addressLine1 ?? '',
          addressLine2: text(address.addressLine2),
          city: address.city ?? '',
          state: address.state ?? '',
          country: address.country ?? '',
          postalCode: address.postalCode ?? '',
        }
      : null,
    phoneNumber: wire.phoneNumber ? { countryCode: wire.phoneNumber.countryCode ?? '', phoneNo: wire.phoneNumber.phoneNo ?? '' } : null,
    url: text(wire.url),
    email: text(wire.email),
    type: text(wire.type),
    taxId: text(wire.taxId),
    createdAt: dateFromProviderString(wire.createdDate),
    modifiedAt: dateFromProviderString(wire.modifiedDate),
  };
}
