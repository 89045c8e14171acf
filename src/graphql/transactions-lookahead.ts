import {
  Kind,
  getArgumentValues,
  isObjectType,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { NativeRef } from '../domain/global-id.js';
import { firstKeysetWindow } from '../domain/keyset.js';
import { PAGE_LIMITS } from '../domain/paging.js';
import { fitsCustomerWindow } from '../loaders/transactions.loader.js';
import type { GatewayContext } from './context.js';
import { pageRequestOf } from './cursor.js';
import { transactionHistoryOf, transactionQueryOf } from './transaction-filter.js';
import type { TransactionFilter } from './types/inputs.js';

/** Field nodes named by `path` below `selectionSet`, through inline fragments and fragment spreads. */
function fieldsAt(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, path: readonly string[]): FieldNode[] {
  if (!selectionSet || path.length === 0) return [];
  const [name, ...rest] = path;
  const found: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== name) continue;
      if (rest.length === 0) found.push(selection);
      else found.push(...fieldsAt(info, selection.selectionSet, rest));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...fieldsAt(info, selection.selectionSet, path));
    } else {
      found.push(...fieldsAt(info, info.fragments[selection.name.value]?.selectionSet, path));
    }
  }
  return found;
}

/**
 * When `Customer.accounts` is asked together with `edges.node.transactions`, starts the customer's
 * transaction window right away, in parallel with the account list, instead of one round trip
 * later when the account fields resolve. The account pages then take it from the same DataLoader.
 * Best effort: arguments it cannot read are left for the field itself to report.
 */
export function prefetchAccountTransactionWindows(context: GatewayContext, customer: NativeRef, info: GraphQLResolveInfo): void {
  const accountType = info.schema.getType('Account');
  const transactionsField = isObjectType(accountType) ? accountType.getFields().transactions : undefined;
  if (!transactionsField) return;
  for (const fieldNode of info.fieldNodes) {
    for (const node of fieldsAt(info, fieldNode.selectionSet, ['edges', 'node', 'transactions'])) {
      try {
        const args = getArgumentValues(transactionsField, node, info.variableValues) as {
          first?: number | null;
          after?: string | null;
          filter?: TransactionFilter | null;
        };
        // Only a first page reads from offset 0 of the unnarrowed window (keyset.ts); its first window is reused.
        if (args.after) continue;
        const page = firstKeysetWindow(pageRequestOf(args.first, null).limit, PAGE_LIMITS.maxSize);
        if (!fitsCustomerWindow(context.registry, customer.provider, page)) continue;
        const query = transactionQueryOf(args.filter, context.now, transactionHistoryOf(context, customer.provider));
        // The rejection, if any, is reported by the account fields that load the same key.
        context.loaders.customerWindow.load({ customer, query }).catch(() => undefined);
      } catch {
        // Invalid arguments: the transactions field reports them when it resolves.
      }
    }
  }
}
