/**
 * Runs one lookup per key and turns failures into per-key errors, as DataLoader expects: one
 * failing key must not fail its neighbours.
 */
export async function settleEach<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<Array<V | Error>> {
  // Through a promise, so a lookup that throws synchronously (an unsupported port, a malformed
  // scope) fails its own key instead of the whole batch.
  const settled = await Promise.allSettled(keys.map((key) => Promise.resolve(key).then(load)));
  return settled.map((result) =>
    result.status === 'fulfilled' ? result.value : result.reason instanceof Error ? result.reason : new Error(String(result.reason)),
  );
}
