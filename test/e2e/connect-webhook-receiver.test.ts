import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS } from '../../src/sandbox/mastercard/index.js';
import { CONNECT_WEBHOOK_BODY_LIMIT_BYTES } from '../../src/webhooks/mastercard-connect.route.js';
import { ConnectSessionDocument } from '../../src/generated/operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

let gateway: TestGateway;
const sign = (raw: string, secret = MASTERCARD_AU_SANDBOX_CREDENTIALS.partnerSecret) => createHmac('sha256', secret).update(raw).digest('hex');

function post(raw: string, signature: string | undefined): Promise<Response> {
  return fetch(`${gateway.url}/webhooks/mastercard/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-signature': signature }) },
    body: raw,
  });
}

async function auCustomer(username: string): Promise<{ id: string; providerId: string }> {
  const answer = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
    `query { customers(provider: MASTERCARD_AU, username: ${JSON.stringify(username)}) { edges { node { id providerId } } } }`,
  );
  return answer.data!.customers.edges[0]!.node;
}

async function sessionOf(customerId: string, until: (event: string | undefined) => boolean) {
  let session;
  for (let i = 0; i < 100; i += 1) {
    session = (await gateway.graphql(ConnectSessionDocument, { customerId })).data?.connectSession;
    if (until(session?.lastEvent)) return session;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return session;
}

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway.close();
});

describe('POST /webhooks/mastercard/connect (X-Signature receiver)', () => {
  it('answers the ping and refuses forged, unsigned, wrongly keyed, malformed, non-JSON and oversized bodies', async () => {
    const ping = JSON.stringify({ eventType: 'ping', payload: {} });
    expect((await post(ping, sign(ping))).status).toBe(200);
    expect((await post(ping, undefined)).status).toBe(401);
    expect((await post(ping, sign(ping, 'not-the-partner-secret'))).status).toBe(401);
    expect((await post(`${ping} `, sign(ping))).status).toBe(401); // one byte more than what was signed
    expect((await post('not json', sign('not json'))).status).toBe(400);
    const text = await fetch(`${gateway.url}/webhooks/mastercard/connect`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-signature': sign(ping) }, body: ping });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = JSON.stringify({ eventType: 'started', eventId: '1-a', payload: { pad: 'x'.repeat(CONNECT_WEBHOOK_BODY_LIMIT_BYTES) } });
    expect((await post(huge, sign(huge))).status).toBe(413);
  });

  it('never answers 5xx and accepts only bodies signed with the partner secret (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.boolean(), async (raw, signed) => {
        const status = (await post(raw, signed ? sign(raw) : sign(`${raw}x`))).status;
        expect(status).toBeLessThan(500);
        if (!signed) expect([400, 401]).toContain(status);
      }),
      { numRuns: 40 },
    );
  });

  it('records an event once: a replayed eventId changes nothing; unknown event types are accepted', async () => {
    const customer = await auCustomer('customer_profile_4117');
    // The session is the caller's once the gateway generated the link (no events yet from the sandbox: no `/_sandbox/connect`).
    await gateway.graphql(`mutation($id: ID!) { generateConnectUrl(input: { customerId: $id }) { url } }`, { id: customer.id });
    const adding = JSON.stringify({ customerId: customer.providerId, eventType: 'adding', eventId: '1704384256449-196c11028016c7976922ff2a', payload: { institutionId: '200003', oauth: true } });
    const first = await post(adding, sign(adding));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true });
    expect(await sessionOf(customer.id, (event) => event === 'adding')).toMatchObject({ lastEvent: 'adding', institutionId: '200003' });

    const done = JSON.stringify({ customerId: customer.providerId, eventType: 'done', eventId: '1704384297827-320fa36f67c173fa77be15d8', payload: {} });
    expect((await post(done, sign(done))).status).toBe(200);
    expect(await sessionOf(customer.id, (event) => event === 'done')).toMatchObject({ lastEvent: 'done' });
    // A replay of the older event is recognised and does not move the status back.
    const replay = await post(adding, sign(adding));
    expect(await replay.json()).toEqual({ accepted: true, duplicate: true });
    const unknown = JSON.stringify({ customerId: customer.providerId, eventType: 'somethingNew', eventId: '1704384297999-aaaaaaaaaaaaaaaaaaaaaaaa', payload: {} });
    expect((await post(unknown, sign(unknown))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await gateway.graphql(ConnectSessionDocument, { customerId: customer.id })).data!.connectSession).toMatchObject({ lastEvent: 'done' });
  });
});
