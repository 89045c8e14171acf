import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway-harness.js';

/**
 * A Mastercard US report's whole life over HTTP: consumer, generation, IN_PROGRESS, the
 * simulator's report events arriving at the gateway's own webhook, SUCCESS answered without an
 * upstream call, VOI analytics read as typed GraphQL, REPORT_NOT_READY while generating, a FAILURE,
 * refused and replayed webhooks, and the SSN never showing up in a response or a log line.
 */

const SSN = '987-65-4329';
const SSN_DIGITS = '987654329';
/**
 * Reports never finish by themselves during this file: each test that needs one finished says so
 * through the simulator's control endpoint, so a slow machine cannot reorder the life cycle.
 */
const REPORT_DELAY_MS = 10 * 60 * 1000;
const REPORT_GET_ROUTE = 'GET /decisioning/v3/customers/:customerId/reports/:reportId';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- responses are walked freely in assertions

let gateway: TestGateway;
let simulatorUrl: string;
const logLines: string[] = [];
const responses: string[] = [];
let customerId: string;

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Json>> {
  const answer = await gateway.graphql<Json>(query, variables);
  responses.push(JSON.stringify(answer));
  return answer;
}

/** Finishes a report at the simulator now; its done/failed event then goes to the callback. */
async function finishAtProvider(globalReportId: string): Promise<void> {
  const answer = await gateway.graphql<Json>('query ($id: ID!) { report(id: $id) { providerId } }', { id: globalReportId });
  const providerId = answer.data!.report.providerId as string;
  const response = await fetch(`${simulatorUrl}/_sandbox/mastercard/lending/reports/${encodeURIComponent(providerId)}/finish`, { method: 'POST' });
  expect(response.status).toBe(200);
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function simulatorStats(): Promise<{ byRoute: Record<string, number> }> {
  return (await fetch(`${simulatorUrl}/_sandbox/stats`)).json() as Promise<{ byRoute: Record<string, number> }>;
}

interface DeliveryAttempt {
  reportId: string;
  eventName: string;
  url: string;
  ok: boolean;
}

async function deliveries(): Promise<DeliveryAttempt[]> {
  const body = (await (await fetch(`${simulatorUrl}/_sandbox/mastercard/lending/report-events`)).json()) as { attempts: DeliveryAttempt[] };
  return body.attempts;
}

async function postEvent(url: string, event: unknown): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
  await response.arrayBuffer();
  return response.status;
}

const STATUS = 'query ($id: ID!) { report(id: $id) { id status type } }';

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  // REPORT_CALLBACK_HOSTS: the caller-supplied callbackUrl test listens on another loopback port.
  gateway = await startTestGateway({ env: { REPORT_CALLBACK_HOSTS: '127.0.0.1' }, logger: createLogger('trace', stream), sandbox: { providers: { MASTERCARD_US: { reportDelayMs: REPORT_DELAY_MS }, MASTERCARD_AU: { reportDelayMs: REPORT_DELAY_MS } } } });
  simulatorUrl = gateway.sandbox!.simulators.MASTERCARD_US!.url;
  const list = await gql('{ customers(provider: MASTERCARD_US, first: 1) { edges { node { id } } } }');
  customerId = list.data!.customers.edges[0].node.id;
});

afterAll(async () => {
  await gateway?.close();
});

describe('lending reports end to end (Mastercard US)', () => {
  let reportId: string;

  it('creates the consumer without ever showing its SSN', async () => {
    const created = await gql(
      `mutation ($customerId: ID!, $input: ConsumerInput!, $ssn: Ssn) {
        createConsumer(customerId: $customerId, input: $input, ssn: $ssn) { id providerId firstName state birthday { year } customer { id } }
      }`,
      {
        customerId,
        ssn: SSN,
        input: { firstName: 'Ada', lastName: 'Lovelace', state: 'UT', email: 'ada@example.com', birthday: { year: 1989, month: 8, dayOfMonth: 13 } },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createConsumer).toMatchObject({ firstName: 'Ada', state: 'UT', birthday: { year: 1989 }, customer: { id: customerId } });
    const read = await gql('query ($id: ID!) { customer(id: $id) { consumer { id lastName } } }', { id: customerId });
    expect(read.data!.customer.consumer).toEqual({ id: created.data!.createConsumer.id, lastName: 'Lovelace' });
  });

  it('refuses a second consumer with CONFLICT', async () => {
    const again = await gql(
      'mutation ($customerId: ID!, $ssn: Ssn) { createConsumer(customerId: $customerId, input: { firstName: "B", lastName: "C", state: "UT", phone: "1-801-555-0100" }, ssn: $ssn) { id } }',
      { customerId, ssn: SSN },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', provider: 'MASTERCARD_US', providerCode: '11000' });
  });

  it('rejects more than two interval types with the provider message, before any call', async () => {
    const before = (await simulatorStats()).byRoute['POST /decisioning/v2/customers/:customerId/voi'] ?? 0;
    const answer = await gql(
      'mutation ($id: ID!) { generateVoiReport(customerId: $id, input: { intervalTypes: [MONTHLY_CALENDAR, WEEKLY_CALENDAR, ANNUALLY] }) { id } }',
      { id: customerId },
    );
    expect(answer.errors?.[0]?.message).toBe('More than 2 intervalTypes passed request.');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.intervalTypes' });
    expect((await simulatorStats()).byRoute['POST /decisioning/v2/customers/:customerId/voi'] ?? 0).toBe(before);
  });

  it('generates a VOI report: IN_PROGRESS at once, with the gateway as its callback', async () => {
    const answer = await gql(
      'mutation ($id: ID!) { generateVoiReport(customerId: $id, input: { intervalTypes: [MONTHLY_CALENDAR, WEEKLY_CALENDAR] }) { id type status providerType consumer { lastName } } }',
      { id: customerId },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.generateVoiReport).toMatchObject({ type: 'VOI', status: 'IN_PROGRESS', providerType: 'voi', consumer: { lastName: 'Lovelace' } });
    reportId = answer.data!.generateVoiReport.id;
    const attempts = await until(async () => {
      const found = (await deliveries()).filter((attempt) => attempt.eventName === 'inProgress');
      return found.length > 0 ? found : undefined;
    });
    expect(attempts[0]!.url.startsWith(`${gateway.url}/webhooks/mastercard/reports/`)).toBe(true);
    expect(attempts[0]!.ok).toBe(true);
  });

  it('answers REPORT_NOT_READY (retryable) for content while generating, and still gives the status', async () => {
    const answer = await gql(
      'query ($id: ID!) { report(id: $id) { status ... on VoiReport { analytics { streams { id } } } } }',
      { id: reportId },
    );
    expect(answer.data!.report.status).toBe('IN_PROGRESS');
    expect(answer.data!.report.analytics).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'REPORT_NOT_READY', retryable: true, providerCode: '18001' });
  });

  it('learns SUCCESS from the done event: polling costs no upstream call', async () => {
    await finishAtProvider(reportId);
    const before = (await simulatorStats()).byRoute[REPORT_GET_ROUTE] ?? 0;
    const done = await until(async () => {
      const answer = await gql(STATUS, { id: reportId });
      return answer.data?.report.status === 'SUCCESS' ? answer : undefined;
    });
    expect(done.data!.report).toMatchObject({ id: reportId, type: 'VOI' });
    expect((await simulatorStats()).byRoute[REPORT_GET_ROUTE] ?? 0).toBe(before);
    expect((await deliveries()).some((attempt) => attempt.eventName === 'done' && attempt.ok)).toBe(true);
  });

  it('reads the VOI analytics as typed GraphQL', async () => {
    const answer = await gql(
      `query ($id: ID!) { node(id: $id) { ... on VoiReport {
        status currency seasoned period { startsAt endsAt days }
        analytics {
          transactionalAttributes { name streamIds streamConfidences { streamId confidence }
            aggregations { timeIntervalType periods { startDate endDate count sum mean median min max standardDeviation } } }
          streams { id payor status cadenceDays medianCadenceDays modeCadenceDays standardDeviationCadenceDays count sum mean confidence transactionIds }
        }
        accounts { accountId accountProviderId providerType analytics { streams { id } } }
        rawProviderJson
      } } }`,
      { id: reportId },
    );
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.node;
    expect(report).toMatchObject({ status: 'SUCCESS', currency: 'USD' });
    expect(report.period.days).toBeGreaterThan(300);
    const net = report.analytics.transactionalAttributes.find((attribute: Json) => attribute.name === 'NET_INCOME');
    expect(net.aggregations.map((entry: Json) => entry.timeIntervalType)).toEqual(['MONTHLY_CALENDAR', 'WEEKLY_CALENDAR']);
    const months = net.aggregations[0].periods as Json[];
    expect(months.length).toBeGreaterThanOrEqual(12);
    for (const period of months) {
      expect(period.startDate <= period.endDate).toBe(true);
      if (period.count === 0) expect(period.sum).toBeNull();
      else expect(period.sum).toMatch(/^-?\d+(\.\d+)?$/);
    }
    const paid = months.filter((period) => period.count > 0);
    expect(paid.length).toBeGreaterThan(3);
    const stream = report.analytics.streams[0];
    expect(stream).toBeDefined();
    expect(stream.status).toMatch(/^(ACTIVE|INACTIVE)$/);
    expect(stream.cadenceDays).toBeGreaterThan(0);
    expect(stream.confidence).toBeGreaterThan(0);
    expect(stream.count).toBe(stream.transactionIds.length);
    expect(net.streamIds).toContain(stream.id);
    expect(report.accounts.length).toBeGreaterThan(0);
    expect(report.rawProviderJson).toMatchObject({ id: expect.any(String), status: 'success', type: 'voi' });
    expect(JSON.stringify(report.rawProviderJson)).not.toMatch(/"(consumerSsn|ssn)"/);
  });

  it('lists the report for the customer and for the consumer, newest first', async () => {
    const answer = await gql(
      'query ($id: ID!) { customer(id: $id) { reports(first: 5) { edges { node { id status type } } } consumer { reports { edges { node { id } } } } } }',
      { id: customerId },
    );
    expect(answer.errors).toBeUndefined();
    const listed = answer.data!.customer.reports.edges.map((edge: Json) => edge.node);
    expect(listed).toContainEqual({ id: reportId, status: 'SUCCESS', type: 'VOI' });
    expect(answer.data!.customer.consumer.reports.edges.map((edge: Json) => edge.node.id)).toContain(reportId);
  });

  it('refuses events on unknown callbacks and for foreign reports, and ignores replays', async () => {
    const done = (await deliveries()).find((attempt) => attempt.eventName === 'done' && attempt.ok)!;
    const providerId = done.reportId;
    const event = (eventName: string, status: string, id = providerId) => ({ eventName, id, type: 'voi', status, customerId: 0 });
    const customerNumber = (await gql('query ($id: ID!) { customer(id: $id) { providerId } }', { id: customerId })).data!.customer.providerId;
    const forCustomer = (body: Json) => ({ ...body, customerId: Number(customerNumber) });

    expect(await postEvent(`${gateway.url}/webhooks/mastercard/reports/${'x'.repeat(43)}`, forCustomer(event('done', 'success')))).toBe(404);
    expect(await postEvent(done.url, forCustomer(event('done', 'success', 'someone-elses-report')))).toBe(409);
    expect(await postEvent(done.url, event('done', 'success'))).toBe(409); // another customer
    expect(await postEvent(done.url, { hello: 'world' })).toBe(400);
    // A replayed `done` and a late `inProgress` change nothing.
    expect(await postEvent(done.url, forCustomer(event('done', 'success')))).toBe(200);
    expect(await postEvent(done.url, forCustomer(event('inProgress', 'inProgress')))).toBe(200);
    expect((await gql(STATUS, { id: reportId })).data!.report.status).toBe('SUCCESS');
  });

  it('reports a FAILURE for a customer without any supported account', async () => {
    const created = await gql(
      'mutation { createCustomer(input: { provider: MASTERCARD_US, username: "lending-no-accounts", firstName: "No", lastName: "Accounts" }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCustomer.id;
    const generated = await gql('mutation ($id: ID!) { generateCashFlowReport(customerId: $id, input: { kind: BUSINESS }) { id status type } }', { id });
    expect(generated.errors).toBeUndefined();
    expect(generated.data!.generateCashFlowReport).toMatchObject({ status: 'IN_PROGRESS', type: 'CASH_FLOW_BUSINESS' });
    const reportOf = generated.data!.generateCashFlowReport.id;
    await finishAtProvider(reportOf);
    await until(async () => ((await gql(STATUS, { id: reportOf })).data?.report.status === 'FAILURE' ? true : undefined));
    const content = await gql('query ($id: ID!) { report(id: $id) { ... on CashFlowReport { summary { averageMonthlyNet } rawProviderJson } } }', { id: reportOf });
    expect(content.errors).toBeUndefined();
    expect(content.data!.report.summary).toBeNull();
    expect(content.data!.report.rawProviderJson).toMatchObject({ status: 'failure' });
  });

  it('sends report events to a caller-supplied callbackUrl, and refuses one that is not http(s)', async () => {
    const received: Array<{ eventName?: string; id?: string }> = [];
    const listener = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(JSON.parse(body) as { eventName?: string; id?: string });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = listener.address() as AddressInfo;
      const callbackUrl = `http://127.0.0.1:${port}/my-reports`;
      const refused = await gql('mutation ($id: ID!) { generateVoaReport(customerId: $id, input: { callbackUrl: "ftp://example.com/x" }) { id } }', {
        id: customerId,
      });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.callbackUrl' });
      const generated = await gql('mutation ($id: ID!, $url: String!) { generateVoaReport(customerId: $id, input: { callbackUrl: $url }) { id providerId status } }', {
        id: customerId,
        url: callbackUrl,
      });
      expect(generated.errors).toBeUndefined();
      const providerId = generated.data!.generateVoaReport.providerId as string;
      await finishAtProvider(generated.data!.generateVoaReport.id);
      await until(async () => (received.some((event) => event.eventName === 'done' && event.id === providerId) ? true : undefined));
      // The gateway's own webhook was not used, so the status comes from asking the provider.
      const status = await gql(STATUS, { id: generated.data!.generateVoaReport.id });
      expect(status.data!.report.status).toBe('SUCCESS');
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('never shows the SSN in any response or log line', async () => {
    // One more path: a malformed SSN is refused without being echoed.
    const refused = await gql(
      'mutation ($customerId: ID!, $ssn: Ssn) { updateConsumer(id: $customerId, input: {}, ssn: $ssn) { id } }',
      { customerId: (await gql('query ($id: ID!) { customer(id: $id) { consumer { id } } }', { id: customerId })).data!.customer.consumer.id, ssn: '98765432X' },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ssn' });
    responses.push(JSON.stringify(refused));
    expect(logLines.length).toBeGreaterThan(10);
    for (const text of [...responses, ...logLines]) {
      expect(text).not.toContain(SSN);
      expect(text).not.toContain(SSN_DIGITS);
      expect(text).not.toContain('98765432X');
    }
    for (const text of responses) expect(text).not.toMatch(/"(consumerSsn|ssn)"\s*:/);
  });
});
