import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

/**
 * `npm run bench:scaling` (issue 17, item 3): how the gateway's cost grows with the page size, and
 * whether its memory stays flat under a long steady load. Figures only; no test asserts them.
 *
 * - Scaling: the reference query's shape (customers → accounts → first 10 transactions each, from
 *   2000-01-01 so the mock's 2024 data is inside the window) with `first` = 20, 100 and 500. Each
 *   size gets a fresh gateway process (`dist/main.js`, so `npm run build` first), a warm-up, then
 *   SCALING_SECONDS of closed-loop load on SCALING_CONNECTIONS connections (default 1: one query
 *   at a time, so the peak RSS is one query's working set and 500 customers' 1,001 upstream calls
 *   stay within the upstream budget on a loaded machine). Reported per query: the
 *   gateway process's CPU ms (utime + stime from /proc), upstream calls (the mock's /__stats), and the
 *   process's peak RSS (VmHWM), plus req/s and p50/p99 latency.
 * - Soak: SOAK_REQUESTS (default 100,000) of SOAK_QUERY (`q1`: customers(first: 20){id name}, the
 *   per-request path; `q2`: the 20-customer reference query) on SOAK_CONNECTIONS connections against
 *   one gateway process, RSS sampled every second; after the first SOAK_WARMUP_SHARE of the requests,
 *   every sample is compared with their median (the verdict: within ±10 %), and each tenth of the
 *   rest reports its lowest and highest sample: the lowest is what survives garbage collection (a
 *   leak raises it), the highest how far the heap grows between collections.
 *
 * Upstream: the peer rig's mock (`../shared/bench-peer/upstream/server.mjs`, or BENCH_PEER_DIR), a
 * separate process on a free port, so the gateway's CPU and RSS are its own. The gateway gets a
 * per-run API key (scope `read`, provider MASTERCARD_US) and a bulk caller's cost allowance, the
 * documented way any caller gets in (see bench/peer.sh).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const SIZES = (env.SCALING_SIZES ?? '20,100,500').split(',').map(Number);
const SCALING_SECONDS = Number(env.SCALING_SECONDS ?? 15);
const SCALING_CONNECTIONS = Number(env.SCALING_CONNECTIONS ?? 1);
const SOAK_REQUESTS = Number(env.SOAK_REQUESTS ?? 100_000);
const SOAK_CONNECTIONS = Number(env.SOAK_CONNECTIONS ?? 10);
const SOAK_QUERY = env.SOAK_QUERY ?? 'q1';
const SOAK_WARMUP_SHARE = Number(env.SOAK_WARMUP_SHARE ?? 0.1);
const rig = [env.BENCH_PEER_DIR, join(root, '../shared/bench-peer'), join(root, '../../shared/bench-peer'), '/work/shared/bench-peer'].find(
  (dir) => dir !== undefined && existsSync(join(dir, 'upstream/server.mjs')),
);

const q1 = '{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id name } } } }';
const reference = (first: number): string =>
  `{ customers(provider: MASTERCARD_US, first: ${first}) { totalCount edges { cursor node { id provider name accounts { totalCount edges { node { id name type balance { amount currency } transactions(first: 10, filter: { from: "2000-01-01T00:00:00Z" }) { edges { node { id amount { amount currency } status description postedAt } } } } } } } } } }`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

function start(args: string[], extraEnv: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code && code !== 0 && signal === null) process.stderr.write(`${args.join(' ')} exited with ${code}\n`);
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** CPU seconds (user + system) of a process so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Current and peak resident set size of a process in MB (VmRSS, VmHWM). */
function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

interface Upstream {
  url: string;
  calls(): Promise<number>;
}

interface Gateway {
  url: string;
  pid: number;
  headers: Record<string, string>;
  stop(): Promise<void>;
}

async function startGateway(upstream: Upstream, dir: string): Promise<Gateway> {
  const key = `bench_${randomBytes(24).toString('base64url')}`;
  const keysFile = join(dir, 'api-keys.json');
  const sha256 = createHash('sha256').update(key).digest('hex');
  writeFileSync(keysFile, JSON.stringify([{ id: 'bench-scaling', sha256, scopes: ['read'], providers: ['MASTERCARD_US'] }]));
  const port = await freePort();
  const child = start(['dist/main.js'], {
    NODE_ENV: 'production',
    SANDBOX: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    API_KEYS_FILE: keysFile,
    // A bulk caller: 500 customers are ~1,500 cost units a query, and the load sends thousands a minute.
    QUERY_COST_BUDGET: '1000000',
    RATE_LIMIT_COST_PER_MINUTE: '1000000000',
    MASTERCARD_US_BASE_URL: upstream.url,
    MASTERCARD_US_PARTNER_ID: 'bench-partner',
    MASTERCARD_US_PARTNER_SECRET: 'bench-secret',
    MASTERCARD_US_APP_KEY: 'bench-app-key',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`);
  return { url, pid: child.pid!, headers: { 'content-type': 'application/json', 'x-api-key': key }, stop: () => stop(child) };
}

interface LoadResult {
  requests: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * Closed-loop load: `connections` loops each sending `query` and reading the answer, until `until()`
 * says stop. Every answer must be HTTP 200, without errors, and byte-identical to the first one.
 */
async function load(gateway: Gateway, query: string, connections: number, until: (sent: number, startedAt: number) => boolean, onTick?: () => void): Promise<LoadResult> {
  const pool = new Pool(gateway.url, { connections, pipelining: 1 });
  const body = JSON.stringify({ query });
  const latenciesMs: number[] = [];
  let first: string | undefined;
  let sent = 0;
  const startedAt = performance.now();
  const ticker = onTick ? setInterval(onTick, 1000) : undefined;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (!until(sent, startedAt)) {
          sent += 1;
          const began = performance.now();
          const response = await pool.request({ path: '/graphql', method: 'POST', headers: gateway.headers, body });
          const text = await response.body.text();
          latenciesMs.push(performance.now() - began);
          first ??= text;
          if (response.statusCode !== 200 || text !== first || text.includes('"errors"')) {
            throw new Error(`unexpected answer (HTTP ${response.statusCode}): ${text.slice(0, 300)}`);
          }
        }
      }),
    );
  } finally {
    if (ticker) clearInterval(ticker);
    await pool.close();
  }
  return { requests: latenciesMs.length, seconds: (performance.now() - startedAt) / 1000, latenciesMs };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function scalingRow(upstream: Upstream, dir: string, first: number) {
  const gateway = await startGateway(upstream, dir);
  try {
    const query = reference(first);
    const warmUntil = performance.now() + 5_000;
    await load(gateway, query, SCALING_CONNECTIONS, (sent) => sent >= 3 && performance.now() > warmUntil);
    const cpuBefore = cpuSeconds(gateway.pid);
    const callsBefore = await upstream.calls();
    const run = await load(gateway, query, SCALING_CONNECTIONS, (_sent, startedAt) => performance.now() - startedAt > SCALING_SECONDS * 1000);
    const cpu = cpuSeconds(gateway.pid) - cpuBefore;
    const calls = (await upstream.calls()) - callsBefore;
    const sorted = run.latenciesMs.sort((a, b) => a - b);
    return {
      first,
      queries: run.requests,
      reqPerSecond: round(run.requests / run.seconds, 1),
      cpuMsPerQuery: round((cpu * 1000) / run.requests),
      cpuMsPerCustomer: round((cpu * 1000) / run.requests / first, 3),
      upstreamCallsPerQuery: round(calls / run.requests),
      p50Ms: round(percentile(sorted, 0.5), 1),
      p99Ms: round(percentile(sorted, 0.99), 1),
      peakRssMb: round(memory(gateway.pid).peakMb, 0),
    };
  } finally {
    await gateway.stop();
  }
}

async function soak(upstream: Upstream, dir: string) {
  const gateway = await startGateway(upstream, dir);
  const samples: Array<{ requests: number; rssMb: number }> = [];
  let done = 0;
  try {
    const query = SOAK_QUERY === 'q2' ? reference(20) : q1;
    const cpuBefore = cpuSeconds(gateway.pid);
    const run = await load(
      gateway,
      query,
      SOAK_CONNECTIONS,
      (sent) => {
        done = sent;
        return sent >= SOAK_REQUESTS;
      },
      () => samples.push({ requests: done, rssMb: memory(gateway.pid).rssMb }),
    );
    const cpu = cpuSeconds(gateway.pid) - cpuBefore;
    samples.push({ requests: run.requests, rssMb: memory(gateway.pid).rssMb });
    const steady = samples.filter((sample) => sample.requests >= SOAK_REQUESTS * SOAK_WARMUP_SHARE).map((sample) => sample.rssMb);
    const median = [...steady].sort((a, b) => a - b)[Math.floor(steady.length / 2)] ?? NaN;
    const low = Math.min(...steady);
    const high = Math.max(...steady);
    const sorted = run.latenciesMs.sort((a, b) => a - b);
    // Per tenth of the steady part: the lowest sample is what survives garbage collection (a leak
    // raises it tenth after tenth), the highest is how far the heap grows between collections.
    const tenths = Array.from({ length: 10 }, (_, tenth) => {
      const from = SOAK_REQUESTS * (SOAK_WARMUP_SHARE + ((1 - SOAK_WARMUP_SHARE) * tenth) / 10);
      const to = SOAK_REQUESTS * (SOAK_WARMUP_SHARE + ((1 - SOAK_WARMUP_SHARE) * (tenth + 1)) / 10);
      const rss = samples.filter((sample) => sample.requests >= from && sample.requests <= to).map((sample) => sample.rssMb);
      return rss.length > 0 ? [round(Math.min(...rss), 0), round(Math.max(...rss), 0)] : null;
    });
    const floors = tenths.flatMap((pair) => (pair ? [pair[0]!] : []));
    const floorMedian = [...floors].sort((a, b) => a - b)[Math.floor(floors.length / 2)] ?? NaN;
    return {
      query: SOAK_QUERY,
      requests: run.requests,
      seconds: round(run.seconds, 0),
      reqPerSecond: round(run.requests / run.seconds, 1),
      cpuMsPerQuery: round((cpu * 1000) / run.requests, 3),
      p50Ms: round(percentile(sorted, 0.5), 1),
      p99Ms: round(percentile(sorted, 0.99), 1),
      rssAfterWarmupMb: { median: round(median, 0), min: round(low, 0), max: round(high, 0), last: round(steady.at(-1) ?? NaN, 0) },
      deviationPercent: { below: round((100 * (low - median)) / median, 1), above: round((100 * (high - median)) / median, 1) },
      withinTenPercent: low >= median * 0.9 && high <= median * 1.1,
      rssMinMaxPerTenthMb: tenths,
      floorWithinTenPercent: floors.every((floor) => floor >= floorMedian * 0.9 && floor <= floorMedian * 1.1),
      peakRssMb: round(memory(gateway.pid).peakMb, 0),
      rssSamples: samples.map((sample) => [sample.requests, round(sample.rssMb, 0)]),
    };
  } finally {
    await gateway.stop();
  }
}

if (!rig) throw new Error('the peer rig (../shared/bench-peer) was not found; set BENCH_PEER_DIR');
if (!existsSync(join(root, 'dist/main.js'))) throw new Error('dist/main.js is missing: npm run build');
const dir = mkdtempSync(join(tmpdir(), 'bench-scaling-'));
const upstreamPort = await freePort();
const mock = start([join(rig, 'upstream/server.mjs')], { PORT: String(upstreamPort), HOST: '127.0.0.1', UPSTREAM_DELAY_MS: env.UPSTREAM_DELAY_MS ?? '0' });
const upstream: Upstream = {
  url: `http://127.0.0.1:${upstreamPort}`,
  async calls() {
    const stats = (await (await fetch(`http://127.0.0.1:${upstreamPort}/__stats`)).json()) as { total: number };
    return stats.total;
  },
};
try {
  await waitFor(`${upstream.url}/__stats`);
  const scaling = [];
  for (const first of SIZES) {
    const row = await scalingRow(upstream, dir, first);
    process.stderr.write(`${JSON.stringify(row)}\n`);
    scaling.push(row);
  }
  const soaked = SOAK_REQUESTS > 0 ? await soak(upstream, dir) : null;
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), scalingSeconds: SCALING_SECONDS, scalingConnections: SCALING_CONNECTIONS, scaling, soak: soaked }, null, 2)}\n`);
} finally {
  await stop(mock);
}
