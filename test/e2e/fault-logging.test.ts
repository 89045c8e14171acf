import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId, ref } from '../../src/domain/global-id.js';
import { createLogger } from '../../src/observability/logger.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * Log levels by whose fault an error is (src/errors/fault-log.ts): a caller's fault is an answer,
 * logged at info/debug without a stack; a provider's fault at warn with its cause; a state the
 * provider documents and ends by itself (an AU account in its first aggregation) at info without a
 * stack; every line with the request id and the operation name.
 */
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ logger: createLogger('debug', sink) });
});
afterAll(async () => gateway?.close());

async function linesOf(query: string): Promise<{ reqId: string; logged: Array<Record<string, unknown>> }> {
  const answer = await gateway.graphql(query);
  const reqId = String(answer.headers['x-request-id']);
  return { reqId, logged: lines.filter((line) => line.reqId === reqId && typeof line.code === 'string') };
}

describe('error log lines', () => {
  it('logs a caller fault in a fan-out (an unknown customer) at info, without a stack', async () => {
    const ghost = encodeGlobalId(ref('MASTERCARD_US', 'Customer', '999999999'));
    const { logged } = await linesOf(`query GhostCustomer { transactions(filter: { customers: ["${ghost}"] }, first: 5) { edges { cursor } } }`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, code: 'NOT_FOUND', provider: 'MASTERCARD_US', operationName: 'GhostCustomer' });
    expect(logged[0]).not.toHaveProperty('err');
    expect(JSON.stringify(logged[0])).not.toContain('"stack"');
  });

  it('logs a caller fault on a field at debug, without a stack', async () => {
    const ghost = encodeGlobalId(ref('MASTERCARD_US', 'Customer', '999999999'));
    const { logged } = await linesOf(`query OneGhost { customer(id: "${ghost}") { id name } }`);
    expect(logged.map((line) => [line.level, line.code, line.operationName, 'err' in line])).toEqual([[20, 'NOT_FOUND', 'OneGhost', false]]);
  });

  it('logs a provider fault at warn with its cause, in a fan-out and on a field', async () => {
    const simulator = gateway.sandbox!.simulators.MASTERCARD_US!.url;
    const fail = (calls: number) =>
      fetch(`${simulator}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'fail', calls, status: 503 }) });
    await fail(3);
    const fanOut = await linesOf('query WideList { customers(first: 2) { edges { node { id } } } }');
    expect(fanOut.logged).toHaveLength(1);
    expect(fanOut.logged[0]).toMatchObject({ level: 40, code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_US', operationName: 'WideList', err: { stack: expect.any(String) } });
    await fail(3);
    const field = await linesOf('query UsOnly { customers(provider: MASTERCARD_US, first: 2) { totalCount } }');
    expect(field.logged).toHaveLength(1);
    expect(field.logged[0]).toMatchObject({ level: 40, code: 'PROVIDER_UNAVAILABLE', operationName: 'UsOnly', err: { stack: expect.any(String) } });
  });

  it('logs a Mastercard AU account still in its first aggregation at info, without a stack, naming the customer and the account', async () => {
    const found = await gateway.graphql<{ customers: { edges: Array<{ node: { id: string; providerId: string } }> } }>(
      'query { customers(provider: MASTERCARD_AU, username: "customer_profile_4110") { edges { node { id providerId } } } }',
    );
    const customer = found.data!.customers.edges[0]!.node;
    // The customer connects a second institution: its accounts answer 325 for 30 s (seed 002; the AU simulator).
    const connect = await fetch(`${gateway.sandbox!.simulators.MASTERCARD_AU!.url}/_sandbox/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: customer.providerId, institutionId: '2002119', profile: 'profile_4111' }),
    });
    expect(connect.status).toBe(201);
    const accountIds = ((await connect.json()) as { accountIds: Array<string | number> }).accountIds.map((id) => encodeGlobalId(ref('MASTERCARD_AU', 'Account', String(id), customer.providerId)));
    const { logged } = await linesOf(`query AuWide { customer(id: "${customer.id}") { transactions(first: 5) { edges { cursor } } } }`);
    // Once per account, at info, with the global IDs a caller reads in `extensions`; nothing at warn.
    expect(logged.map((line) => line.accountId).sort()).toEqual([...accountIds].sort());
    for (const line of logged) {
      expect(line).toMatchObject({ level: 30, code: 'PROVIDER_UNAVAILABLE', provider: 'MASTERCARD_AU', customerId: customer.id, operationName: 'AuWide' });
      expect(line).not.toHaveProperty('err');
      expect(JSON.stringify(line)).not.toContain('"stack"');
    }
  });
});
