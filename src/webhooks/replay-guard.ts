import type Keyv from 'keyv';

/**
 * Remembers event ids so a replayed (or retried) webhook changes nothing. The ids live in the keyv
 * store (`CACHE_URL`), so every gateway instance sharing it agrees.
 */
export interface ReplayGuard {
  /**
   * True the first time `eventId` is seen within the retention; false for a replay. The check and
   * the write are two store operations: two deliveries of one id racing on two instances can both
   * see `true` (keyv has no set-if-absent), so handlers stay idempotent anyway.
   */
  firstSeen(eventId: string): Promise<boolean>;
  /** Forgets an id (processing failed and the provider should be allowed to retry it). */
  forget(eventId: string): Promise<void>;
}

/**
 * @param namespace keeps one receiver's ids apart from another's (`consent-events`, `connect-events`).
 * @param retentionMs how long an id is remembered; at least the sender's retry window.
 */
export function createReplayGuard(store: Keyv, namespace: string, retentionMs: number): ReplayGuard {
  const keyOf = (eventId: string) => `replay:${namespace}:${eventId}`;
  return {
    async firstSeen(eventId) {
      const key = keyOf(eventId);
      if ((await store.get(key)) !== undefined) return false;
      await store.set(key, 1, retentionMs);
      return true;
    },
    async forget(eventId) {
      await store.delete(keyOf(eventId));
    },
  };
}
