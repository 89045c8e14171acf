import { badInput } from '../../../domain/errors.js';
import type { Business, BusinessInput } from '../../../domain/lending.port.js';

/**
 * `BusinessDetailsRequest` (US spec AddBusinessDetails / UpdateBusiness; seed 001 "Businesses"):
 * required `name` (1–150), `personallyLiable`, `address` (`addressLine1`, `city`, `state`,
 * `country`, `postalCode`; `addressLine2` optional) and `phoneNumber` (`countryCode` 1–3 digits,
 * `phoneNo` 7–12 digits); optional `url`, `email`, `type` (≤ 150) and `taxId` (9–15).
 */
export interface FinicityBusinessBody {
  name: string;
  personallyLiable: boolean;
  address: { addressLine1: string; addressLine2?: string; city: string; state: string; country: string; postalCode: string };
  phoneNumber: { countryCode: string; phoneNo: string };
  url?: string;
  email?: string;
  type?: string;
  taxId?: string;
}

const ADDRESS_PARTS = ['addressLine1', 'city', 'state', 'country', 'postalCode'] as const;

function text(value: string | undefined, field: string, min: number, max: number): string {
  if (value === undefined || value.trim().length < min) throw badInput(`${field} is required`, `input.${field}`);
  if (value.length > max) throw badInput(`${field} is longer than ${max} characters`, `input.${field}`);
  return value.trim();
}

/** Validates a complete business (a create, or an update merged onto the current record). */
export function toBusinessBody(input: BusinessInput): FinicityBusinessBody {
  const name = text(input.name, 'name', 1, 150);
  if (input.personallyLiable === undefined) throw badInput('personallyLiable is required', 'input.personallyLiable');
  if (input.address === undefined) throw badInput('address is required', 'input.address');
  const address = Object.fromEntries(ADDRESS_PARTS.map((part) => [part, text(input.address?.[part], `address.${part}`, 1, 255)])) as FinicityBusinessBody['address'];
  if (input.address.addressLine2 !== undefined && input.address.addressLine2.trim() !== '') {
    address.addressLine2 = text(input.address.addressLine2, 'address.addressLine2', 1, 255);
  }
  if (input.phoneNumber === undefined) throw badInput('phoneNumber is required', 'input.phoneNumber');
  const countryCode = input.phoneNumber.countryCode ?? '';
  const phoneNo = input.phoneNumber.phoneNo ?? '';
  if (!/^\d{1,3}$/.test(countryCode)) throw badInput('phoneNumber.countryCode must be 1–3 digits', 'input.phoneNumber.countryCode');
  if (!/^\d{7,12}$/.test(phoneNo)) throw badInput('phoneNumber.phoneNo must be 7–12 digits', 'input.phoneNumber.phoneNo');
  const body: FinicityBusinessBody = { name, personallyLiable: input.personallyLiable, address, phoneNumber: { countryCode, phoneNo } };
  if (input.url !== undefined) body.url = text(input.url, 'url', 1, 2000);
  if (input.email !== undefined) {
    if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) throw badInput('email is not an email address', 'input.email');
    body.email = input.email;
  }
  if (input.type !== undefined) body.type = text(input.type, 'type', 1, 150);
  if (input.taxId !== undefined) body.taxId = text(input.taxId, 'taxId', 9, 15);
  return body;
}

/** The current record as an input, so an update can change only the fields given. */
export function businessAsInput(business: Business): BusinessInput {
  const input: BusinessInput = {};
  if (business.name !== null) input.name = business.name;
  if (business.personallyLiable !== null) input.personallyLiable = business.personallyLiable;
  if (business.address !== null) {
    input.address = { ...business.address, ...(business.address.addressLine2 === null ? { addressLine2: undefined } : { addressLine2: business.address.addressLine2 }) };
  }
  if (business.phoneNumber !== null) input.phoneNumber = { ...business.phoneNumber };
  for (const key of ['url', 'email', 'type', 'taxId'] as const) {
    const value = business[key];
    if (value !== null) input[key] = value;
  }
  return input;
}

/** `update` over `current`, nested objects merged part by part. */
export function mergeBusinessInput(current: BusinessInput, update: BusinessInput): BusinessInput {
  const defined = <T extends object>(value: T | undefined): Partial<T> =>
    Object.fromEntries(Object.entries(value ?? {}).filter(([, inner]) => inner !== undefined)) as Partial<T>;
  return {
    ...current,
    ...defined(update),
    address: { ...current.address, ...defined(update.address) },
    phoneNumber: { ...current.phoneNumber, ...defined(update.phoneNumber) },
  };
}
