import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { print } from 'graphql';
import { loadConfig } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { ReferenceCustomersDocument } from '../src/generated/operations.js';
import { createLogger } from '../src/observability/logger.js';
import { MASTERCARD_US_SANDBOX_CREDENTIALS, type MastercardSimulator } from '../src/sandbox/mastercard/index.js';

/**
 * `npm run bench`: the reference query (20 customers → accounts → 10 transactions each) through the
 * gateway, against baselines measured in the same run on the same simulator: the same data wired
 * by hand the obvious way (one call per account), and by hand with exactly the gateway's calls.
 * Two scenarios: loopback as is, and the simulator answering after a network-like delay. Results
 * are ratios, so they mean the same on a fast or a slow machine.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const WARMUP = 3;
const WINDOW_SECONDS = 90 * 86_400;
const credentials = MASTERCARD_US_SANDBOX_CREDENTIALS;

interface Measured {
  medianMs: number;
  p95Ms: number;
  upstreamCallsPerQuery: number;
  /** Heap still held after a full GC, per query: a leak shows here (needs --expose-gc, as `npm run bench` runs it). */
  retainedHeapKbPerQuery: number;
  /** Largest heap seen right after a query, in MB: the working set one query needs. */
  peakHeapMb: number;
}

async function scenario(latencyMs: number) {
  const config = { ...loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent' }), port: 0 };
  const apiKey = config.security.sandboxApiKey!;
  const gateway: RunningGateway = await startGateway({
    config,
    logger: createLogger('silent'),
    sandbox: { latencyMs },
  });
  const simulator = gateway.sandbox!.simulators.MASTERCARD_US as MastercardSimulator;
  const base = gateway.sandbox!.endpoints.MASTERCARD_US!.baseUrl;
  const auth = await request(`${base}/aggregation/v2/partners/authentication`, {
    method: 'POST',
    headers: { 'Finicity-App-Key': credentials.appKey, 'content-type': 'application/json' },
    body: JSON.stringify({ partnerId: credentials.partnerId, partnerSecret: credentials.partnerSecret }),
  });
  const { token } = (await auth.body.json()) as { token: string };

  // `any`: the baselines read provider JSON without a schema, as a hand-wired client would.
  async function get(path: string): Promise<any> {
    const response = await request(`${base}${path}`, {
      headers: { 'Finicity-App-Key': credentials.appKey, 'Finicity-App-Token': token, accept: 'application/json' },
    });
    return response.body.json();
  }

  /** Customers, then per customer: accounts, and transactions either per account or per customer. */
  async function handWired(perAccount: boolean): Promise<void> {
    const to = Math.floor(Date.now() / 1000);
    const range = `fromDate=${to - WINDOW_SECONDS}&toDate=${to}&start=1&includePending=true`;
    const { customers } = await get('/aggregation/v1/customers?start=1&limit=20');
    await Promise.all(
      customers.map(async ({ id }: { id: string }) => {
        if (!perAccount) {
          const [{ accounts }, page] = await Promise.all([
            get(`/aggregation/v1/customers/${id}/accounts`),
            get(`/aggregation/v3/customers/${id}/transactions?${range}&limit=1000`),
          ]);
          for (const account of accounts as Array<{ id: string }>) {
            (page.transactions as Array<{ accountId: number }>).filter((t) => String(t.accountId) === account.id).slice(0, 10);
          }
          return;
        }
        const { accounts } = await get(`/aggregation/v1/customers/${id}/accounts`);
        await Promise.all(
          accounts.map((account: { id: string }) => get(`/aggregation/v4/customers/${id}/accounts/${account.id}/transactions?${range}&limit=10`)),
        );
      }),
    );
  }

  const body = JSON.stringify({ query: print(ReferenceCustomersDocument), variables: { provider: 'MASTERCARD_US', first: 20, transactionsFirst: 10 } });
  async function viaGateway(): Promise<void> {
    const response = await request(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });
    const result = (await response.body.json()) as { errors?: unknown };
    if (result.errors) throw new Error(`gateway answered errors: ${JSON.stringify(result.errors)}`);
  }

  async function measure(run: () => Promise<void>): Promise<Measured> {
    for (let i = 0; i < WARMUP; i += 1) await run();
    simulator.resetStats();
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const times: number[] = [];
    let peakHeap = 0;
    for (let i = 0; i < ITERATIONS; i += 1) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    times.sort((a, b) => a - b);
    return {
      medianMs: round(times[Math.floor(times.length / 2)]!),
      p95Ms: round(times[Math.floor(times.length * 0.95)]!),
      upstreamCallsPerQuery: simulator.stats().requests / ITERATIONS,
      retainedHeapKbPerQuery: round((heapAfter - heapBefore) / 1024 / ITERATIONS),
      peakHeapMb: round(peakHeap / 1024 / 1024),
    };
  }

  const perAccount = await measure(() => handWired(true));
  const sameCalls = await measure(() => handWired(false));
  const viaTheGateway = await measure(viaGateway);
  await gateway.close();
  return {
    simulatorLatencyMs: latencyMs,
    baselinePerAccount: perAccount,
    baselineSameCalls: sameCalls,
    gateway: viaTheGateway,
    ratios: {
      peakHeapVsPerAccount: round(viaTheGateway.peakHeapMb / perAccount.peakHeapMb),
      latencyVsPerAccount: round(viaTheGateway.medianMs / perAccount.medianMs),
      latencyVsSameCalls: round(viaTheGateway.medianMs / sameCalls.medianMs),
      upstreamCallsVsPerAccount: round(viaTheGateway.upstreamCallsPerQuery / perAccount.upstreamCallsPerQuery),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const results = { iterations: ITERATIONS, scenarios: [await scenario(0), await scenario(Number(process.env.BENCH_LATENCY_MS ?? 40))] };
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
