// node --import ./bench/heap-sampler.mjs: allocation sampling (objects collected by GC included) from 6 s after start; HEAP_OUT on SIGUSR2 (bench/profile.sh).
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session(); session.connect();
const post = (m, p) => new Promise((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
setTimeout(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}, 6000).unref();
process.on('SIGUSR2', async () => {
  const { profile } = await post('HeapProfiler.stopSampling');
  writeFileSync(process.env.HEAP_OUT ?? '/tmp/heap.heapprofile', JSON.stringify(profile));
  console.error('heap profile written');
});
