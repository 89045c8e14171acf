import type Keyv from 'keyv';
import type { ConnectEvent, ConnectSessionStatus } from '../../domain/connect.port.js';
import type { ProviderKey } from '../../domain/provider.js';
import type { PurgeTarget } from '../../domain/purge.js';

/**
 * The latest Connect session status per customer, from the Connect webhooks the gateway receives,
 * kept in the keyv store (shared across instances with CACHE_URL). One record per customer: the
 * newest link the gateway generated for them and the last event heard. It holds institution and
 * account ids, so it is a purge target (`connect-sessions`).
 */
export interface ConnectSessions {
  /** The gateway generated a link with its own receiver as the webhook. */
  generated(customerId: string, requestedBy: string | null): Promise<void>;
  /** A verified event for the customer; `eventType` is kept as the provider sent it. */
  record(customerId: string, event: ConnectEvent): Promise<void>;
  lookup(customerId: string): Promise<ConnectSessionStatus | undefined>;
  readonly purgeTarget: PurgeTarget;
}

/**
 * Events arrive for up to 72 hours of retries after a session (seed 002, Connect Webhooks: "a retry
 * every hour for 72 hours"); a status is kept a week past its last event.
 */
export const CONNECT_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

function accountIdsOf(payload: Readonly<Record<string, unknown>>): string[] {
  const accounts = payload.accounts;
  if (!Array.isArray(accounts)) return [];
  return accounts.map((account) => text((account as { id?: unknown } | null)?.id)).filter((id): id is string => id !== null);
}

export function createConnectSessions(options: { provider: ProviderKey; store: Keyv; now: () => number }): ConnectSessions {
  const { provider, store, now } = options;
  const keyOf = (customerId: string) => `connect:session:${provider}:${customerId}`;
  const lookup = async (customerId: string) => (await store.get<ConnectSessionStatus>(keyOf(customerId))) ?? undefined;
  return {
    async generated(customerId, requestedBy) {
      const record: ConnectSessionStatus = {
        customerId,
        lastEvent: 'generated',
        lastEventId: null,
        institutionId: null,
        accountIds: [],
        errorCode: null,
        requestedBy,
        updatedAtMs: now(),
      };
      await store.set(keyOf(customerId), record, CONNECT_SESSION_TTL_MS);
    },
    async record(customerId, event) {
      const existing = await lookup(customerId);
      const payload = event.payload;
      const accountIds = accountIdsOf(payload);
      const record: ConnectSessionStatus = {
        customerId,
        lastEvent: event.eventType,
        lastEventId: event.eventId,
        institutionId: text(payload.institutionId) ?? existing?.institutionId ?? null,
        accountIds: accountIds.length > 0 ? accountIds : (existing?.accountIds ?? []),
        errorCode: event.eventType === 'unableToConnect' ? text(payload.code) : null,
        requestedBy: existing?.requestedBy ?? null,
        updatedAtMs: now(),
      };
      await store.set(keyOf(customerId), record, CONNECT_SESSION_TTL_MS);
    },
    lookup,
    purgeTarget: {
      name: `connect-sessions:${provider}`,
      async count(scope) {
        return scope.provider === provider && (await lookup(scope.customerId)) !== undefined ? 1 : 0;
      },
      async purge(scope) {
        if (scope.provider !== provider) return 0;
        return (await store.delete(keyOf(scope.customerId))) ? 1 : 0;
      },
    },
  };
}
