import { describe, expect, it } from 'vitest';
import { createPurgeTargets, type PurgeScope } from '../../src/domain/purge.js';
import { createGatewayEvents, type GatewayEvent } from '../../src/events/gateway-events.js';

const scope: PurgeScope = { provider: 'MASTERCARD_AU', customerId: 'c1', institutionIds: ['101732'], accountIds: null };

describe('purge targets', () => {
  it('purges every target, keeps going past a failing one, and reports the counts', async () => {
    const targets = createPurgeTargets();
    const held = new Map([['a', 3], ['c', 2]]);
    const target = (name: string) => ({ name, count: async () => held.get(name) ?? 0, purge: async () => { const n = held.get(name) ?? 0; held.delete(name); return n; } });
    targets.register(target('a'));
    targets.register({ name: 'b', count: async () => 0, purge: async () => { throw new Error('store down'); } });
    targets.register(target('c'));
    expect(() => targets.register(target('a'))).toThrow(/twice/);
    const failure = await targets.purgeAll(scope).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as { results: unknown }).results).toEqual([{ store: 'a', deleted: 3 }, { store: 'c', deleted: 2 }]);
    expect(held.size).toBe(0);
  });
});

describe('gateway events', () => {
  it('delivers each event to every listener; a throwing listener reaches onListenerError, not the publisher', async () => {
    const failures: string[] = [];
    const events = createGatewayEvents({ now: () => Date.UTC(2026, 0, 2), onListenerError: (_error, event) => failures.push(event.id) });
    const seen: GatewayEvent[] = [];
    events.subscribe((event) => void seen.push(event));
    const unsubscribe = events.subscribe(() => { throw new Error('listener bug'); });
    const published = events.publish('report.ready', { reportId: 'r1' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([published]);
    expect(published).toMatchObject({ type: 'report.ready', occurredAt: '2026-01-02T00:00:00.000Z' });
    expect(published.id).toMatch(/^evt_/);
    expect(failures).toEqual([published.id]);
    unsubscribe();
    events.publish('report.ready', { reportId: 'r2' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });
});
