import type { FieldErrors } from './problem-details.js';
import { fieldOf, hasField, isPlainObject } from './json-body.js';

/**
 * The `Client` schema's rules (seed 003, OpenAPI `components.schemas.Client`): `name` and `email` are
 * required, `email` has `format: email`, and each string has a `maxLength` with `minLength: 0`, which is
 * what Swashbuckle emits for `[StringLength(n)]`. Messages are the DataAnnotations defaults, with the JSON
 * (camelCase) names as keys and display names, as ASP.NET 7+ reports them with its System.Text.Json
 * validation metadata provider.
 *
 * `additionalProperties: false` in the schema is Swashbuckle's default for every class, not a runtime
 * rule: System.Text.Json ignores unknown properties, and seed 003's own update example sends a
 * `preferences` object, so unknown and read-only fields (`id`, `totalDeposits`, …) are ignored.
 */
export const CLIENT_MAX_LENGTHS = { name: 100, email: 100, address: 255, phone: 20, memberId: 50 } as const;

export type ClientField = keyof typeof CLIENT_MAX_LENGTHS;
const CLIENT_FIELDS = Object.keys(CLIENT_MAX_LENGTHS) as ClientField[];
const REQUIRED: readonly ClientField[] = ['name', 'email'];

export interface ClientInput {
  name?: string;
  email?: string;
  address?: string | null;
  phone?: string | null;
  memberId?: string | null;
}

export type ClientValidation = { ok: true; value: ClientInput } | { ok: false; errors: FieldErrors };

/**
 * `create` needs the required fields; `update` validates only the fields sent, because the update
 * narrative says "only changed fields need to be sent" (caibo-notes.md, Customers: `PUT /customers/{id}`).
 * `prefix` names the enclosing property for nested clients (`client.email` in a payment request).
 */
export function validateClient(body: unknown, mode: 'create' | 'update', prefix = ''): ClientValidation {
  const errors: FieldErrors = {};
  const add = (key: string, message: string): void => {
    (errors[key] ??= []).push(message);
  };
  if (!isPlainObject(body)) {
    add(prefix === '' ? '$' : `$.${prefix}`, `The JSON value could not be converted to Client. Path: $${prefix === '' ? '' : `.${prefix}`}`);
    return { ok: false, errors };
  }

  const value: ClientInput = {};
  for (const field of CLIENT_FIELDS) {
    const key = `${prefix}${field}`;
    if (!hasField(body, field)) {
      if (mode === 'create' && REQUIRED.includes(field)) add(key, `The ${field} field is required.`);
      continue;
    }
    const raw = fieldOf(body, field);
    if (raw !== null && typeof raw !== 'string') {
      // A JSON type mismatch fails in System.Text.Json before validation, reported under the JSON path.
      add(`$.${key}`, `The JSON value could not be converted to System.String. Path: $.${key}`);
      continue;
    }
    // [Required] rejects null, "" and whitespace-only strings (AllowEmptyStrings = false).
    if (REQUIRED.includes(field) && (raw === null || raw.trim() === '')) {
      add(key, `The ${field} field is required.`);
    }
    if (typeof raw === 'string' && raw.length > CLIENT_MAX_LENGTHS[field]) {
      add(key, `The field ${field} must be a string with a maximum length of ${CLIENT_MAX_LENGTHS[field]}.`);
    }
    if (field === 'email' && typeof raw === 'string' && !isDataAnnotationsEmail(raw)) {
      add(key, `The ${field} field is not a valid e-mail address.`);
    }
    value[field] = raw as string; // null stays null for the nullable fields; required ones were rejected above
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * .NET's `[EmailAddress]` check: exactly one `@`, neither first nor last (and no CR/LF). That is all the
 * real API can enforce for `format: email`, so the simulator is no stricter.
 */
export function isDataAnnotationsEmail(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const at = value.indexOf('@');
  return at > 0 && at !== value.length - 1 && at === value.lastIndexOf('@');
}
