import type { Bank } from '../domain/banks.port.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import { requirePort } from '../domain/ports.js';
import type { GatewayContext } from './context.js';
import { perRequest, remember } from './request-memo.js';

/**
 * Banks by ref, remembered for the request: a page of customers asking for their `bank` costs one
 * call per bank, not one per customer (the per-request DataLoader habit, without touching the
 * shared loader set for a type only OBP has).
 */
export function loadBank(context: GatewayContext, target: NativeRef): Promise<Bank | null> {
  return perRequest(context, `bank:${encodeGlobalId(target)}`, () =>
    Promise.resolve().then(() => requirePort(context.registry.adapter(target.provider), 'banks', 'banks').get(target)),
  );
}

/** Remembers banks a list already returned, so their fields cost no further call. */
export function primeBanks(context: GatewayContext, list: readonly Bank[]): void {
  for (const bank of list) remember(context, `bank:${encodeGlobalId(bank.ref)}`, bank);
}
