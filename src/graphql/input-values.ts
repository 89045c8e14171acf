/**
 * A string argument as the adapters see it: null when the caller gave none or only blanks, so ""
 * never reaches a provider as a value. Otherwise unchanged: what the caller typed is what is sent.
 */
export function given(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
