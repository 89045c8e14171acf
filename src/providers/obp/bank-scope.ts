import { GatewayError } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import { OBP_ID_PATTERN } from './ids.js';

/**
 * OBP-30111 (seed 004, "Possible Errors"): "The BANK_ID should only contain
 * 0-9/a-z/A-Z/'-'/'.'/'_', the length should be smaller than 255."
 */
export function isValidBankId(bankId: string): boolean {
  // OBP_ID_PATTERN: the OBP-30111 rule, minus dot-only ids (`..` would be a parent path).
  return OBP_ID_PATTERN.test(bankId);
}

/**
 * Which banks the gateway exposes (`OBP_BANK_IDS`; all when null). Every bank id a caller sends,
 * directly or inside a global ID's scope, is checked here before any call: a malformed one is
 * OBP-30111 and a hidden one is not ours to touch, both BAD_USER_INPUT.
 */
export interface BankScope {
  /** The configured ids in configured order, or null for "every bank OBP lists". */
  readonly configured: readonly string[] | null;
  /** Returns `bankId` when it is well-formed and exposed, otherwise throws BAD_USER_INPUT naming `field`. */
  check(bankId: string | undefined, field: string): string;
  /** The bank id of an OBP global ID (`scope[0]`), checked. */
  bankOf(target: NativeRef, field?: string): string;
}

export function createBankScope(bankIds: readonly string[] | null): BankScope {
  if (bankIds !== null) {
    const bad = bankIds.find((id) => !isValidBankId(id));
    // A start-up failure (Medusa's validateOptions habit, STYLE.md): never serve with a broken list.
    if (bad !== undefined) throw new Error(`OBP_BANK_IDS: "${bad.slice(0, 40)}" is not a valid BANK_ID (OBP-30111 rules)`);
    if (bankIds.length === 0) throw new Error('OBP_BANK_IDS: names no bank');
  }
  const exposed = bankIds === null ? null : new Set(bankIds);
  const scope: BankScope = {
    configured: bankIds === null ? null : [...new Set(bankIds)],
    check(bankId, field) {
      if (bankId === undefined || bankId === '') {
        throw new GatewayError('BAD_USER_INPUT', `${field} must name an OBP bank`, { field, provider: 'OBP' });
      }
      if (!isValidBankId(bankId)) {
        throw new GatewayError(
          'BAD_USER_INPUT',
          `${field} is not a valid OBP BANK_ID: only 0-9, a-z, A-Z, '-', '.', '_' and fewer than 255 characters`,
          { field, provider: 'OBP', providerCode: 'OBP-30111' },
        );
      }
      if (exposed !== null && !exposed.has(bankId)) {
        throw new GatewayError('BAD_USER_INPUT', `${field} names an OBP bank this gateway does not expose`, { field, provider: 'OBP' });
      }
      return bankId;
    },
    bankOf(target, field = 'id') {
      return scope.check(target.scope[0], field);
    },
  };
  return scope;
}
