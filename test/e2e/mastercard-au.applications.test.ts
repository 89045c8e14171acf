import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/** Issue 16 row 8: Mastercard AU application registration and status (seed 002, Applications). */
const REGISTER = `mutation ($input: RegisterApplicationInput!) { registerApplication(input: $input) { provider applicationId status providerStatus name } }`;
const STATUS = `query ($id: String!) { application(provider: MASTERCARD_AU, applicationId: $id) { applicationId status providerStatus name submittedAt } }`;
const LOGO = Buffer.from('a tiny logo').toString('base64');
const WRITER_KEY = 'applications-writer-no-operator';

const representative = { provider: 'MASTERCARD_AU', appName: 'Budget Buddy Pty Ltd', appDescription: 'Budgeting for households', appUrl: 'https://budget.example.com', image: LOGO };
const adr = {
  provider: 'MASTERCARD_AU',
  appName: 'Lend Well',
  legalEntityName: 'Lend Well Pty Ltd',
  policyUrl: 'https://lendwell.example.com/privacy',
  dataComplaintsEmailAddress: 'complaints@lendwell.example.com',
  softwareId: 'sw-1',
  orgId: 'org-1',
  copyrightLogo: LOGO,
  businessName: 'Lend Well',
  fromEmail: 'no-reply@lendwell.example.com',
  image: LOGO,
};

describe('Mastercard AU applications under the CDR representative model (sandbox default)', () => {
  let gateway: TestGateway;
  let dir: string;
  const sim = () => gateway.sandbox!.simulators.MASTERCARD_AU as MastercardSimulator;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gw-applications-'));
    const keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify([{ id: 'writer', sha256: sha256Hex(WRITER_KEY), scopes: ['read', 'write', 'reports', 'sensitive'] }]));
    gateway = await startTestGateway({ env: { API_KEYS_FILE: keysFile } });
  });
  afterAll(async () => {
    await gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers an application (Pending) and reads its status back by id', async () => {
    const registered = await gateway.graphql<{ registerApplication: { applicationId: string; status: string; providerStatus: string; name: string } }>(REGISTER, {
      input: representative,
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerApplication).toMatchObject({ status: 'PENDING', providerStatus: 'Pending', name: 'Budget Buddy Pty Ltd' });
    const id = registered.data!.registerApplication.applicationId;

    const status = await gateway.graphql<{ application: { applicationId: string; status: string; providerStatus: string; name: string; submittedAt: string } }>(STATUS, { id });
    expect(status.errors).toBeUndefined();
    // The sandbox approves at once ("Auto approved"); status letters as openbanking-us.yaml App.status.
    expect(status.data!.application).toMatchObject({ applicationId: id, status: 'APPROVED', providerStatus: 'A', name: 'Budget Buddy Pty Ltd' });
    expect(Date.parse(status.data!.application.submittedAt)).not.toBeNaN();

    const unknown = await gateway.graphql<{ application: unknown }>(STATUS, { id: '00278431-b712-4f30-a044-b611f25e533d' });
    expect(unknown.data!.application).toBeNull();
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'MASTERCARD_AU' });
  });

  it('refuses missing, foreign and malformed fields with BAD_USER_INPUT before any call', async () => {
    sim().resetStats();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...representative, appUrl: undefined }, 'input.appUrl'],
      [{ ...representative, image: '  ' }, 'input.image'],
      [{ ...representative, image: 'not base64!' }, 'input.image'],
      [{ ...representative, appUrl: 'ftp://budget.example.com' }, 'input.appUrl'],
      [{ ...representative, orgId: 'org-1' }, 'input.orgId'],
      [{ ...representative, appName: 'x'.repeat(256) }, 'input.appName'],
    ];
    for (const [input, field] of cases) {
      const answer = await gateway.graphql(REGISTER, { input });
      expect(answer.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (email) => {
        const answer = await gateway.graphql(REGISTER, { input: { ...adr, provider: 'MASTERCARD_AU', fromEmail: email } });
        // Under this model the ADR-only fields are refused whatever their value: never a provider call.
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 15 },
    );
    expect(sim().stats().byRoute['POST /applications']).toBeUndefined();
  });

  it('is operator-only, and UNSUPPORTED_BY_PROVIDER elsewhere', async () => {
    const writer = { headers: { 'x-api-key': WRITER_KEY } };
    const refused = await gateway.graphql(REGISTER, { input: representative }, writer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await gateway.graphql(STATUS, { id: 'x' }, writer);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const us = await gateway.graphql(REGISTER, { input: { ...representative, provider: 'MASTERCARD_US' } });
    expect(us.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_US' });
  });
});

describe('Mastercard AU applications under the OSP model (ADR)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ env: { MASTERCARD_AU_ACCESS_MODEL: 'OSP' } });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('needs every ADR field, and takes the optional ones the example shows', async () => {
    const ok = await gateway.graphql<{ registerApplication: { status: string } }>(REGISTER, { input: { ...adr, replyToEmail: 'help@lendwell.example.com', appUrl: 'https://lendwell.example.com' } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerApplication.status).toBe('PENDING');
    const missing = await gateway.graphql(REGISTER, { input: { ...adr, softwareId: null } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.softwareId' });
    const email = await gateway.graphql(REGISTER, { input: { ...adr, fromEmail: 'not-an-email' } });
    expect(email.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fromEmail' });
    const disclosure = await gateway.graphql(REGISTER, { input: { ...adr, disclosureType: 'x' } });
    expect(disclosure.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.disclosureType' });
  });

  it('has the simulator refuse what the model needs but the body lacks (10005)', async () => {
    const sim = gateway.sandbox!.simulators.MASTERCARD_AU as MastercardSimulator;
    const { MASTERCARD_AU_SANDBOX_CREDENTIALS: c } = await import('../../src/sandbox/mastercard/index.js');
    const auth = await fetch(`${sim.url}/aggregation/v2/partners/authentication`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'App-Key': c.appKey },
      body: JSON.stringify({ partnerId: c.partnerId, partnerSecret: c.partnerSecret }),
    });
    const { token } = (await auth.json()) as { token: string };
    const headers = { 'App-Key': c.appKey, 'App-Token': token, 'content-type': 'application/json' };
    const { provider: _provider, softwareId: _softwareId, ...body } = adr;
    const missing = await fetch(`${sim.url}/applications`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ code: '10005', message: 'Missing parameter (softwareId)' });
    const unknownQuery = await fetch(`${sim.url}/applications?appId=1`, { headers });
    expect(unknownQuery.status).toBe(400);
    expect(await unknownQuery.json()).toMatchObject({ code: '3008' });
  });
});
