/**
 * A reseller partner's end user: the entity that will use a consumer's reports when it is not the
 * partner itself (seed 001, "Reseller Partners"; openbanking-us.yaml `ConsumerEndUser`: name,
 * address, city, state, zip and phone required, email and url optional). Resellers must send it
 * when creating a consumer (FCRA), or Mastercard answers error 1201.
 */
export interface ConsumerEndUser {
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  email: string | null;
  url: string | null;
}
