import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { createLogger } from '../../src/observability/logger.js';
import { MASTERCARD_US_SANDBOX_CREDENTIALS } from '../../src/sandbox/mastercard/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-all.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { hang, html, json, startMisbehavingServer, type Handler, type MisbehavingServer } from './misbehaving-server.js';

/**
 * Issue 9, items 3, 4 and 6: the gateway over real HTTP with Mastercard US pointed at a server on
 * port 0 that misbehaves (an edge proxy's HTML pages, a provider that never answers), the other
 * providers on their simulators. No assertion on durations: small budgets and deadlines make a
 * failure to cut show up as a hung test, and the assertions are about what the answer holds.
 */
const AUTH = 'POST /aggregation/v2/partners/authentication';
const LIST = 'GET /aggregation/v1/customers';
const CUSTOMER_ID = '1005061234';
const GET_ONE = `GET /aggregation/v1/customers/${CUSTOMER_ID}`;
const mcUsCustomer = encodeGlobalId(ref('MASTERCARD_US', 'Customer', CUSTOMER_ID));

const EDGE_PAGE = `<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>
<p>The requested URL was not found on this server.</p><hr><address>nginx/1.25.3 at edge-lb-7.internal.finicity.corp</address></body></html>`;
const STACK_PAGE = `<html><body><pre>java.sql.SQLException: Connection refused to db-primary.internal.finicity.corp:5432
  user=svc_aggregation password=hunter2-Secret
  at com.finicity.aggregation.CustomerDao.list(CustomerDao.java:118)</pre></body></html>`;

let sandbox: RunningSandbox;
let provider: MisbehavingServer | undefined;
let gateway: TestGateway | undefined;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox?.close());
afterEach(async () => {
  await gateway?.close();
  await provider?.close();
  gateway = undefined;
  provider = undefined;
});

function captureLogs(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** The gateway with every simulator except Mastercard US, which is `routes` on a misbehaving server. */
async function gatewayWith(routes: Record<string, Handler>, env: Record<string, string> = {}, stream?: Writable): Promise<TestGateway> {
  provider = await startMisbehavingServer({ [AUTH]: json(200, { token: 'token-from-the-edge' }), ...routes });
  gateway = await startTestGateway({
    env,
    endpoints: { ...sandbox.endpoints, MASTERCARD_US: { baseUrl: provider.url, credentials: MASTERCARD_US_SANDBOX_CREDENTIALS } },
    ...(stream ? { logger: createLogger('trace', stream) } : {}),
  });
  return gateway;
}

const FAN_OUT = '{ customers(first: 4) { providerErrors { provider code message retryable } edges { node { name provider } } } }';

interface FanOut {
  customers: {
    providerErrors: Array<{ provider: string; code: string; message: string; retryable: boolean }>;
    edges: Array<{ node: { name: string | null; provider: string } }>;
  };
}

describe('provider errors classified by what they are', () => {
  it('reads an HTML 404 from the edge as PROVIDER_UNAVAILABLE, retryable, with no HTML anywhere', async () => {
    const gw = await gatewayWith({ [GET_ONE]: html(404, EDGE_PAGE), [LIST]: html(404, EDGE_PAGE) });
    const one = await gw.graphql<{ customer: unknown }>('query($id: ID!) { customer(id: $id) { id name } }', { id: mcUsCustomer });
    expect(one.data?.customer ?? null).toBeNull();
    expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, provider: 'MASTERCARD_US', providerStatus: 404 });
    expect(one.errors?.[0]?.message).toContain('text/html');

    const list = await gw.graphql<FanOut>(FAN_OUT);
    const failed = list.data!.customers.providerErrors.find((error) => error.provider === 'MASTERCARD_US');
    expect(failed).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(list.data!.customers.edges.some((edge) => edge.node.provider !== 'MASTERCARD_US')).toBe(true);

    for (const body of [JSON.stringify(one), JSON.stringify(list)]) {
      expect(body).not.toMatch(/<html|<h1|DOCTYPE|nginx|internal\.finicity/i);
    }
  });

  it('keeps NOT_FOUND for a 404 in the provider\'s own error format', async () => {
    const gw = await gatewayWith({ [GET_ONE]: json(404, { code: 14001, message: 'Customer not found.' }) });
    const one = await gw.graphql<{ customer: unknown }>('query($id: ID!) { customer(id: $id) { id } }', { id: mcUsCustomer });
    expect(one.data?.customer ?? null).toBeNull();
    // Either a plain null or a NOT_FOUND error at the field: never "unavailable".
    for (const error of one.errors ?? []) expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', retryable: false });
  });

  it('keeps a 500 HTML stack trace (host names, a password) out of the answer and every log line', async () => {
    const logs = captureLogs();
    const gw = await gatewayWith({ [LIST]: html(500, STACK_PAGE) }, {}, logs.stream);
    const list = await gw.graphql<FanOut>(FAN_OUT);
    expect(list.data!.customers.providerErrors).toContainEqual(expect.objectContaining({ provider: 'MASTERCARD_US', code: 'PROVIDER_UNAVAILABLE', retryable: true }));
    expect(logs.text()).toContain('provider missing from a partial result');
    for (const text of [JSON.stringify(list), logs.text()]) {
      expect(text).not.toMatch(/hunter2|db-primary|svc_aggregation|SQLException|CustomerDao|<pre/);
    }
  });
});

describe('one deadline', () => {
  it('answers the fan-out with the others\' data and PROVIDER_TIMEOUT for a provider that never answers, within its budget', async () => {
    const gw = await gatewayWith({ [LIST]: hang }, { UPSTREAM_BUDGET_MS: '2000' });
    const list = await gw.graphql<FanOut>(FAN_OUT);
    expect(list.status).toBe(200);
    expect(list.data!.customers.providerErrors).toContainEqual(expect.objectContaining({ provider: 'MASTERCARD_US', code: 'PROVIDER_TIMEOUT', retryable: true }));
    expect(list.data!.customers.edges.length).toBeGreaterThan(0);
    expect(list.data!.customers.edges.every((edge) => edge.node.provider !== 'MASTERCARD_US')).toBe(true);
    // All attempts fit in one budget: the hanging provider never saw more than maxAttempts (3) calls.
    expect(provider!.calls(LIST)).toBeGreaterThanOrEqual(1);
    expect(provider!.calls(LIST)).toBeLessThanOrEqual(3);
  });

  it('resolves fields still waiting at the request deadline as PROVIDER_TIMEOUT and delivers the rest', async () => {
    // The upstream budget is far away: only the request deadline can end the hanging call.
    const gw = await gatewayWith({ [GET_ONE]: hang }, { UPSTREAM_BUDGET_MS: '120000', REQUEST_DEADLINE_MS: '3000' });
    const answer = await gw.graphql<{ providers: unknown[]; customer: unknown; customers: FanOut['customers'] }>(
      'query($id: ID!) { providers { provider } customer(id: $id) { name } customers(provider: OBP, first: 2) { providerErrors { provider } edges { node { name provider } } } }',
      { id: mcUsCustomer },
    );
    expect(answer.status).toBe(200);
    expect(answer.data?.customer ?? null).toBeNull();
    const timeout = answer.errors?.find((error) => error.path?.[0] === 'customer');
    expect(timeout?.extensions).toMatchObject({ code: 'PROVIDER_TIMEOUT', provider: 'MASTERCARD_US', retryable: true });
    expect(answer.data?.providers.length).toBeGreaterThan(0);
    expect(answer.data?.customers.edges.length).toBeGreaterThan(0);
    expect(provider!.calls(GET_ONE)).toBe(1);
  });
});
