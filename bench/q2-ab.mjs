// Gateway CPU per reference query (the peer rig's Q2) of two builds, measured in alternating pairs
// so that the load of a shared machine hits both alike (issue 17, docs/performance.md).
//
//   npm run build                                    # in each checkout: this starts dist/main.js
//   node bench/q2-ab.mjs <checkout A> <checkout B> [pairs=2] [queries=200]
//   GATEWAY_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/q2-ab.mjs . .   # profile as well
//
// For each build: the rig's mock upstream (../shared/bench-peer/upstream, or BENCH_PEER_DIR) on
// port 4110, the gateway on 4113 as Mastercard US with a key made for the run (as bench/peer.sh
// does), one answer kept, 100 warm-up queries, then `queries` more at 10 concurrent. It prints
// the gateway's CPU ms per query (utime + stime from /proc), queries/s, peak RSS, upstream calls
// of one query, and whether every answer equals the first — and the first answers of the two
// builds must be the same bytes. Linux only (/proc). Not a test: no duration is asserted anywhere.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [a, b, pairs = '2', queries = '200'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/q2-ab.mjs <checkout A> <checkout B> [pairs] [queries]');
const here = path.dirname(new URL(import.meta.url).pathname);
const rig = [process.env.BENCH_PEER_DIR, path.resolve(here, '../../../shared/bench-peer'), '/work/shared/bench-peer'].find((dir) => dir && existsSync(path.join(dir, 'upstream/server.mjs')));
if (!rig) throw new Error('the peer rig was not found: set BENCH_PEER_DIR');
const UPSTREAM = 'http://127.0.0.1:4110';
const GATEWAY = 'http://127.0.0.1:4113/graphql';
const CONCURRENCY = 10;
const Q2 = '{ customers(provider: MASTERCARD_US, first: 20) { edges { node { id accounts { edges { node { id balance { amount } transactions(first: 10, filter: { from: "2000-01-01T00:00:00Z" }) { edges { node { id amount { amount } } } } } } } } } } }';

const key = `bench_${randomBytes(18).toString('base64url')}`;
const keysFile = path.join(mkdtempSync(path.join(tmpdir(), 'q2-ab-')), 'api-keys.json');
writeFileSync(keysFile, JSON.stringify([{ id: 'q2-ab', sha256: createHash('sha256').update(key).digest('hex'), scopes: ['read'], providers: ['MASTERCARD_US'] }]));

const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
function start(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'ignore'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
}
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const peakRssMb = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]) / 1024;
const upstreamTotal = async () => (await (await fetch(`${UPSTREAM}/__stats`)).json()).total;
const query = async () => {
  const response = await fetch(GATEWAY, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query: Q2 }) });
  return response.text();
};

async function measure(checkout) {
  const upstream = start(process.execPath, ['server.mjs'], { cwd: path.join(rig, 'upstream'), env: { ...process.env, PORT: '4110', HOST: '127.0.0.1' } });
  const gatewayArgs = process.env.GATEWAY_ARGS ? process.env.GATEWAY_ARGS.split(' ') : [];
  const gateway = start(process.execPath, [...gatewayArgs, 'dist/main.js'], {
    cwd: path.resolve(checkout),
    env: {
      ...process.env, NODE_ENV: 'production', PORT: '4113', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SANDBOX: 'false',
      MASTERCARD_US_BASE_URL: UPSTREAM, MASTERCARD_US_PARTNER_ID: 'bench-partner', MASTERCARD_US_PARTNER_SECRET: 'bench-secret',
      MASTERCARD_US_APP_KEY: 'bench-app-key', API_KEYS_FILE: keysFile, RATE_LIMIT_COST_PER_MINUTE: '1000000000',
    },
  });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try { await query(); break; } catch (error) { if (attempt > 150) throw error; await sleep(200); }
    }
    const first = await query();
    const before = await upstreamTotal();
    const again = await query();
    const upstreamCalls = (await upstreamTotal()) - before;
    let mismatches = again === first ? 0 : 1;
    const burst = async (count) => {
      let next = 0;
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < count) if ((await query()) !== first) mismatches += 1;
      }));
    };
    await burst(100);
    const cpuBefore = cpuMs(gateway.pid);
    const startedAt = Date.now();
    await burst(Number(queries));
    const wallMs = Date.now() - startedAt;
    const cpuMsPerQuery = (cpuMs(gateway.pid) - cpuBefore) / Number(queries);
    return { first, cpuMsPerQuery: +cpuMsPerQuery.toFixed(2), queriesPerSecond: +((1000 * Number(queries)) / wallMs).toFixed(1), peakRssMb: Math.round(peakRssMb(gateway.pid)), upstreamCalls, mismatches };
  } finally {
    await stop(gateway);
    await stop(upstream);
  }
}

const totals = { A: 0, B: 0 };
for (let pair = 1; pair <= Number(pairs); pair += 1) {
  const resultA = await measure(a);
  const resultB = await measure(b);
  if (resultA.first !== resultB.first) console.log('DIFFERENT ANSWERS: the two builds do not answer Q2 with the same bytes');
  for (const [label, { first, ...figures }] of [['A', resultA], ['B', resultB]]) {
    totals[label] += figures.cpuMsPerQuery;
    console.log(`pair ${pair} ${label} ${JSON.stringify(figures)}`);
  }
}
console.log(`CPU ms per Q2: A ${(totals.A / Number(pairs)).toFixed(1)}, B ${(totals.B / Number(pairs)).toFixed(1)}, B/A ${(totals.B / totals.A).toFixed(3)}`);
