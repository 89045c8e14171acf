import type { FieldErrors } from './problem-details.js';

/**
 * Path and query ids are int64 (seed 003: `id: integer, format: int64`). A value that is not one fails
 * model binding in ASP.NET: 400 with "The value 'x' is not valid." under the parameter's name.
 */
export function parseInt64(raw: string | undefined, name: string): { ok: true; id: number } | { ok: false; errors: FieldErrors } {
  if (raw === undefined || !/^-?\d{1,19}$/.test(raw) || BigInt(raw) > 9223372036854775807n || BigInt(raw) < -9223372036854775808n) {
    return { ok: false, errors: { [name]: [`The value '${(raw ?? '').slice(0, 64)}' is not valid.`] } };
  }
  return { ok: true, id: Number(raw) };
}
