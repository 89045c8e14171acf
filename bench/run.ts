import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { print } from 'graphql';
import { loadConfig } from '../src/config.js';
import { startGateway } from '../src/gateway.js';
import { ReferenceCustomersDocument } from '../src/generated/operations.js';
import { createLogger } from '../src/observability/logger.js';
import { MASTERCARD_US_SANDBOX_CREDENTIALS, type MastercardSimulator } from '../src/sandbox/mastercard/index.js';

/**
 * `npm run bench`: the reference query (20 customers → accounts → 10 transactions each) through the
 * gateway, against a baseline measured in the same run on the same simulator: the same data wired
 * by hand the obvious way (one call per customer for accounts, one per account for transactions).
 * Results are ratios, so they mean the same on a fast or a slow machine.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const WARMUP = 5;

const gateway = await startGateway({ config: { ...loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent' }), port: 0 }, logger: createLogger('silent') });
const simulator = gateway.sandbox!.simulators.MASTERCARD_US as MastercardSimulator;
const base = gateway.sandbox!.endpoints.MASTERCARD_US!.baseUrl;
const credentials = MASTERCARD_US_SANDBOX_CREDENTIALS;

async function json(path: string, token: string): Promise<any> {
  // `any`: the baseline reads provider JSON without a schema, as a hand-wired client would.
  const response = await request(`${base}${path}`, {
    headers: { 'Finicity-App-Key': credentials.appKey, 'Finicity-App-Token': token, accept: 'application/json' },
  });
  return response.body.json();
}

const tokenResponse = await request(`${base}/aggregation/v2/partners/authentication`, {
  method: 'POST',
  headers: { 'Finicity-App-Key': credentials.appKey, 'content-type': 'application/json' },
  body: JSON.stringify({ partnerId: credentials.partnerId, partnerSecret: credentials.partnerSecret }),
});
const { token } = (await tokenResponse.body.json()) as { token: string };

async function baseline(): Promise<number> {
  const to = Math.floor(Date.now() / 1000);
  const from = to - 90 * 86_400;
  const { customers } = await json('/aggregation/v1/customers?start=1&limit=20', token);
  let transactions = 0;
  await Promise.all(
    customers.map(async (customer: { id: string }) => {
      const { accounts } = await json(`/aggregation/v1/customers/${customer.id}/accounts`, token);
      await Promise.all(
        accounts.map(async (account: { id: string }) => {
          const page = await json(`/aggregation/v4/customers/${customer.id}/accounts/${account.id}/transactions?fromDate=${from}&toDate=${to}&start=1&limit=10&includePending=true`, token);
          transactions += page.transactions.length;
        }),
      );
    }),
  );
  return transactions;
}

/** The same upstream calls the gateway makes, by hand: isolates the gateway's own overhead. */
async function baselineCustomerLevel(): Promise<number> {
  const to = Math.floor(Date.now() / 1000);
  const from = to - 90 * 86_400;
  const { customers } = await json('/aggregation/v1/customers?start=1&limit=20', token);
  let transactions = 0;
  await Promise.all(
    customers.map(async (customer: { id: string }) => {
      const [{ accounts }, page] = await Promise.all([
        json(`/aggregation/v1/customers/${customer.id}/accounts`, token),
        json(`/aggregation/v3/customers/${customer.id}/transactions?fromDate=${from}&toDate=${to}&start=1&limit=1000&includePending=true`, token),
      ]);
      for (const account of accounts as Array<{ id: string }>) {
        transactions += (page.transactions as Array<{ accountId: number }>).filter((t) => String(t.accountId) === account.id).slice(0, 10).length;
      }
    }),
  );
  return transactions;
}

const body = JSON.stringify({ query: print(ReferenceCustomersDocument), variables: { provider: 'MASTERCARD_US', first: 20, transactionsFirst: 10 } });
async function viaGateway(): Promise<number> {
  const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const result = (await response.body.json()) as { data: { customers: { edges: Array<{ node: { accounts: { edges: Array<{ node: { transactions: { edges: unknown[] } } }> } } }> } } };
  return result.data.customers.edges.reduce(
    (sum, customer) => sum + customer.node.accounts.edges.reduce((inner, account) => inner + account.node.transactions.edges.length, 0),
    0,
  );
}

interface Measured {
  medianMs: number;
  p95Ms: number;
  upstreamCalls: number;
  heapDeltaKb: number;
}

async function measure(run: () => Promise<number>): Promise<Measured> {
  for (let i = 0; i < WARMUP; i += 1) await run();
  simulator.resetStats();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    upstreamCalls: simulator.stats().requests / ITERATIONS,
    heapDeltaKb: (heapAfter - heapBefore) / 1024 / ITERATIONS,
  };
}

const baselineResult = await measure(baseline);
const sameCallsResult = await measure(baselineCustomerLevel);
const gatewayResult = await measure(viaGateway);
const round = (value: number) => Math.round(value * 100) / 100;
const report = {
  iterations: ITERATIONS,
  baseline: { name: 'hand-wired client, one call per account', ...baselineResult },
  sameCalls: { name: 'hand-wired client making the gateway\'s calls (customer-level endpoint)', ...sameCallsResult },
  gateway: { name: 'gateway reference query (DataLoader, customer-level endpoint)', ...gatewayResult },
  ratios: {
    latencyMedian: round(gatewayResult.medianMs / baselineResult.medianMs),
    latencyP95: round(gatewayResult.p95Ms / baselineResult.p95Ms),
    upstreamCalls: round(gatewayResult.upstreamCalls / baselineResult.upstreamCalls),
    /** The gateway's own cost (GraphQL, validation, mapping) over the same upstream traffic. */
    overheadVsSameCalls: round(gatewayResult.medianMs / sameCallsResult.medianMs),
  },
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
await gateway.close();
