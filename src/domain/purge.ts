import type { ProviderKey } from './provider.js';

/**
 * What derives from one customer's data at some institutions, and must go when the arrangements
 * that shared it end. CDR: a data recipient deletes the data collected under a revoked or expired
 * arrangement and everything derived from it (seed 002, "Consent Lifecycle"; CDR Rule 4.12).
 */
export interface PurgeScope {
  provider: ProviderKey;
  /** The provider's native customer id. */
  customerId: string;
  /** Institutions whose arrangements ended (native ids); null: every institution of the customer. */
  institutionIds: readonly string[] | null;
  /** Native account ids shared under those arrangements, when known (for stores keyed by account). */
  accountIds: readonly string[] | null;
}

/**
 * One store the gateway keeps that can hold customer-derived data (consent book, report status,
 * transaction store, response caches …). Every such store registers one target, so a purge reaches
 * all of them, now and later.
 */
export interface PurgeTarget {
  /** Stable name used in deletion records: `consent-book`, `report-status`, `transaction-store` … */
  readonly name: string;
  /** Objects this store holds for the scope (deletion records and tests count before and after). */
  count(scope: PurgeScope): Promise<number>;
  /** Deletes them; answers how many objects were deleted. */
  purge(scope: PurgeScope): Promise<number>;
}

export interface PurgeResult {
  store: string;
  deleted: number;
}

/** The gateway's list of purge targets (one per process, shared by adapters and resolvers). */
export interface PurgeTargets {
  register(target: PurgeTarget): void;
  list(): readonly PurgeTarget[];
  /**
   * Purges every target for the scope, in registration order; one target's failure does not stop
   * the others (it is rethrown as an AggregateError after all have run, with the counts so far).
   */
  purgeAll(scope: PurgeScope): Promise<PurgeResult[]>;
}

export function createPurgeTargets(): PurgeTargets {
  const targets: PurgeTarget[] = [];
  return {
    register(target) {
      if (targets.some((known) => known.name === target.name)) throw new Error(`purge target ${target.name} registered twice`);
      targets.push(target);
    },
    list: () => targets,
    async purgeAll(scope) {
      const results: PurgeResult[] = [];
      const failures: unknown[] = [];
      for (const target of targets) {
        try {
          results.push({ store: target.name, deleted: await target.purge(scope) });
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) throw Object.assign(new AggregateError(failures, 'purge incomplete'), { results });
      return results;
    },
  };
}
