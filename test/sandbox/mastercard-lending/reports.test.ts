import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, startLendingServer, VALID_CONSUMER, type LendingServer } from './lending-test-kit.js';

interface Listener {
  url: string;
  events: Array<Record<string, unknown>>;
  server: Server;
}

/** A report listener on port 0 that refuses the first delivery with a 500 (to exercise the retry). */
async function startListener(failFirst = true): Promise<Listener> {
  const events: Array<Record<string, unknown>> = [];
  let refused = !failFirst;
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      if (!refused) {
        refused = true;
        response.writeHead(500).end();
        return;
      }
      events.push(JSON.parse(raw) as Record<string, unknown>);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reportlistener`, events, server };
}

async function until<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- report JSON is walked freely in assertions

describe('a VOI report over HTTP (US), from request to callback', () => {
  let server: LendingServer;
  let listener: Listener;
  beforeAll(async () => {
    server = await startLendingServer('US');
    listener = await startListener();
  });
  afterAll(async () => {
    await server.sim.close();
    await new Promise((resolve) => listener.server.close(resolve));
  });

  it('needs a consumer first (10100)', async () => {
    const response = await server.call('POST', '/decisioning/v2/customers/1005061234/voi', {});
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ code: '10100', message: 'Cannot find consumer for customer with id 1005061234.' });
  });

  it('rejects more than two interval types with the documented message', async () => {
    await server.call('POST', '/decisioning/v1/customers/1005061234/consumer', VALID_CONSUMER);
    const response = await server.call('POST', '/decisioning/v2/customers/1005061234/voi', {
      intervalTypes: ['MONTHLY_CALENDAR', 'WEEKLY_CALENDAR', 'ANNUALLY'],
    });
    expect(response.status).toBe(400);
    expect((response.json as Json).message).toBe('More than 2 intervalTypes passed request.');
    expect((await server.call('POST', '/decisioning/v2/customers/1005061234/voi', { fromDate: -5 })).json).toMatchObject({ code: '1618' });
  });

  it('lives: 202 inProgress → 18001 while generating → success with computed analytics → inProgress and done events', async () => {
    const created = await server.call('POST', `/decisioning/v2/customers/1005061234/voi?callbackUrl=${encodeURIComponent(listener.url)}`, {
      intervalTypes: ['MONTHLY_CALENDAR', 'MONTHLY_ROLLING_30'],
      fromDate: at('2024-01-01'),
    });
    expect(created.status).toBe(202);
    const ack = created.json as Json;
    expect(ack).toMatchObject({
      id: expect.stringMatching(/^[0-9a-z]{12}-voi$/),
      customerId: 1005061234,
      customerType: 'testing',
      consumerSsn: '6789',
      type: 'voi',
      status: 'inProgress',
      title: 'Mastercard Open Banking Verification of Income',
      createdDate: Math.floor(server.clock.ms / 1000),
    });
    const path = `/decisioning/v3/customers/1005061234/reports/${String(ack.id)}`;

    const early = await server.call('GET', path);
    expect(early.status).toBe(202);
    expect(early.json).toMatchObject({ code: '18001', status: 'inProgress', id: ack.id });
    const listed = await server.call('GET', '/decisioning/v1/customers/1005061234/reports');
    expect((listed.json as Json).reports).toEqual([expect.objectContaining({ id: ack.id, status: 'inProgress', type: 'voi' })]);

    // The first delivery was refused with a 500; the retry lands it.
    const inProgress = await until(() => listener.events.find((event) => event.eventName === 'inProgress'));
    expect(inProgress).toEqual({ eventName: 'inProgress', id: ack.id, consumerId: ack.consumerId, type: 'voi', status: 'inProgress', customerId: 1005061234 });

    server.clock.ms += 60_000;
    const done = await server.call('GET', path);
    expect(done.status).toBe(200);
    const report = done.json as Json;
    expect(report).toMatchObject({ id: ack.id, status: 'success', startDate: at('2024-01-01') - 43_200, days: 182, seasoned: true });

    const checking = report.institutions[0].accounts.find((account: Json) => account.type === 'checking');
    expect(checking.number).toBe('1111');
    expect(checking.incomeStreams.map((stream: Json) => [stream.name, stream.cadence.days, stream.status])).toEqual([
      ['rent from tenant unit', 30, 'ACTIVE'],
      ['Acme Corp', 14, 'ACTIVE'],
    ]);
    const paycheck = report.customerAnalytics.transactionalAttributes.find((entry: Json) => entry.attributeName === 'PAYCHECK_INCOME');
    const [calendar, rolling] = paycheck.aggregatedByTimePeriods;
    expect(calendar.timeIntervalType).toBe('MONTHLY_CALENDAR');
    expect(calendar.periods[0]).toMatchObject({ startDate: '2024-01-01', endDate: '2024-01-31', count: 2, sum: 4000, mean: 2000, standardDeviation: 0 });
    expect(calendar.periods[2]).toMatchObject({ startDate: '2024-03-01', count: 3, sum: 6000 });
    expect(rolling.timeIntervalType).toBe('MONTHLY_ROLLING_30');
    expect(rolling.periods.at(-1)).toMatchObject({ startDate: '2024-06-01', endDate: '2024-06-30', count: 2, sum: 4000 });
    // The pending credit never reaches a report.
    expect(JSON.stringify(report)).not.toContain('PENDING PAYROLL');
    const streams = report.customerAnalytics.streams as Json[];
    expect(streams.find((stream) => stream.payor === 'Acme Corp')).toMatchObject({ payee: 'Ada Lovelace', count: 13, cadence: 14, recency: 9, status: 'active' });

    const doneEvent = await until(() => listener.events.find((event) => event.eventName === 'done'));
    expect(doneEvent).toEqual({ eventName: 'done', id: ack.id, consumerId: ack.consumerId, type: 'voi', status: 'success', customerId: 1005061234 });
    expect(listener.events.map((event) => event.eventName)).toEqual(['inProgress', 'done']);

    const byConsumer = await server.call('GET', `/decisioning/v3/consumers/${String(ack.consumerId)}/reports/${String(ack.id)}`);
    expect((byConsumer.json as Json).status).toBe('success');
    expect(((await server.call('GET', `/decisioning/v1/consumers/${String(ack.consumerId)}/reports`)).json as Json).reports).toHaveLength(1);
  });

  it('VOA and cash flow summaries come from the same data', async () => {
    const voa = await server.call('POST', '/decisioning/v2/customers/1005061234/voa', { fromDate: at('2024-01-01') });
    const cash = await server.call('POST', '/decisioning/v2/customers/1005061234/cashFlowPersonal', { fromDate: at('2024-01-01') });
    server.clock.ms += 60_000;
    const voaBody = (await server.call('GET', `/decisioning/v3/customers/1005061234/reports/${String((voa.json as Json).id)}`)).json as Json;
    expect(voaBody).toMatchObject({ type: 'voa', status: 'success', consolidatedAvailableBalance: 17000 });
    const checking = voaBody.institutions[0].accounts.find((account: Json) => account.type === 'checking');
    expect(checking.totNumberInsufficientFundsFeeDebitTxAccount).toBe(1);
    // Checking today 5000; since 2024-01-01: 13×2000 + 6×1500 − 1200 − 35 = 33765 → began at −28765.
    expect(checking.asset.beginningBalance).toBe(-28765);
    expect(voaBody.institutions[0].accounts.map((account: Json) => account.type)).toEqual(['checking', 'savings']);

    const cashBody = (await server.call('GET', `/decisioning/v3/customers/1005061234/reports/${String((cash.json as Json).id)}`)).json as Json;
    expect(cashBody.type).toBe('cfrp');
    const months = cashBody.cashFlowCreditSummary.monthlyCashFlowCreditSummaries as Json[];
    expect(months).toHaveLength(6);
    // January credits: Acme 5th and 19th (4000) + rent (1500).
    expect(months[0]).toMatchObject({ month: Date.UTC(2024, 0, 1) / 1000, numberOfCredits: '3', totalCreditsAmount: 5500, largestCredit: 2000 });
    // March: Acme 1st, 15th, 29th, rent 1st, and the savings transfer, a credit but not one "less transfers".
    expect(months[2]).toMatchObject({ numberOfCredits: '5', numberOfCreditsLessTransfers: '4', totalCreditsAmountLessTransfers: 7500 });
  });
});

describe('report failure, timers and undeliverable callbacks', () => {
  let server: LendingServer;
  let listener: Listener;
  beforeAll(async () => {
    server = await startLendingServer('AU', { reportDelayMs: 150 });
    listener = await startListener(false);
  });
  afterAll(async () => {
    await server.sim.close();
    await new Promise((resolve) => listener.server.close(resolve));
  });

  it('a customer without supported accounts gets a report that fails, announced by a failed event (real timer, frozen clock)', async () => {
    await server.call('POST', '/decisioning/v1/customers/1005061235/consumer', { firstName: 'No', lastName: 'Accounts', email: 'no@example.com' });
    const created = await server.call('POST', `/decisioning/v2/customers/1005061235/voa?callbackUrl=${encodeURIComponent(listener.url)}`, {});
    expect(created.status).toBe(202);
    const id = (created.json as Json).id as string;
    const failed = await until(() => listener.events.find((event) => event.eventName === 'failed'));
    expect(failed).toMatchObject({ eventName: 'failed', id, type: 'voa', status: 'failure', customerId: 1005061235 });
    // AU serves reports on the v4 paths.
    const report = await server.call('GET', `/decisioning/v4/customers/1005061235/reports/${id}`);
    expect(report.status).toBe(200);
    expect((report.json as Json).status).toBe('failure');
    expect((await server.call('GET', `/decisioning/v3/customers/1005061235/reports/${id}`)).status).toBe(404);
  });

  it('AU generates VOI only on the versioned path the adapter sends (issue 16, row 3)', async () => {
    await server.call('POST', '/decisioning/v1/customers/1005061234/consumer', { firstName: 'Ada', lastName: 'L', phone: '0412345678' });
    expect((await server.call('POST', '/decisioning/customers/1005061234/voi', {})).status).toBe(404);
    expect((await server.call('POST', '/decisioning/v2/customers/1005061234/voi', {})).status).toBe(202);
  });

  it('an unreachable callback is retried three times and never breaks the server', async () => {
    const dead = `http://127.0.0.1:1/nowhere`;
    await server.call('POST', '/decisioning/v1/customers/1005061234/consumer', { firstName: 'Ada', lastName: 'L', phone: '0412345678' });
    const created = await server.call('POST', `/decisioning/v2/customers/1005061234/cashFlowBusiness?callbackUrl=${encodeURIComponent(dead)}`, {});
    expect(created.status).toBe(202);
    const id = (created.json as Json).id as string;
    const attempts = await until(() => {
      const list = server.handle.reportEventAttempts().filter((attempt) => attempt.reportId === id && attempt.eventName === 'inProgress');
      return list.length === 4 ? list : undefined;
    });
    expect(attempts.map((attempt) => attempt.ok)).toEqual([false, false, false, false]);
    // Still serving; the report then finishes on its real timer although the clock is frozen.
    expect([200, 202]).toContain((await server.call('GET', `/decisioning/v4/customers/1005061234/reports/${id}`)).status);
    await until(() => server.handle.reportEventAttempts().find((attempt) => attempt.reportId === id && attempt.eventName === 'done'));
    const finished = await server.call('GET', `/decisioning/v4/customers/1005061234/reports/${id}`);
    expect(finished.status).toBe(200);
    expect((finished.json as Json).type).toBe('cfrb');
    expect((await server.call('POST', '/decisioning/v2/customers/1005061234/cashFlowPersonal', {})).status).toBe(404);
    expect((await server.call('POST', '/decisioning/v2/customers/1005061234/voi?callbackUrl=ftp://x', {})).status).toBe(400);
  });
});
