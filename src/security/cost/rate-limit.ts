import type Keyv from 'keyv';

export type RateVerdict = { allowed: true; used: number } | { allowed: false; used: number; retryAfterSeconds: number };

export interface CostRateLimiter {
  /** Spends `cost` units of `callerId`'s current minute, or says how long until the next one. */
  consume(callerId: string, cost: number): Promise<RateVerdict>;
}

const WINDOW_MS = 60_000;

/**
 * A per-caller budget of cost units per minute (fixed one-minute windows), kept in the keyv store:
 * in memory by default, shared by every gateway instance when CACHE_URL points at one Redis. The
 * read-then-write is not atomic, so two instances spending at the same instant can both pass; the
 * limit is exact within an instance and approximate across them (README, "Access and limits").
 * When the store cannot be reached the limit fails open (`onStoreError` logs it).
 */
export function createCostRateLimiter(
  store: Keyv,
  perMinute: number,
  onStoreError: (error: unknown) => void,
  now: () => number = Date.now,
): CostRateLimiter {
  return {
    async consume(callerId, cost) {
      const at = now();
      const window = Math.floor(at / WINDOW_MS);
      const key = `ratelimit:cost:${callerId}:${window}`;
      let used: number;
      try {
        used = Number((await store.get<number>(key)) ?? 0);
      } catch (error) {
        // Fails open: an unreachable store (reported by /readyz) must not turn every request away;
        // the per-request budget still holds.
        onStoreError(error);
        return { allowed: true, used: cost };
      }
      if (used + cost > perMinute) {
        return { allowed: false, used, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - at) / 1000)) };
      }
      await store.set(key, used + cost, 2 * WINDOW_MS).catch(onStoreError);
      return { allowed: true, used: used + cost };
    },
  };
}
