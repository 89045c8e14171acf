import { badInput } from '../../domain/errors.js';
import { CUSTOMER_INPUT_FIELD, inputDetailsFor, type CreateCustomerInput, type UpdateCustomerInput } from '../../domain/ports.js';

/**
 * The `Client` schema's rules (seed 003, OpenAPI `components.schemas.Client`): `name` and `email`
 * required, `email` with `format: email`, and these `maxLength`s. Checked before any call, so a bad
 * request costs no upstream round trip and the error names the gateway's input field.
 */
export const CLIENT_MAX_LENGTHS = { name: 100, email: 100, address: 255, phone: 20, memberId: 50 } as const;
type ClientField = keyof typeof CLIENT_MAX_LENGTHS;


/**
 * `format: email`. The API is ASP.NET, whose `[EmailAddress]` only wants one `@` that is neither
 * first nor last; the gateway is a little stricter (no spaces, a dot in the domain) so an address no
 * mail server would take fails here, with the field named, instead of at the provider.
 */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface ClientBody {
  name?: string;
  email?: string;
  address?: string;
  phone?: string;
  memberId?: string;
}

/** The GraphQL input path of a `Client` field: Caibo-only fields come in `input.caiboIpg`. */
const pathOf = (field: ClientField): string =>
  field === 'address' || field === 'memberId' ? `${CUSTOMER_INPUT_FIELD.CAIBO_IPG}.${field}` : `input.${field}`;

function check(field: ClientField, value: string): void {
  const max = CLIENT_MAX_LENGTHS[field];
  // .NET string length counts UTF-16 code units, as JavaScript's does.
  if (value.length > max) throw badInput(`${field} must be at most ${max} characters`, pathOf(field));
  if (field === 'email' && !EMAIL_PATTERN.test(value)) throw badInput('email is not a valid e-mail address', 'input.email');
  if ((field === 'name' || field === 'email') && value.trim() === '') throw badInput(`${field} cannot be blank`, `input.${field}`);
}

function ownFields(details: { address?: string | null; memberId?: string | null } | null | undefined): Pick<ClientBody, 'address' | 'memberId'> {
  const body: Pick<ClientBody, 'address' | 'memberId'> = {};
  if (details?.address !== undefined && details.address !== null) body.address = details.address;
  if (details?.memberId !== undefined && details.memberId !== null) body.memberId = details.memberId;
  return body;
}

/**
 * A create request as a `Client` body. Fields Caibo has no place for are rejected by name, never
 * dropped.
 */
export function toCreateBody(input: CreateCustomerInput): ClientBody {
  if (input.kind !== null) throw badInput('CAIBO_IPG customers have no kind', 'input.kind');
  for (const key of ['username', 'firstName', 'lastName', 'category'] as const) {
    if (input[key] !== null) {
      throw badInput(`CAIBO_IPG customers have no ${key}${key.endsWith('Name') ? ': give the full name in name' : ''}`, `input.${key}`);
    }
  }
  if (input.name === null) throw badInput('CAIBO_IPG customers need a name', 'input.name');
  if (input.email === null) throw badInput('CAIBO_IPG customers need an email', 'input.email');
  const body: ClientBody = { name: input.name, email: input.email, ...ownFields(inputDetailsFor(input.details, 'CAIBO_IPG')) };
  if (input.phone !== null) body.phone = input.phone;
  for (const field of Object.keys(CLIENT_MAX_LENGTHS) as ClientField[]) {
    const value = body[field];
    if (value !== undefined) check(field, value);
  }
  return body;
}

/**
 * `PUT /customers/{id}` with only the changed fields ("only changed fields need to be sent",
 * caibo-notes.md, Customers). Caibo has no first/last name.
 */
export function toUpdateBody(input: UpdateCustomerInput): ClientBody {
  for (const key of ['firstName', 'lastName'] as const) {
    if (input[key] !== undefined) throw badInput(`CAIBO_IPG customers have no ${key}: change name instead`, `input.${key}`);
  }
  const body: ClientBody = { ...ownFields(inputDetailsFor(input.details, 'CAIBO_IPG')) };
  if (input.name !== undefined) body.name = input.name;
  if (input.email !== undefined) body.email = input.email;
  if (input.phone !== undefined) body.phone = input.phone;
  if (Object.keys(body).length === 0) throw badInput('Give at least one of name, email, phone, address, memberId', 'input');
  for (const field of Object.keys(CLIENT_MAX_LENGTHS) as ClientField[]) {
    const value = body[field];
    if (value !== undefined) check(field, value);
  }
  return body;
}
