/**
 * Australian Business Number checks. The AU docs require a "valid and active" ABN for BUSINESS
 * customers under BCDC (seed 000, Customer Records); the sandbox cannot ask the Australian Business
 * Register, so "valid" is the ABR's public check-digit algorithm and "active" is a fixed list.
 */

const WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19] as const;

/** Strips the spaces people type (`51 824 753 556`); anything else non-numeric stays and fails. */
export function normalizeAbn(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** ABR algorithm: subtract 1 from the first digit, weight the 11 digits, the sum must divide by 89. */
export function isValidAbn(raw: string): boolean {
  const abn = normalizeAbn(raw);
  if (!/^\d{11}$/.test(abn)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    const digit = Number(abn[i]) - (i === 0 ? 1 : 0);
    sum += digit * (WEIGHTS[i] as number);
  }
  return sum % 89 === 0;
}

/**
 * ABNs that pass the check digit but that this sandbox treats as cancelled on the register, so
 * partners can exercise the "inactive ABN" error.
 */
export const INACTIVE_ABNS: ReadonlySet<string> = new Set(['72618203947']);

/** Valid, active ABNs used by the seed data (check-digit valid, not real businesses as far as we know). */
export const SEED_ABNS = { profile4118: '83914571673', spare: '34305519282' } as const;

export type AbnProblem = 'invalid' | 'inactive';

export function checkAbn(raw: string): AbnProblem | undefined {
  if (!isValidAbn(raw)) return 'invalid';
  if (INACTIVE_ABNS.has(normalizeAbn(raw))) return 'inactive';
  return undefined;
}
