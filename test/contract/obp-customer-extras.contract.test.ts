import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ref } from '../../src/domain/global-id.js';
import { createObpAdapter, type ObpAdapter } from '../../src/providers/obp/adapter.js';
import {
  OBP_CANONICAL_VERSION,
  OBP_SANDBOX_CONSUMER_KEY,
  OBP_SANDBOX_USERS,
  startObpSimulator,
  type ObpSimulator,
} from '../../src/sandbox/obp/index.js';
import { adapterDependencies } from '../support/sandbox-deps.js';
import { startRewritingProxy, type RewritingProxy } from '../support/rewriting-proxy.js';

/**
 * The OBP customer-extras ports (seed 004) against the simulator, directly and through a proxy that
 * spoils one record per page: the odd record fails alone, the rest arrives intact.
 */
let simulator: ObpSimulator;
let proxy: RewritingProxy;
let direct: ObpAdapter;
let spoiled: ObpAdapter;

const adapterAt = (baseUrl: string, bankIds: string[] | null = null): ObpAdapter =>
  createObpAdapter({
    baseUrl,
    credentials: { username: OBP_SANDBOX_USERS[0]!.username, password: OBP_SANDBOX_USERS[0]!.password, consumerKey: OBP_SANDBOX_CONSUMER_KEY },
    bankIds,
    apiVersion: OBP_CANONICAL_VERSION,
    ...adapterDependencies(),
  });

type Json = Record<string, unknown>;

beforeAll(async () => {
  simulator = await startObpSimulator();
  proxy = await startRewritingProxy(simulator.url, (path, body) => {
    const page = body as Json;
    if (path.endsWith('/crm-events') && Array.isArray(page.crm_events)) delete (page.crm_events[0] as Json).id;
    if (path.endsWith('/social_media_handles') && Array.isArray(page.checks) && page.checks[0]) (page.checks[0] as Json).date_added = 'last week';
    return body;
  });
  direct = adapterAt(simulator.url);
  spoiled = adapterAt(proxy.url);
});
afterAll(async () => {
  await Promise.all([direct?.close(), spoiled?.close()]);
  await proxy?.close();
  await simulator?.close();
});

describe('OBP customer extras: adapter against the simulator', () => {
  it('reads CRM events; a bank without any is an empty list; one odd event fails alone', async () => {
    const events = await direct.crmEvents!.listAtBank(ref('OBP', 'Bank', 'gh.29.uk'));
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((event) => event.bankId === 'gh.29.uk' && event.scheduledAt instanceof Date)).toBe(true);
    expect(await direct.crmEvents!.listAtBank(ref('OBP', 'Bank', 'sg.08.sgp'))).toEqual([]);
    const tolerant = await spoiled.crmEvents!.listAtBank(ref('OBP', 'Bank', 'gh.29.uk'));
    expect(tolerant).toEqual(events.slice(1));
    await expect(direct.crmEvents!.listAtBank(ref('OBP', 'Bank', 'bad!bank'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', providerCode: 'OBP-30111' });
  });

  it('reads and adds social media handles; an unparsable date reads as null', async () => {
    const [mine] = await direct.myCustomers!.list(ref('OBP', 'Bank', 'us.42.nyc'));
    const handles = await direct.socialMediaHandles!.list(mine!.ref);
    expect(handles.length).toBeGreaterThan(0);
    const added = await direct.socialMediaHandles!.add(mine!.ref, {
      type: 'twitter',
      handle: '@contract',
      addedAt: new Date('2025-01-01T00:00:00Z'),
      activatedAt: new Date('2025-01-02T00:00:00Z'),
    });
    expect(await direct.socialMediaHandles!.list(mine!.ref)).toContainEqual(added);
    const tolerant = await spoiled.socialMediaHandles!.list(mine!.ref);
    expect(tolerant[0]).toEqual({ ...handles[0], addedAt: null });
    const unknown = ref('OBP', 'Customer', '00000000-0000-5000-8000-000000000000', 'us.42.nyc');
    await expect(direct.socialMediaHandles!.list(unknown)).rejects.toMatchObject({ code: 'NOT_FOUND', providerCode: 'OBP-30046' });
    await expect(direct.socialMediaHandles!.add(unknown, { type: 't', handle: 'h', addedAt: new Date(), activatedAt: new Date() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists my customers only at the banks the gateway exposes', async () => {
    expect((await direct.myCustomers!.list(null)).map((c) => c.ref.scope[0]).sort()).toEqual(['de.17.ber', 'gh.29.uk', 'sg.08.sgp', 'us.42.nyc']);
    const narrow = adapterAt(simulator.url, ['gh.29.uk', 'de.17.ber']);
    try {
      expect((await narrow.myCustomers!.list(null)).map((c) => c.ref.scope[0]).sort()).toEqual(['de.17.ber', 'gh.29.uk']);
      await expect(narrow.myCustomers!.list(ref('OBP', 'Bank', 'us.42.nyc'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await narrow.close();
    }
  });
});
