import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalidParameter, missingParameter, sendError } from '../errors.js';
import type { SimContext } from '../sim-context.js';
import type { ConsentNotifier, SimSubscription } from './consent-notifier.js';

type Body = Record<string, unknown>;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A subscription as Get Subscription answers it: "the current URL, when the subscription was
 * created, when the subscription was last updated"; "these APIs do not return a `signingKey`" (seed
 * 002, Get subscription). The consent-webhooks spec file could not be obtained (au-notes.md), so the
 * JSON keys are the platform's camelCase with the id named as the reference app's path parameter
 * `{subscriptionId}` (au-reference-app-extract.json).
 */
export function subscriptionView(subscription: SimSubscription): Record<string, unknown> {
  return {
    subscriptionId: subscription.subscriptionId,
    url: subscription.url,
    notificationType: subscription.notificationType,
    createdDate: iso(subscription.createdDate),
    lastUpdatedDate: iso(subscription.lastUpdatedDate),
  };
}

/** An absolute http(s) URL; the sandbox posts to loopback listeners, so http is allowed here. */
function webhookUrl(body: Body, reply: FastifyReply): string | undefined {
  const value = body.url;
  if (value === undefined || value === null || value === '') {
    missingParameter(reply, 'url');
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 2048) {
    invalidParameter(reply, 'url');
    return undefined;
  }
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
    return parsed.toString();
  } catch {
    invalidParameter(reply, 'url');
    return undefined;
  }
}

const subscriptionNotFound = (reply: FastifyReply): FastifyReply =>
  // error-examples.json ResourceNotFoundExample: the docs name no subscription-specific code.
  sendError(reply, 404, '14001', 'Resource not found.');

/**
 * Consent notification subscriptions (seed 002, Consent Notifications): `POST`, `GET` (all),
 * `GET /{subscription_id}` and `PUT /{subscription_id}/url` under `/notifications/webhooks/subscriptions`.
 * The documents describe no way to delete a subscription, so there is none (an undocumented call
 * answers 404 like any unknown path).
 */
export function registerSubscriptionRoutes(app: FastifyInstance, ctx: SimContext, notifier: ConsentNotifier): void {
  const find = (request: FastifyRequest, reply: FastifyReply): SimSubscription | undefined => {
    const subscription = notifier.subscriptions.get((request.params as Record<string, string>).subscriptionId ?? '');
    if (!subscription) subscriptionNotFound(reply);
    return subscription;
  };

  app.post('/notifications/webhooks/subscriptions', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const body = (request.body ?? {}) as Body;
    const url = webhookUrl(body, reply);
    if (url === undefined) return reply;
    // `{"url", "notificationType": "CONSENT"}` (seed 002, Subscribe for Consent Notifications): the only documented type.
    if (body.notificationType === undefined || body.notificationType === null || body.notificationType === '') {
      return missingParameter(reply, 'notificationType');
    }
    if (body.notificationType !== 'CONSENT') return invalidParameter(reply, 'notificationType');
    const subscription = notifier.subscribe(url);
    // "the API call will return the `subscriptionID` and `signingKey`" (seed 002, Subscribing to notifications).
    return reply.code(201).send({ ...subscriptionView(subscription), signingKey: subscription.signingKey });
  });

  app.get('/notifications/webhooks/subscriptions', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    return { subscriptions: [...notifier.subscriptions.values()].map(subscriptionView) };
  });

  app.get('/notifications/webhooks/subscriptions/:subscriptionId', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const subscription = find(request, reply);
    return subscription ? subscriptionView(subscription) : reply;
  });

  app.put('/notifications/webhooks/subscriptions/:subscriptionId/url', async (request, reply) => {
    if (!ctx.auth.authenticate(request, reply)) return reply;
    const subscription = find(request, reply);
    if (!subscription) return reply;
    const url = webhookUrl((request.body ?? {}) as Body, reply);
    if (url === undefined) return reply;
    // Deliveries already queued keep going to the old URL ("keep the old URL environment functional
    // for 24 hours after the updated subscription request", seed 002, Updating subscription).
    subscription.url = url;
    subscription.lastUpdatedDate = ctx.now();
    return subscriptionView(subscription);
  });
}
