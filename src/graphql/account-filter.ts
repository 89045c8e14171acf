import type { AccountFilter as AccountFilterModel } from '../domain/account-aggregation.port.js';
import { badInput } from '../domain/errors.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import type { Account as AccountModel } from '../domain/model.js';
import { requirePort } from '../domain/ports.js';
import type { GatewayContext } from './context.js';
import { perRequest } from './request-memo.js';
import type { AccountFilter } from './types/account-aggregation.type.js';

/** An id the caller typed: trimmed; empty is BAD_USER_INPUT naming the field, never silently "no filter". */
export function idValue(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(`${field} is empty`, field);
  return trimmed;
}

/**
 * `Customer.accounts(filter:)`: the provider's own endpoint for accounts by institution login or by
 * institution (ACCOUNT_FILTERS), read once per request per customer and filter.
 */
export function filteredAccounts(context: GatewayContext, customer: NativeRef, filter: AccountFilter): Promise<AccountModel[]> {
  const wanted: AccountFilterModel = {
    institutionLoginId: idValue(filter.institutionLoginId, 'filter.institutionLoginId'),
    institutionId: idValue(filter.institutionId, 'filter.institutionId'),
  };
  if (wanted.institutionLoginId === null && wanted.institutionId === null) {
    throw badInput('filter needs institutionLoginId, institutionId or both', 'filter');
  }
  const port = requirePort(context.registry.adapter(customer.provider), 'accountFilters', 'filtering accounts by institution login or institution');
  const key = `accountFilters:${encodeGlobalId(customer)}:${wanted.institutionLoginId ?? ''}:${wanted.institutionId ?? ''}`;
  return perRequest(context, key, () => port.list(customer, wanted));
}
