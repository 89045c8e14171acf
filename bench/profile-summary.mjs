// Summarises a V8 .cpuprofile (bench/profile.sh): share of busy time by package, by function (self),
// and by function including its callees; SKIP_MS (default 4000) leaves out start-up and warm-up.
//   node bench/profile-summary.mjs <file.cpuprofile> [top=30]
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 30);
const skipUs = Number(process.env.SKIP_MS ?? 4000) * 1000;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const timeOf = new Map();
let at = 0;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i];
  if (at >= skipUs) timeOf.set(profile.samples[i], (timeOf.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
}
const name = ({ callFrame: { functionName, url, lineNumber } }) => `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber}`;
const packageOf = ({ callFrame: { functionName, url } }) => {
  if (functionName === '(garbage collector)') return 'GC';
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (match) return match[1];
  if (url.includes('/dist/')) return 'dist (gateway bundle)';
  return url.startsWith('node:') ? url : url ? url.split('/').slice(-2).join('/') : `native ${functionName}`;
};
const add = (map, key, time) => map.set(key, (map.get(key) ?? 0) + time);
const byPackage = new Map();
const self = new Map();
const inclusive = new Map();
let busy = 0;
for (const [id, time] of timeOf) {
  const node = nodes.get(id);
  if (node.callFrame.functionName === '(idle)') continue;
  busy += time;
  add(byPackage, packageOf(node), time);
  add(self, name(node), time);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = name(nodes.get(cur));
    if (!seen.has(key)) add(inclusive, key, time), seen.add(key);
  }
}
const print = (title, map) => {
  console.log(`--- ${title}`);
  for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * time) / busy).toFixed(1).padStart(5)} %  ${key}`);
};
console.log(`busy ${(busy / 1000).toFixed(0)} ms after the first ${skipUs / 1000} ms`);
print('by package', byPackage);
print('by function (self)', self);
print('by function (with callees)', inclusive);
