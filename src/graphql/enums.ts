import { registerEnumType } from 'type-graphql';
import { ACCOUNT_TYPES, TRANSACTION_STATUSES, type AccountType, type CustomerCategory, type CustomerKind, type TransactionStatus } from '../domain/model.js';
import { CAPABILITIES, type Capability } from '../domain/ports.js';

/** String enums whose GraphQL values equal the domain values, so no mapping layer is needed. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

/**
 * The provider modules' keys (src/providers/modules.ts): filled by `useProviderKeys` right before
 * each schema build, so a gateway with an extra module (tests) gets it in its enum.
 */
export const ProviderEnum: Record<string, string> = {};
registerEnumType(ProviderEnum, { name: 'Provider', description: 'The upstream provider an object comes from' });

/** Sets the `Provider` enum's values for the next schema build. */
export function useProviderKeys(keys: readonly string[]): void {
  for (const key of Object.keys(ProviderEnum)) delete ProviderEnum[key];
  Object.assign(ProviderEnum, enumOf(keys));
}

export const CustomerKindEnum = enumOf<CustomerKind>(['TESTING', 'ACTIVE']);
registerEnumType(CustomerKindEnum, {
  name: 'CustomerKind',
  description: 'Mastercard customers are TESTING (FinBank test institutions only, max 500) or ACTIVE (billable)',
});

export const CustomerCategoryEnum = enumOf<CustomerCategory>(['INDIVIDUAL', 'BUSINESS']);
registerEnumType(CustomerCategoryEnum, { name: 'CustomerCategory' });

export const AccountTypeEnum = enumOf<AccountType>(ACCOUNT_TYPES);
registerEnumType(AccountTypeEnum, {
  name: 'AccountType',
  description: 'Unified account type; the provider value is kept in Account.providerType',
});

export const TransactionStatusEnum = enumOf<TransactionStatus>(TRANSACTION_STATUSES);
registerEnumType(TransactionStatusEnum, {
  name: 'TransactionStatus',
  description:
    'POSTED: settled. PENDING: authorised, not settled (Caibo: waiting or pending payment request). SHADOW: found in an earlier aggregation of the account but no longer returned by the institution\'s current data (Mastercard, seed 002 "Shadow Transactions"; may be a modified or deleted duplicate). DECLINED: refused, no money moved (Caibo). CANCELLED: withdrawn before payment (Caibo)',
});

export const CapabilityEnum = enumOf<Capability>(CAPABILITIES);
registerEnumType(CapabilityEnum, { name: 'Capability', description: 'What a provider supports through the gateway' });

export const SortOrderEnum = enumOf<'asc' | 'desc'>(['asc', 'desc']);
registerEnumType(SortOrderEnum, { name: 'SortOrder' });
