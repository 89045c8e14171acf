import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { createLogger } from '../../src/observability/logger.js';
import { MASTERCARD_US_SANDBOX_CREDENTIALS } from '../../src/sandbox/mastercard/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-all.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { json, startMisbehavingServer, type MisbehavingServer } from '../http/misbehaving-server.js';

/**
 * Issue 17, item 0 (c): a Mastercard error body in the documented `{code, message}` format that
 * quotes an SSN (9 digits) and account numbers (6–8 digits). The provider message reaches the
 * caller, masked to its last four digits, and no log line holds the full numbers.
 */
const AUTH = 'POST /aggregation/v2/partners/authentication';
const LIST = 'GET /aggregation/v1/customers';
const CUSTOMER_ID = '1005061234';
const GET_ONE = `GET /aggregation/v1/customers/${CUSTOMER_ID}`;
const SECRETS = ['123456789', '987654', '4455667', '12345678'];
const MESSAGE = 'Field validation failed: ssn 123456789 does not match account 987654, 4455667 or 12345678';

let sandbox: RunningSandbox;
let provider: MisbehavingServer;
let gateway: TestGateway;
const chunks: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  provider = await startMisbehavingServer({
    [AUTH]: json(200, { token: 'token-from-the-edge' }),
    [GET_ONE]: json(400, { code: 10010, message: MESSAGE }),
    [LIST]: json(500, { code: '10010', message: MESSAGE }),
  });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  gateway = await startTestGateway({
    endpoints: { ...sandbox.endpoints, MASTERCARD_US: { baseUrl: provider.url, credentials: MASTERCARD_US_SANDBOX_CREDENTIALS } },
    logger: createLogger('trace', stream),
  });
});
afterAll(async () => {
  await gateway?.close();
  await provider?.close();
  await sandbox?.close();
});

const leaks = (text: string) => SECRETS.filter((digits) => text.includes(digits));

describe('Mastercard provider messages with short digit runs', () => {
  it('masks a 6–9-digit SSN or account number in the error a caller reads', async () => {
    const one = await gateway.graphql<{ customer: unknown }>('query($id: ID!) { customer(id: $id) { id } }', {
      id: encodeGlobalId(ref('MASTERCARD_US', 'Customer', CUSTOMER_ID)),
    });
    const error = one.errors?.find((candidate) => candidate.path?.[0] === 'customer');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'MASTERCARD_US' });
    // The provider's words are kept (so the test sees the message), its numbers are not.
    expect(error?.message).toContain('Field validation failed');
    expect(error?.message).toContain('…6789');
    expect(leaks(JSON.stringify(one))).toEqual([]);
  });

  it('masks them in a fan-out\'s providerErrors and in every log line', async () => {
    const list = await gateway.graphql<{ customers: { providerErrors: Array<{ provider: string; message: string }> } }>(
      '{ customers(first: 2) { providerErrors { provider code message } edges { node { id } } } }',
    );
    const failed = list.data!.customers.providerErrors.find((error) => error.provider === 'MASTERCARD_US');
    expect(failed?.message).toContain('Field validation failed');
    expect(leaks(JSON.stringify(list))).toEqual([]);
    const logs = chunks.join('');
    expect(logs).toContain('Field validation failed');
    expect(leaks(logs)).toEqual([]);
  });
});
