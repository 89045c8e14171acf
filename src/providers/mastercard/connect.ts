import { z } from 'zod/v4';
import { badInput } from '../../domain/errors.js';
import type { ConnectPort, ConnectUrlRequest } from '../../domain/connect.port.js';
import type { FinicityClient } from './finicity-client.js';
import type { MastercardRegion } from './region.js';
import type { ConnectSessions } from './connect-sessions.js';

/**
 * Connect links (seed 002, Generate Connect URL: Connect Full and Connect Lite). The AU page's
 * "API Reference" lines say GET, but its own curl sample, the reference app and openbanking-us.yaml
 * (GenerateConnectUrl, GenerateLiteConnectUrl) all POST a JSON body, so we POST. Body fields follow
 * the spec's ConnectParameters / LiteConnectParameters.
 */
const linkSchema = z.object({ link: z.string().url() });

/** The gateway's Connect webhook receiver (src/webhooks/mastercard-connect.route.ts). */
export const CONNECT_WEBHOOK_PATH = '/webhooks/mastercard/connect';

function httpsUrl(value: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badInput(`${field} must be an absolute URL`, field);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badInput(`${field} must be an http(s) URL`, field);
  return value;
}

function bodyOf(request: ConnectUrlRequest, partnerId: string, customerId: string, webhook: string | null): Record<string, unknown> {
  const body: Record<string, unknown> = { partnerId, customerId };
  if (request.kind === 'LITE') {
    // Connect Lite "you need to supply an institutionId" (seed 002, Connect Lite); numeric in the spec.
    if (!request.institutionId) throw badInput('A LITE Connect URL needs the institutionId the customer chose', 'input.institutionId');
    if (!/^\d+$/.test(request.institutionId)) throw badInput('institutionId must be a numeric institution id', 'input.institutionId');
    body.institutionId = Number(request.institutionId);
    // LiteConnectParameters has no institutionSettings: the caller's UI already chose the institution.
    if (request.institutionSettings) throw badInput('institutionSettings is only for FULL Connect URLs; LITE has a chosen institution', 'input.institutionSettings');
  } else if (request.institutionId) {
    // Connect Full lets the customer search for the institution; it takes none (ConnectParameters).
    throw badInput('institutionId is only for LITE Connect URLs; Connect Full lets the customer choose', 'input.institutionId');
  }
  if (request.redirectUri) body.redirectUri = httpsUrl(request.redirectUri, 'input.redirectUri');
  if (webhook) {
    body.webhook = webhook;
    body.webhookContentType = 'application/json';
  } else if (request.webhookData || request.webhookHeaders) {
    // Both customise the events sent to the webhook; without one nothing would carry them.
    throw badInput('webhookData and webhookHeaders need a webhook to deliver the events to', request.webhookData ? 'input.webhookData' : 'input.webhookHeaders');
  }
  if (request.webhookData) body.webhookData = request.webhookData;
  if (request.webhookHeaders) body.webhookHeaders = request.webhookHeaders;
  if (request.institutionSettings) body.institutionSettings = request.institutionSettings;
  if (request.singleUseUrl !== null) body.singleUseUrl = request.singleUseUrl;
  if (request.experience) body.experience = request.experience;
  return body;
}

export interface ConnectPortOptions {
  region: MastercardRegion;
  client: FinicityClient;
  partnerId: string;
  now: () => number;
  /** The gateway's public base URL, when known: links without a webhook get the gateway's own receiver. */
  publicBaseUrl: () => string | undefined;
  sessions: ConnectSessions;
}

/**
 * Connect Full / Lite links and the Connect Dashboard link. A link generated without a `webhook`
 * gets the gateway's own receiver when the gateway knows its public URL (PUBLIC_BASE_URL, or the
 * sandbox's listen address), so the session's progress is recorded and queryable
 * (`connectSession`); a caller-supplied webhook is used as given, and the gateway then hears
 * nothing of that session. The provider pings the webhook before it answers (seed 002, ping), so a
 * webhook that does not answer 2xx fails the call with the provider's error.
 */
export function createConnectPort(options: ConnectPortOptions): ConnectPort {
  const { region, client, partnerId, now, sessions } = options;
  const ownReceiver = (): string | null => {
    const base = options.publicBaseUrl();
    return base === undefined ? null : `${base.replace(/\/+$/, '')}${CONNECT_WEBHOOK_PATH}`;
  };
  return {
    async generateUrl(customer, request) {
      const webhook = request.webhook ? httpsUrl(request.webhook, 'input.webhook') : ownReceiver();
      const body = bodyOf(request, partnerId, customer.id, webhook);
      const issuedAt = now();
      const { link } = await client.callJson(
        {
          operation: request.kind === 'LITE' ? 'connect.lite' : 'connect.full',
          method: 'POST',
          path: request.kind === 'LITE' ? '/connect/v2/generate/lite' : '/connect/v2/generate',
          body,
        },
        linkSchema,
      );
      if (webhook !== null && webhook === ownReceiver()) await sessions.generated(customer.id, request.requestedBy);
      return { url: link, kind: request.kind, expiresAt: new Date(issuedAt + region.connectUrlLifetimeMs) };
    },
    async generateDashboardUrl(customer) {
      // seed 002, Connect Dashboard: `POST /connect/v2/generate/consent/manage`. The documents print
      // no body or answer for it; we send what every Generate Connect call takes (partnerId,
      // customerId) and read the GenerateConnectUrlResponse `{link}` shape.
      const { link } = await client.callJson(
        { operation: 'connect.dashboard', method: 'POST', path: '/connect/v2/generate/consent/manage', body: { partnerId, customerId: customer.id } },
        linkSchema,
      );
      return { url: link };
    },
    session: (customer) => sessions.lookup(customer.id),
  };
}
