import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../sim-context.js';
import { registerConsentControls } from './consent-controls.routes.js';
import { createConsentNotifier, type ConsentNotifier } from './consent-notifier.js';
import { createSignedSender } from './signed-sender.js';
import { registerSubscriptionRoutes } from './subscriptions.routes.js';

export type { ConsentNotifier, ConsentEventType } from './consent-notifier.js';

/**
 * AU consent notifications on one simulator: the subscription API, the signed sender with the
 * documented retries, and the sandbox controls that revoke or expire an arrangement on demand.
 * The US documents describe none of it, so a US simulator has none (null).
 */
export function registerConsentNotifications(
  app: FastifyInstance,
  base: Omit<SimContext, 'consentEvents'>,
  retryDelaysMs: readonly number[] | undefined,
): ConsentNotifier | null {
  if (base.profile.region !== 'AU') return null;
  const sender = createSignedSender({ now: base.now, ...(retryDelaysMs ? { retryDelaysMs } : {}) });
  const notifier = createConsentNotifier(base, sender);
  const ctx: SimContext = { ...base, consentEvents: notifier };
  registerSubscriptionRoutes(app, ctx, notifier);
  registerConsentControls(app, ctx, notifier);
  app.addHook('onClose', async () => sender.close());
  return notifier;
}
