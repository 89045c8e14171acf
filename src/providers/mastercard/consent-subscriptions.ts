import { z } from 'zod/v4';
import { GatewayError } from '../../domain/errors.js';
import type { ConsentNotificationSubscription, CreatedConsentNotificationSubscription } from '../../domain/consent-notifications.port.js';
import type { FinicityClient } from './finicity-client.js';
import { segment, type MastercardRegion } from './region.js';
import { flexibleId } from './wire.js';

/**
 * A subscription as the AU API answers it (seed 002, Consent Notifications: "the current URL, when
 * the subscription was created, when the subscription was last updated"). The consent-webhooks
 * spec could not be obtained (au-notes.md), so the reader accepts the id as `subscriptionId`, the
 * docs' spelling `subscriptionID`, or `id`, and reads dates as ISO-8601 or epoch seconds.
 */
const subscriptionSchema = z
  .object({
    subscriptionId: flexibleId.optional(),
    subscriptionID: flexibleId.optional(),
    id: flexibleId.optional(),
    url: z.string(),
    notificationType: z.string().nullish(),
    createdDate: z.union([z.string(), z.number()]).nullish(),
    lastUpdatedDate: z.union([z.string(), z.number()]).nullish(),
  })
  .passthrough();
const createdSchema = subscriptionSchema.extend({ signingKey: z.string().min(1) });
const listSchema = z.union([z.object({ subscriptions: z.array(subscriptionSchema) }).passthrough(), z.array(subscriptionSchema)]);

const PATH = '/notifications/webhooks/subscriptions';

function dateOf(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = typeof value === 'number' || /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function toSubscription(region: MastercardRegion, wire: z.infer<typeof subscriptionSchema>): ConsentNotificationSubscription {
  const id = wire.subscriptionId ?? wire.subscriptionID ?? wire.id;
  if (id === undefined) throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: a subscription came without an id`, { provider: region.provider });
  return {
    provider: region.provider,
    id,
    url: wire.url,
    notificationType: wire.notificationType ?? 'CONSENT',
    createdAt: dateOf(wire.createdDate),
    updatedAt: dateOf(wire.lastUpdatedDate),
  };
}

/** The four documented calls: create, list, get, change URL (seed 002, Consent Notifications). */
export function createConsentSubscriptionCalls(region: MastercardRegion, client: FinicityClient) {
  const isNotFound = (error: unknown) => error instanceof GatewayError && error.code === 'NOT_FOUND';
  return {
    async create(url: string): Promise<CreatedConsentNotificationSubscription> {
      // `{"url", "notificationType": "CONSENT"}` (seed 002, Subscribe for Consent Notifications).
      const wire = await client.callJson(
        { operation: 'consentSubscriptions.create', method: 'POST', path: PATH, body: { url, notificationType: 'CONSENT' } },
        createdSchema,
      );
      return { subscription: toSubscription(region, wire), signingKey: wire.signingKey };
    },
    async list(): Promise<ConsentNotificationSubscription[]> {
      const wire = await client.callJson({ operation: 'consentSubscriptions.list', method: 'GET', path: PATH }, listSchema);
      return (Array.isArray(wire) ? wire : wire.subscriptions).map((item) => toSubscription(region, item));
    },
    async get(id: string): Promise<ConsentNotificationSubscription | null> {
      try {
        const wire = await client.callJson({ operation: 'consentSubscriptions.get', method: 'GET', path: `${PATH}/${segment(id)}` }, subscriptionSchema);
        return toSubscription(region, wire);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async changeUrl(id: string, url: string): Promise<ConsentNotificationSubscription> {
      const wire = await client.callJson(
        { operation: 'consentSubscriptions.changeUrl', method: 'PUT', path: `${PATH}/${segment(id)}/url`, body: { url } },
        subscriptionSchema,
      );
      return toSubscription(region, wire);
    },
  };
}
