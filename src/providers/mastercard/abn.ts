/**
 * Australian Business Number checks, from the Australian Business Register's published
 * check-digit algorithm: subtract 1 from the first digit, weight the 11 digits with
 * 10, 1, 3, 5, …, 19, and the sum must divide by 89. Whether an ABN is *active* only the
 * register knows; the provider checks that (seed 000, Customer Records).
 */
const WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19] as const;

/** People type ABNs in groups (`51 824 753 556`); only spaces are dropped, anything else fails. */
export function normalizeAbn(raw: string): string {
  return raw.replace(/\s+/g, '');
}

export function isValidAbn(raw: string): boolean {
  const abn = normalizeAbn(raw);
  if (!/^\d{11}$/.test(abn)) return false;
  let sum = 0;
  for (const [index, weight] of WEIGHTS.entries()) {
    sum += (Number(abn[index]) - (index === 0 ? 1 : 0)) * weight;
  }
  return sum % 89 === 0;
}
