/**
 * Runs one lookup per key and turns failures into per-key errors, as DataLoader expects: one
 * failing key must not fail its neighbours.
 */
export async function settleEach<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<Array<V | Error>> {
  const settled = await Promise.allSettled(keys.map(load));
  return settled.map((result) =>
    result.status === 'fulfilled' ? result.value : result.reason instanceof Error ? result.reason : new Error(String(result.reason)),
  );
}
