import { isDecimalString } from '../../domain/decimal.js';
import { badInput } from '../../domain/errors.js';
import type { CreatePaymentRequestInput } from '../../domain/payment-requests.port.js';
import type { WireClient } from './wire.js';

/**
 * `POST /payment-requests` body (caibo-notes.md, Payment requests; iframe guide, Field Reference):
 * `{amount (req), unit: ISO-4217 (req), referenceId?, notifyUrl?, successUrl?, failureUrl?,
 * originDomain?, client?: {name, email, address, phone, memberId}}`.
 */

/** ISO 4217 per the field reference; the marketing page also lists BTC and USDT, hence 3–5 letters. */
const UNIT_PATTERN = /^[A-Z]{3,5}$/;
/** Digits a double holds exactly: the amount is sent as a JSON number, so more would be rounded. */
const MAX_AMOUNT_DIGITS = 15;
/** No Caibo maximum was found; referenceId is a merchant order id, notes free text. Generous caps. */
const MAX_TEXT = { referenceId: 100, notes: 500 } as const;

function httpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(`${field} must be an absolute http or https URL`, `input.${field}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput(`${field} must be an absolute http or https URL`, `input.${field}`);
  return value;
}

/** Checks the input before any call. `currency` is upper-cased, as Caibo's units are. */
export function checkPaymentRequestInput(input: CreatePaymentRequestInput): CreatePaymentRequestInput {
  // "01.50" is a decimal string but not a JSON number: drop leading zeros.
  const amount = input.amount.trim().replace(/^0+(?=\d)/, '');
  if (!isDecimalString(amount) || !/[1-9]/.test(amount) || amount.startsWith('-')) {
    throw badInput('amount must be a decimal number greater than 0', 'input.amount');
  }
  if (amount.replace(/\D/g, '').replace(/^0+/, '').length > MAX_AMOUNT_DIGITS) {
    throw badInput(`amount may have at most ${MAX_AMOUNT_DIGITS} significant digits`, 'input.amount');
  }
  const currency = input.currency.trim().toUpperCase();
  if (!UNIT_PATTERN.test(currency)) throw badInput('currency must be an ISO 4217 code (or a crypto unit such as USDT)', 'input.currency');
  if (input.customer !== null && (input.customer.provider !== 'CAIBO_IPG' || input.customer.type !== 'Customer')) {
    throw badInput('customerId must be a CAIBO_IPG customer ID', 'input.customerId');
  }
  for (const field of ['referenceId', 'notes'] as const) {
    const value = input[field];
    if (value !== null && value.length > MAX_TEXT[field]) throw badInput(`${field} must be at most ${MAX_TEXT[field]} characters`, `input.${field}`);
  }
  for (const field of ['notifyUrl', 'successUrl', 'failureUrl'] as const) {
    const value = input[field];
    if (value !== null) httpUrl(value, field);
  }
  return { ...input, amount, currency };
}

/**
 * The JSON body as text. `amount` is written with the caller's exact digits (a JSON number, as the
 * schema says, without a round trip through a double). The customer goes as `clientId` (a member of
 * the PaymentRequest model) and as the documented `client` details, so the pay page is prefilled
 * whichever of the two the API binds.
 */
export function toCreateBody(input: CreatePaymentRequestInput, client: WireClient | null): string {
  const rest: Record<string, unknown> = { unit: input.currency };
  for (const field of ['referenceId', 'notes', 'notifyUrl', 'successUrl', 'failureUrl'] as const) {
    const value = input[field];
    if (value !== null) rest[field] = value;
  }
  if (client !== null) {
    rest.client = {
      name: client.name,
      email: client.email,
      ...(client.address === null ? {} : { address: client.address }),
      ...(client.phone === null ? {} : { phone: client.phone }),
      ...(client.memberId === null ? {} : { memberId: client.memberId }),
    };
  }
  // The id is digits only (checked by the caller), so it can be written as an exact JSON number.
  const clientId = client === null ? '' : `"clientId":${client.id},`;
  return `{"amount":${input.amount},${clientId}${JSON.stringify(rest).slice(1)}`;
}
