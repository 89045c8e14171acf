import { badInput } from '../../domain/errors.js';
import type { CreateCustomerInput, UpdateCustomerInput } from '../../domain/ports.js';

/**
 * The `Client` schema's rules (seed 003, OpenAPI `components.schemas.Client`): `name` and `email`
 * required, `email` with `format: email`, and these `maxLength`s. Checked before any call, so a bad
 * request costs no upstream round trip and the error names the gateway's input field.
 */
export const CLIENT_MAX_LENGTHS = { name: 100, email: 100, address: 255, phone: 20, memberId: 50 } as const;
type ClientField = keyof typeof CLIENT_MAX_LENGTHS;

/** Caibo-only customer fields, passed in `CreateCustomerInput.extra` / `UpdateCustomerInput.extra`. */
export const CAIBO_EXTRA_FIELDS = ['address', 'memberId'] as const;

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

function check(field: ClientField, value: string): void {
  const max = CLIENT_MAX_LENGTHS[field];
  // .NET string length counts UTF-16 code units, as JavaScript's does.
  if (value.length > max) throw badInput(`${field} must be at most ${max} characters`, `input.${field}`);
  if (field === 'email' && !EMAIL_PATTERN.test(value)) throw badInput('email is not a valid e-mail address', 'input.email');
  if ((field === 'name' || field === 'email') && value.trim() === '') throw badInput(`${field} cannot be blank`, `input.${field}`);
}

function extraFields(extra: Readonly<Record<string, string>> | undefined): Pick<ClientBody, 'address' | 'memberId'> {
  const body: Pick<ClientBody, 'address' | 'memberId'> = {};
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (!(CAIBO_EXTRA_FIELDS as readonly string[]).includes(key)) throw badInput(`CAIBO_IPG customers have no field ${key}`, `input.${key}`);
    body[key as (typeof CAIBO_EXTRA_FIELDS)[number]] = value;
  }
  return body;
}

/**
 * A create request as a `Client` body. Fields Caibo has no place for are rejected by name, never
 * dropped.
 */
export function toCreateBody(input: CreateCustomerInput): ClientBody {
  if (input.kind !== null) throw badInput('CAIBO_IPG customers have no kind', 'input.kind');
  for (const key of ['username', 'firstName', 'lastName', 'applicationId', 'category'] as const) {
    if (input[key] !== null) {
      throw badInput(`CAIBO_IPG customers have no ${key}${key.endsWith('Name') ? ': give the full name in name' : ''}`, `input.${key}`);
    }
  }
  if (input.name === null) throw badInput('CAIBO_IPG customers need a name', 'input.name');
  if (input.email === null) throw badInput('CAIBO_IPG customers need an email', 'input.email');
  const body: ClientBody = { name: input.name, email: input.email, ...extraFields(input.extra) };
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
  const body: ClientBody = { ...extraFields(input.extra) };
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
