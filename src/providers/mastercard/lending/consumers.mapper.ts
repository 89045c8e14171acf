import { ref } from '../../../domain/global-id.js';
import type { Consumer } from '../../../domain/lending.port.js';
import { dateFromEpochSeconds } from './provider-dates.js';
import type { LendingRegion } from './region.js';
import type { WireConsumer } from './wire.js';

/** Provider JSON → Consumer. The wire schema has no `ssn`, so nothing of it can pass through. */
export function toConsumer(region: LendingRegion, wire: WireConsumer, knownCustomerId?: string): Consumer {
  const customerId = knownCustomerId ?? (wire.customerId == null ? undefined : String(wire.customerId));
  if (customerId === undefined) throw new TypeError('consumer without a customer id');
  const text = (value: string | null | undefined): string | null => (value === undefined || value === null || value === '' ? null : value);
  return {
    ref: ref(region.provider, 'Consumer', wire.id, customerId),
    provider: region.provider,
    providerId: wire.id,
    customerRef: ref(region.provider, 'Customer', customerId),
    firstName: text(wire.firstName),
    lastName: text(wire.lastName),
    middleName: text(wire.middleName),
    suffix: text(wire.suffix),
    address: text(wire.address),
    city: text(wire.city),
    state: text(wire.state),
    zip: text(wire.zip),
    phone: text(wire.phone),
    email: text(wire.email),
    birthday: wire.birthday ? { year: wire.birthday.year, month: wire.birthday.month, dayOfMonth: wire.birthday.dayOfMonth } : null,
    createdAt: dateFromEpochSeconds(wire.createdDate),
  };
}
