/**
 * Value formats of OBP's JSON (lift-json DefaultFormats): Date fields as yyyy-MM-dd'T'HH:mm:ss'Z'
 * (meta.caveats), amounts as decimal strings such as "-351.25".
 */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatNullableDateTime(date: Date | null): string | null {
  return date === null ? null : formatDateTime(date);
}

/** yyyy-MM-dd: JSONFactory300.createCustomerJson's format for date_of_birth (meta.caveats). */
export function formatDate(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

/** Minor units (two-decimal currencies) to OBP's decimal string. */
export function formatAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface AmountJson {
  currency: string;
  amount: string;
}

export const amountJson = (currency: string, minor: number): AmountJson => ({ currency, amount: formatAmount(minor) });
