import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { GatewayError } from '../../domain/errors.js';
import { encodeGlobalId } from '../../domain/global-id.js';
import type { StoredTransaction } from '../../store/stored-rows.js';
import { DEFAULT_SYNC_PAGE, MAX_SYNC_PAGE, transactionsSync } from '../../sync/transactions-sync.js';
import type { GatewayContext } from '../context.js';
import { providerErrorOf } from '../types/provider-error.type.js';
import { TransactionsSyncResult, TransactionsSyncScope, type RemovedTransaction, type SyncedTransaction } from '../types/transactions-sync.type.js';

function synced(row: StoredTransaction): SyncedTransaction {
  const { transaction } = row;
  return {
    transaction,
    accountId: transaction.accountRef ? encodeGlobalId(transaction.accountRef) : null,
    customerId: transaction.customerRef ? encodeGlobalId(transaction.customerRef) : null,
    fetchedAt: row.fetchedAt,
  };
}

function removed(row: StoredTransaction): RemovedTransaction {
  const { transaction } = row;
  return {
    ...synced(row),
    id: encodeGlobalId(transaction.ref),
    provider: transaction.provider,
    providerId: transaction.providerId,
    replacedBy: row.replacedBy,
    replacementConfidence: row.replacedConfidence,
    purged: row.purged,
  };
}

@Resolver(() => TransactionsSyncResult)
export class TransactionsSyncResolver {
  @Query(() => TransactionsSyncResult, {
    nullable: true,
    description:
      'The change feed for BI (README "For BI"): transactions added, modified and removed since `cursor` (none: from the start), across every provider in scope. Reads the providers first when the scope was never read or its data is older than TRANSACTION_SYNC_MAX_AGE_SECONDS',
  })
  async transactionsSync(
    @Arg('cursor', () => String, { nullable: true, description: "The previous answer's nextCursor" }) cursor: string | null,
    @Arg('scope', () => TransactionsSyncScope, { nullable: true }) scope: TransactionsSyncScope | null,
    @Arg('limit', () => Int, { nullable: true, description: `Rows per answer, 1–${MAX_SYNC_PAGE}; default ${DEFAULT_SYNC_PAGE}` }) limit: number | null,
    @Ctx() context: GatewayContext,
  ): Promise<TransactionsSyncResult> {
    const store = context.transactionStore;
    if (!store) throw new GatewayError('INTERNAL', 'This server has no transaction store');
    const result = await transactionsSync(
      { store, registry: context.registry, events: context.events, now: context.clock, maxAgeMs: context.syncMaxAgeMs },
      { cursor: cursor ?? null, scope: scope ?? null, limit: limit ?? DEFAULT_SYNC_PAGE },
    );
    for (const { error, customer, account } of result.providerErrors) {
      context.partialErrors.push({ error, path: ['transactionsSync'], customer: customer ?? null, account: account ?? null });
    }
    return {
      added: result.added.map(synced),
      modified: result.modified.map(synced),
      removed: result.removed.map(removed),
      nextCursor: result.nextCursor,
      hasMore: result.hasMore,
      fetchedAt: result.fetchedAt,
      providerErrors: result.providerErrors.map(providerErrorOf),
    };
  }
}
