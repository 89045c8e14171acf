import { ref } from '../../domain/global-id.js';
import type { Bank } from '../../domain/banks.port.js';
import { textOrNull } from './dates.js';
import type { WireBank } from './wire.js';

/** BankJson400 / BankJson500 → Bank. v5 has `bank_code` and no `short_name`; v4 the reverse. */
export function toBank(wire: WireBank): Bank {
  const attributes = Object.fromEntries((wire.attributes ?? []).map((attribute) => [attribute.name, attribute.value ?? null]));
  return {
    ref: ref('OBP', 'Bank', wire.id),
    provider: 'OBP',
    providerId: wire.id,
    shortName: textOrNull(wire.short_name),
    fullName: textOrNull(wire.full_name),
    bankCode: textOrNull(wire.bank_code),
    logoUrl: textOrNull(wire.logo),
    website: textOrNull(wire.website),
    routings: (wire.bank_routings ?? []).flatMap((routing) =>
      // OBP fills unknown routings with "" (the examples' `{"scheme": "scheme value", "address": ""}`).
      routing.scheme && routing.address ? [{ scheme: routing.scheme, address: routing.address }] : [],
    ),
    attributes,
  };
}
