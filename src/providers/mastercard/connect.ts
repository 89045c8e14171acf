import { z } from 'zod/v4';
import { badInput } from '../../domain/errors.js';
import type { ConnectPort, ConnectUrlRequest } from '../../domain/connect.port.js';
import type { FinicityClient } from './finicity-client.js';
import type { MastercardRegion } from './region.js';

/**
 * Connect links (seed 002, Generate Connect URL: Connect Full and Connect Lite). The AU page's
 * "API Reference" lines say GET, but its own curl sample, the reference app and openbanking-us.yaml
 * (GenerateConnectUrl, GenerateLiteConnectUrl) all POST a JSON body, so we POST. Body fields follow
 * the spec's ConnectParameters / LiteConnectParameters.
 */
const linkSchema = z.object({ link: z.string().url() });

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

function bodyOf(request: ConnectUrlRequest, partnerId: string, customerId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { partnerId, customerId };
  if (request.kind === 'LITE') {
    // Connect Lite "you need to supply an institutionId" (seed 002, Connect Lite); numeric in the spec.
    if (!request.institutionId) throw badInput('A LITE Connect URL needs the institutionId the customer chose', 'input.institutionId');
    if (!/^\d+$/.test(request.institutionId)) throw badInput('institutionId must be a numeric institution id', 'input.institutionId');
    body.institutionId = Number(request.institutionId);
  } else if (request.institutionId) {
    // Connect Full lets the customer search for the institution; it takes none (ConnectParameters).
    throw badInput('institutionId is only for LITE Connect URLs; Connect Full lets the customer choose', 'input.institutionId');
  }
  if (request.redirectUri) body.redirectUri = httpsUrl(request.redirectUri, 'input.redirectUri');
  if (request.webhook) {
    body.webhook = httpsUrl(request.webhook, 'input.webhook');
    body.webhookContentType = 'application/json';
  }
  if (request.experience) body.experience = request.experience;
  return body;
}

export function createConnectPort(region: MastercardRegion, client: FinicityClient, partnerId: string, now: () => number): ConnectPort {
  return {
    async generateUrl(customer, request) {
      const body = bodyOf(request, partnerId, customer.id);
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
      return { url: link, kind: request.kind, expiresAt: new Date(issuedAt + region.connectUrlLifetimeMs) };
    },
  };
}
