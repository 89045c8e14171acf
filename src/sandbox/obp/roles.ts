import { ObpError } from './errors.js';
import type { ObpUser } from './model.js';

/**
 * The OBP roles (entitlements) the simulated endpoints require, from `requiredRoles` in
 * obp-resource-docs-extract.json (and seed 004 for user-customer links). `bank` roles are granted
 * per BANK_ID in OBP (`requiresBankId`); `system` roles are not.
 *
 * Sandbox simplification: a role given to a sandbox user counts at every bank.
 */
export const OBP_ROLES = {
  CanCreateCustomer: 'bank',
  CanCreateCustomerAtAnyBank: 'system',
  CanGetCustomer: 'bank',
  CanGetCustomers: 'bank',
  CanGetCustomersAtAnyBank: 'system',
  CanGetCustomersMinimal: 'bank',
  CanCreateUserCustomerLink: 'bank',
  CanCreateUserCustomerLinkAtAnyBank: 'system',
  // Docs silent (not in the extract): OBP v4.0.0's user-customer-link getters use these.
  CanGetUserCustomerLink: 'bank',
  CanGetUserCustomerLinkAtAnyBank: 'system',
  // Docs silent: OBP v5.0.0's customer-account-link getters use this.
  CanGetCustomerAccountLinks: 'bank',
  // Seed 004, "Create Customer Social Media Handle" and "Get Customer Social Media Handles".
  CanAddSocialMediaHandle: 'bank',
  CanGetSocialMediaHandles: 'bank',
} as const;

export type ObpRole = keyof typeof OBP_ROLES;

/**
 * Passes when the user holds at least one of `roles` (OBP's hasAtLeastOneEntitlement), otherwise
 * OBP-20006 naming the roles joined with " or " (OBP's own tests for createCustomer:
 * `UserHasMissingRoles + canCreateCustomer + " or " + canCreateCustomerAtAnyBank`), each bank-level
 * role followed by the bank, as in meta.runtimeErrorMessageFormats.missingRole:
 * "OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(<BANK_ID>)".
 */
export function requireOneOf(user: ObpUser, roles: readonly ObpRole[], bankId?: string): void {
  if (roles.some((role) => user.roles.includes(role))) return;
  const named = roles.map((role) => (OBP_ROLES[role] === 'bank' && bankId !== undefined ? `${role} at Bank(${bankId})` : role));
  throw new ObpError('UserHasMissingRoles', named.join(' or '));
}
