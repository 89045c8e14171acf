import { randomBytes, randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { GatewayError } from '../domain/errors.js';
import type { SecretBox } from '../security/secret-box.js';
import type { GatewayEventType } from './gateway-events.js';

/** An operator's webhook endpoint, as every read shows it (never with its secret). */
export interface WebhookEndpoint {
  /** `we_…`. */
  id: string;
  url: string;
  eventTypes: GatewayEventType[];
  description: string | null;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** Caller id that registered it. */
  createdBy: string;
}

interface StoredEndpoint extends WebhookEndpoint {
  /** `whsec_…` sealed with the secret box (GATEWAY_SECRETS_KEY). */
  sealedSecret: string;
}

/**
 * The operators' webhook endpoints, in the keyv store (shared by every instance with CACHE_URL);
 * each endpoint's signing secret is sealed with the secret box and shown once, at creation.
 */
export interface WebhookEndpoints {
  /** Registers an endpoint; answers it with its secret (`whsec_` + base64 of 32 random bytes, Standard Webhooks). */
  create(input: { url: string; eventTypes: readonly GatewayEventType[]; description: string | null; createdBy: string }): Promise<{ endpoint: WebhookEndpoint; secret: string }>;
  list(): Promise<WebhookEndpoint[]>;
  get(id: string): Promise<WebhookEndpoint | undefined>;
  /** True when it existed. */
  delete(id: string): Promise<boolean>;
  /** Endpoints subscribed to `type`, each with its opened secret (delivery only; never logged). */
  subscribers(type: GatewayEventType): Promise<Array<{ endpoint: WebhookEndpoint; secret: string }>>;
}

/** Endpoints at most: each event is signed and sent once per subscribed endpoint. */
export const MAX_WEBHOOK_ENDPOINTS = 50;

const INDEX_KEY = 'outbound-webhooks:index';
const keyOf = (id: string) => `outbound-webhooks:endpoint:${id}`;

const publicView = ({ sealedSecret: _sealed, ...endpoint }: StoredEndpoint): WebhookEndpoint => endpoint;

/**
 * @param secrets null when GATEWAY_SECRETS_KEY is not configured: `create` then answers an error
 *   naming the variable (a secret the gateway cannot seal is never kept).
 */
export function createWebhookEndpoints(store: Keyv, secrets: SecretBox | null, now: () => number = Date.now): WebhookEndpoints {
  // The index is read-modify-write: two instances registering at the same instant can lose one
  // index entry (keyv has no atomic append); the endpoint record itself is never lost.
  const ids = async (): Promise<string[]> => (await store.get<string[]>(INDEX_KEY)) ?? [];
  const load = async (id: string) => (await store.get<StoredEndpoint>(keyOf(id))) ?? undefined;
  async function all(): Promise<StoredEndpoint[]> {
    const found = await Promise.all((await ids()).map(load));
    return found.filter((endpoint): endpoint is StoredEndpoint => endpoint !== undefined);
  }
  return {
    async create(input) {
      if (secrets === null) {
        throw new GatewayError('UNSUPPORTED_BY_PROVIDER', 'Webhook endpoints need a key to seal their secrets: set GATEWAY_SECRETS_KEY (at least 32 characters) on this gateway');
      }
      const known = await ids();
      if (known.length >= MAX_WEBHOOK_ENDPOINTS) throw new GatewayError('CONFLICT', `At most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints: delete one first`);
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      const endpoint: WebhookEndpoint = {
        id: `we_${randomUUID().replace(/-/g, '')}`,
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        description: input.description,
        createdAt: new Date(now()).toISOString(),
        createdBy: input.createdBy,
      };
      await store.set(keyOf(endpoint.id), { ...endpoint, sealedSecret: secrets.seal(secret) } satisfies StoredEndpoint);
      await store.set(INDEX_KEY, [...known, endpoint.id]);
      return { endpoint, secret };
    },
    list: async () => (await all()).map(publicView),
    async get(id) {
      const found = await load(id);
      return found && publicView(found);
    },
    async delete(id) {
      const existed = await store.delete(keyOf(id));
      const known = await ids();
      if (known.includes(id)) await store.set(INDEX_KEY, known.filter((other) => other !== id));
      return existed;
    },
    async subscribers(type) {
      if (secrets === null) return [];
      return (await all())
        .filter((endpoint) => endpoint.eventTypes.includes(type))
        .map((endpoint) => ({ endpoint: publicView(endpoint), secret: secrets.open(endpoint.sealedSecret) }));
    },
  };
}
