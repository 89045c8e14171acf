import { ref } from '../../../domain/global-id.js';
import { warnProviderData } from '../../../observability/data-warnings.js';
import type { Consumer, ConsumerEndUser } from '../../../domain/lending.port.js';
import { dateFromEpochSeconds } from './provider-dates.js';
import type { LendingRegion } from './region.js';
import type { WireConsumer } from './wire.js';

/**
 * The end user as the provider holds it; null when it holds none. One missing a member ConsumerEndUser
 * requires reads as null with an `unparsable` warning (tolerant reading), never as a half record.
 */
function toEndUser(region: LendingRegion, wire: WireConsumer['endUser'], text: (value: string | null | undefined) => string | null): ConsumerEndUser | null {
  if (!wire) return null;
  const [name, address, city, state, zip, phone] = [wire.name, wire.address, wire.city, wire.state, wire.zip, wire.phone].map(text);
  if (!name || !address || !city || !state || !zip || !phone) {
    warnProviderData(region.provider, 'consumers.read', 'endUser', 'unparsable');
    return null;
  }
  return { name, address, city, state, zip, phone, email: text(wire.email), url: text(wire.url) };
}

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
    endUser: toEndUser(region, wire.endUser, text),
    createdAt: dateFromEpochSeconds(wire.createdDate),
  };
}
