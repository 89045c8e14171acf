import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import {
  CaiboCreatePaymentRequestDocument,
  CaiboPaymentRequestStatusDocument,
  CreateCustomerDocument,
  CustomerDetailDocument,
} from '../../src/generated/operations.js';
import { CAIBO_SEED_CUSTOMER_IDS } from '../../src/sandbox/caibo/index.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * The simulators' controls through the gateway (`/sandbox/*`), each checked by its effect on what
 * GraphQL callers see; and their absence with real providers.
 */
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${gateway.url}/sandbox${path}`, {
    method,
    headers: { ...gateway.authHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const OBP_CUSTOMERS = '{ customers(provider: OBP, first: 1) { totalCount edges { node { id } } } }';
const US_CUSTOMERS = '{ customers(provider: MASTERCARD_US, first: 1) { totalCount edges { node { id } } } }';

describe('sandbox controls on the gateway', () => {
  it('needs the same credentials as /graphql', async () => {
    for (const headers of [{}, { 'x-api-key': 'not-a-key-this-gateway-knows' }] as Array<Record<string, string>>) {
      const response = await fetch(`${gateway.url}/sandbox/reset`, { method: 'POST', headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect((await fetch(`${gateway.url}/sandbox/providers/OBP/faults`, { headers: gateway.authHeaders })).status).toBe(200);
    // The index lists routes only; it is open so a browser tab can show it.
    expect((await fetch(`${gateway.url}/sandbox`)).status).toBe(200);
  });

  it('lists the controls, the test profiles and the simulators with their credentials', async () => {
    const index = await control('GET', '');
    expect(index.status).toBe(200);
    expect(index.body.controls.map((c: { path: string }) => c.path)).toContain('/sandbox/connect');
    const profiles = await control('GET', '/profiles');
    expect(profiles.body.connect.MASTERCARD_AU.profiles).toContainEqual({ username: 'profile_4118', password: 'profile_4118', purpose: expect.stringContaining('Business') });
    expect(profiles.body.simulators.OBP.url).toBe(gateway.sandbox!.simulators.OBP!.url);
    expect(profiles.body.simulators.CAIBO_IPG.credentials.apiKey).toEqual(expect.any(String));
  });

  it('simulates Connect for a new Mastercard US customer: the accounts appear through GraphQL', async () => {
    const username = `connect_${Date.now().toString(36)}`;
    const created = await gateway.graphql(CreateCustomerDocument, { input: { provider: 'MASTERCARD_US', kind: 'TESTING', username } });
    const customerId = created.data!.createCustomer!.id;
    const before = await gateway.graphql(CustomerDetailDocument, { id: customerId });
    expect(before.data!.customer!.accounts!.edges).toHaveLength(0);

    const connected = await control('POST', '/connect', { customerId });
    expect(connected.status).toBe(201);
    expect(connected.body.accountIds.length).toBeGreaterThan(0);
    const after = await gateway.graphql(CustomerDetailDocument, { id: customerId });
    expect(after.data!.customer!.accounts!.edges.map((edge) => edge.node.id).sort()).toEqual([...connected.body.accountIds].sort());
  });

  it('refuses Connect for a non-Mastercard customer and malformed ids, with the reason', async () => {
    const caibo = encodeGlobalId(ref('CAIBO_IPG', 'Customer', '1'));
    expect(await control('POST', '/connect', { customerId: caibo })).toMatchObject({ status: 400, body: { message: expect.stringContaining('Mastercard') } });
    expect(await control('POST', '/connect', { customerId: 'nope' })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(await control('POST', '/connect', {})).toMatchObject({ status: 400 });
    const unknown = encodeGlobalId(ref('MASTERCARD_US', 'Customer', '999999999'));
    expect((await control('POST', '/connect', { customerId: unknown })).status).toBe(404);
  });

  it("answers the simulator's refusals of Connect in the controls' shape, never the simulator's body", async () => {
    const created = await gateway.graphql(CreateCustomerDocument, { input: { provider: 'MASTERCARD_AU', kind: 'TESTING', username: `cx_${Date.now().toString(36)}` } });
    const customerId = created.data!.createCustomer!.id;
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ profile: 'profile_9999' }, 400, 'BAD_USER_INPUT', 'profile'],
      [{ institutionId: '424242' }, 400, 'BAD_USER_INPUT', 'institutionId'],
      [{ customerId: encodeGlobalId(ref('MASTERCARD_AU', 'Customer', '999999999')) }, 404, 'NOT_FOUND', 'customerId'],
    ];
    for (const [fields, status, code, field] of cases) {
      const answer = await control('POST', '/connect', { customerId, ...fields });
      expect(answer, JSON.stringify(fields)).toMatchObject({ status, body: { code, field, message: expect.stringContaining(field) } });
      expect(Object.keys(answer.body).sort()).toEqual(['code', 'field', 'message']);
      // Mastercard's own codes and wording stay inside the gateway.
      expect(JSON.stringify(answer.body)).not.toMatch(/1400[16]|10100|Invalid parameter|not found\./);
    }
  });

  it('moves a Caibo payment request to APPROVED', async () => {
    const created = await gateway.graphql(CaiboCreatePaymentRequestDocument, {
      input: { provider: 'CAIBO_IPG', amount: '12.00', currency: 'JPY', customerId: encodeGlobalId(ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.meiTanaka))) } as never,
    });
    const id = created.data!.createPaymentRequest!.id;
    const moved = await control('POST', `/payment-requests/${id}/status`, { status: 'approved' });
    expect(moved.status).toBe(200);
    const status = await gateway.graphql(CaiboPaymentRequestStatusDocument, { id });
    expect(status.data!.paymentRequest!.status).toBe('APPROVED');
    const refused = await control('POST', `/payment-requests/${id}/status`, { status: 'paid' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'status' } });
    // Not Caibo's ProblemDetails body.
    expect(refused.body).not.toHaveProperty('type');
    expect(refused.body).not.toHaveProperty('errors');
  });

  it('makes a provider fail for the next N calls, then recover', async () => {
    // One upstream call per query (and the token fetched first): the gateway's three attempts of
    // that idempotent GET meet the three failing calls.
    expect((await gateway.graphql(US_CUSTOMERS)).errors).toBeUndefined();
    expect(await control('PUT', '/providers/MASTERCARD_US/faults', { mode: 'fail', calls: 3, status: 503 })).toMatchObject({ status: 200 });
    const failing = await gateway.graphql(US_CUSTOMERS);
    expect(failing.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_US' });
    expect((await control('GET', '/providers/MASTERCARD_US/faults')).body).toEqual({ fault: null });
    const recovered = await gateway.graphql(US_CUSTOMERS);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data).toMatchObject({ customers: { edges: [{ node: { id: expect.any(String) } }] } });
  });

  it('a failing call the gateway retries is absorbed: one failure, the query still answers', async () => {
    await control('PUT', '/providers/MASTERCARD_US/faults', { mode: 'fail', calls: 1, status: 502 });
    expect((await gateway.graphql(US_CUSTOMERS)).errors).toBeUndefined();
    expect((await control('GET', '/providers/MASTERCARD_US/faults')).body).toEqual({ fault: null });
  });

  it('makes a provider slow for one call; the answer still arrives', async () => {
    await control('PUT', '/providers/OBP/faults', { mode: 'slow', calls: 1, delayMs: 200 });
    const slow = await gateway.graphql(OBP_CUSTOMERS);
    expect(slow.errors).toBeUndefined();
    expect((await control('GET', '/providers/OBP/faults')).body).toEqual({ fault: null });
  });

  it('refuses bad faults and unknown providers', async () => {
    expect(await control('PUT', '/providers/OBP/faults', { mode: 'fail', calls: 0 })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'calls' } });
    expect((await control('PUT', '/providers/OBP/faults', { mode: 'slow', calls: 1 })).status).toBe(400);
    expect((await control('PUT', '/providers/OBP/faults', { mode: 'fail', calls: 1, status: 200 })).status).toBe(400);
    expect(await control('PUT', '/providers/NOPE/faults', { mode: 'fail', calls: 1 })).toMatchObject({ status: 404, body: { message: expect.stringContaining('OBP') } });
    expect((await control('PUT', '/providers/not%20a%20key/faults', { mode: 'fail', calls: 1 })).status).toBe(400);
  });

  it('expires a provider token: the gateway fetches a new one and the query still answers', async () => {
    const simulator = gateway.sandbox!.simulators.MASTERCARD_US as unknown as { stats(): { tokenIssued: number } };
    const query = '{ customers(provider: MASTERCARD_US, first: 1) { totalCount } }';
    expect((await gateway.graphql(query)).errors).toBeUndefined();
    const tokensBefore = simulator.stats().tokenIssued;
    const expired = await control('POST', '/providers/MASTERCARD_US/expire-tokens');
    expect(expired.body.expired).toBeGreaterThanOrEqual(1);
    expect((await gateway.graphql(query)).errors).toBeUndefined();
    expect(simulator.stats().tokenIssued).toBe(tokensBefore + 1);
  });

  it('reset clears pending faults everywhere', async () => {
    await control('PUT', '/providers/MASTERCARD_AU/faults', { mode: 'fail', calls: 50 });
    expect((await control('POST', '/reset')).body.reset).toHaveLength(4);
    expect((await control('GET', '/providers/MASTERCARD_AU/faults')).body).toEqual({ fault: null });
  });
});

describe('with real providers', () => {
  it('has no /sandbox routes, and still serves the playground', async () => {
    // OBP "configured" at an address nothing listens on: real-provider mode without any network.
    const real = await startTestGateway({
      env: { SANDBOX: 'false', OBP_BASE_URL: 'http://127.0.0.1:9', OBP_USERNAME: 'u', OBP_PASSWORD: 'p', OBP_CONSUMER_KEY: 'k' },
    });
    try {
      expect((await fetch(`${real.url}/sandbox`)).status).toBe(404);
      expect((await fetch(`${real.url}/sandbox/profiles`)).status).toBe(404);
      expect((await fetch(`${real.url}/sandbox/reset`, { method: 'POST' })).status).toBe(404);
      const page = await fetch(`${real.url}/playground`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('"sandboxPath":null');
    } finally {
      await real.close();
    }
  });
});

describe('sandbox controls are administration', () => {
  it('refuses a key without the operator scope with 403, for reading credentials and for changing state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-scope-'));
    const key = 'read-write-but-not-operator-key';
    await writeFile(join(dir, 'keys.json'), JSON.stringify([{ id: 'rw', sha256: sha256Hex(key), scopes: ['read', 'write'] }]));
    const limited = await startTestGateway({ env: { API_KEYS_FILE: join(dir, 'keys.json') } });
    try {
      const attempts: Array<[string, string, unknown?]> = [
        ['GET', '/sandbox/profiles'],
        ['PUT', '/sandbox/providers/MASTERCARD_AU/faults', { mode: 'fail', calls: 5 }],
        ['POST', '/sandbox/reset'],
        ['POST', '/sandbox/providers/OBP/expire-tokens'],
      ];
      for (const [method, path, body] of attempts) {
        const response = await fetch(`${limited.url}${path}`, {
          method,
          headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect([method, path, response.status]).toEqual([method, path, 403]);
        expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
      // Nothing was changed: the refused fault is not pending (read with the sandbox key, which is an operator).
      const pending = await fetch(`${limited.url}/sandbox/providers/MASTERCARD_AU/faults`, { headers: limited.authHeaders });
      expect(pending.status).toBe(200);
      expect(JSON.stringify(await pending.json())).not.toContain('"calls":5');
    } finally {
      await limited.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
