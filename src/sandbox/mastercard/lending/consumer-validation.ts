/**
 * Consumer record rules (seed 001, "Creating a Consumer"; US spec CreateConsumer):
 * required `firstName`, `lastName`, `state`; at least one of `ssn` or a full `birthday`
 * (`year`, `month`, `dayOfMonth`); at least one of `phone` or `email`. The AU docs show a consumer
 * created with `firstName`, `lastName` and `phone` only (seed 002, "Creating a Consumer") and AU has
 * no SSN, so in AU only the names and the phone-or-email rule apply.
 *
 * Error codes and messages are the spec's: 10005 "Missing parameter (…)" and 10100 "Invalid format
 * for field consumer.…". The SSN value never appears in a message.
 */
export interface Birthday {
  year: number;
  month: number;
  dayOfMonth: number;
}

export interface ConsumerFields {
  firstName?: string;
  lastName?: string;
  middleName?: string;
  suffix?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  email?: string;
  /** Only the last four digits are ever kept. */
  ssnLast4?: string;
  birthday?: Birthday;
  endUser?: Record<string, unknown>;
}

export type ValidationResult =
  | { ok: true; fields: ConsumerFields }
  | { ok: false; code: string; message: string };

const TEXT_FIELDS = ['firstName', 'lastName', 'middleName', 'suffix', 'address', 'city', 'state', 'zip'] as const;

const missing = (name: string): ValidationResult => ({ ok: false, code: '10005', message: `Missing parameter (${name})` });
const invalid = (name: string, detail = ''): ValidationResult => ({
  ok: false,
  code: '10100',
  message: `Invalid format for field consumer.${name}.${detail}`,
});

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function parseBirthday(value: unknown): Birthday | 'partial' | 'invalid' | undefined {
  if (!present(value)) return undefined;
  if (typeof value !== 'object' || value === null) return 'invalid';
  const record = value as Record<string, unknown>;
  const parts = [record.year, record.month, record.dayOfMonth];
  if (parts.some((part) => !present(part))) return 'partial';
  // The spec's own example sends the parts as strings ("1989"), the Get answers numbers.
  const [year, month, dayOfMonth] = parts.map((part) => Number(part)) as [number, number, number];
  if (![year, month, dayOfMonth].every(Number.isInteger)) return 'invalid';
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return 'invalid';
  return { year, month, dayOfMonth };
}

/**
 * Validates a create (`mode: 'create'`: every rule) or a modify body (`mode: 'update'`: only the
 * formats of the fields sent, then the rules on the merged record, since "fields that are not
 * specified will be left unchanged").
 */
export function validateConsumer(
  body: unknown,
  region: 'US' | 'AU',
  _mode: 'create' | 'update',
  existing: ConsumerFields = {},
): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return missing('body');
  const input = body as Record<string, unknown>;
  const fields: ConsumerFields = { ...existing };

  for (const name of TEXT_FIELDS) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return invalid(name);
    fields[name] = value.trim();
  }
  if (present(input.phone)) {
    if (typeof input.phone !== 'string' || !/^\+?[0-9][0-9 ()\-.]{5,24}$/.test(input.phone)) return invalid('phone');
    fields.phone = input.phone;
  }
  if (present(input.email)) {
    if (typeof input.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) return invalid('email');
    fields.email = input.email;
  }
  if (present(input.ssn)) {
    // "Required format is 9 digits"; the Modify example sends "999-99-9999", so dashes are tolerated.
    const digits = typeof input.ssn === 'string' || typeof input.ssn === 'number' ? String(input.ssn).replace(/-/g, '') : '';
    if (!/^\d{9}$/.test(digits)) return invalid('ssn', '  Required format is 9 digits.');
    fields.ssnLast4 = digits.slice(-4);
  }
  const birthday = parseBirthday(input.birthday);
  if (birthday === 'invalid') return invalid('birthday');
  if (birthday !== undefined && birthday !== 'partial') fields.birthday = birthday;
  if (input.endUser !== undefined && input.endUser !== null) {
    const endUser = validateEndUser(input.endUser);
    if (endUser.ok) fields.endUser = endUser.endUser;
    else return endUser;
  }

  const required = region === 'US' ? (['firstName', 'lastName', 'state'] as const) : (['firstName', 'lastName'] as const);
  for (const name of required) if (!present(fields[name])) return missing(name);
  if (region === 'US' && fields.ssnLast4 === undefined && fields.birthday === undefined) {
    // A birthday without all three parts does not count.
    if (birthday === 'partial') {
      const record = input.birthday as Record<string, unknown>;
      const part = (['year', 'month', 'dayOfMonth'] as const).find((name) => !present(record[name]));
      return missing(`birthday.${part ?? 'dayOfMonth'}`);
    }
    return missing('ssn or birthday');
  }
  if (!present(fields.phone) && !present(fields.email)) return missing('phone or email');
  return { ok: true, fields };
}

/**
 * openbanking-us.yaml `ConsumerEndUser`: name, address, city, state, zip, phone required; email and
 * url optional (url at least 2 characters). Members not in the schema are not kept.
 */
function validateEndUser(value: unknown): { ok: true; endUser: Record<string, string> } | Extract<ValidationResult, { ok: false }> {
  const fail = (result: ValidationResult) => result as Extract<ValidationResult, { ok: false }>;
  if (typeof value !== 'object' || Array.isArray(value)) return fail(invalid('endUser'));
  const input = value as Record<string, unknown>;
  const endUser: Record<string, string> = {};
  for (const name of ['name', 'address', 'city', 'state', 'zip', 'phone'] as const) {
    if (!present(input[name])) return fail(missing(`endUser.${name}`));
    if (typeof input[name] !== 'string') return fail(invalid(`endUser.${name}`));
    endUser[name] = (input[name] as string).trim();
  }
  if (present(input.email)) {
    if (typeof input.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) return fail(invalid('endUser.email'));
    endUser.email = input.email;
  }
  if (present(input.url)) {
    if (typeof input.url !== 'string' || input.url.trim().length < 2) return fail(invalid('endUser.url'));
    endUser.url = input.url.trim();
  }
  return { ok: true, endUser };
}
