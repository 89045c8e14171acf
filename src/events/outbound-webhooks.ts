import type Keyv from 'keyv';
import type { Logger } from '../observability/logger.js';
import type { SecretBox } from '../security/secret-box.js';
import type { GatewayEvents } from './gateway-events.js';
import { createWebhookDelivery, type DeliveryOptions, type WebhookDelivery } from './webhook-delivery.js';
import { createWebhookEndpoints, type WebhookEndpoints } from './webhook-endpoints.js';

/**
 * Outbound webhooks (issue 14, item 6): the operators' endpoints (keyv, secrets sealed with
 * GATEWAY_SECRETS_KEY) and the delivery of the gateway's events to them. One per server.
 */
export function createOutboundWebhooks(options: {
  store: Keyv;
  secrets: SecretBox | null;
  events: GatewayEvents;
  /** The report-callback policy (REPORT_CALLBACK_HOSTS + the gateway's own host): SSRF guard. */
  urlAllowed: (url: string) => boolean;
  logger: Logger;
  delivery?: Partial<DeliveryOptions> | undefined;
}): { endpoints: WebhookEndpoints; delivery: WebhookDelivery; close(): Promise<void> } {
  const endpoints = createWebhookEndpoints(options.store, options.secrets);
  const delivery = createWebhookDelivery({
    events: options.events,
    endpoints,
    urlAllowed: options.urlAllowed,
    logger: options.logger,
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  return { endpoints, delivery, close: () => delivery.close() };
}
