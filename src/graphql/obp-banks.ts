import type { Bank } from '../domain/banks.port.js';
import { encodeGlobalId, type NativeRef } from '../domain/global-id.js';
import { requirePort } from '../domain/ports.js';
import type { GatewayContext } from './context.js';

/**
 * Banks by ref, remembered for the request: a page of customers asking for their `bank` costs one
 * call per bank, not one per customer (the per-request DataLoader habit, without touching the
 * shared loader set for a type only OBP has).
 */
const perRequest = new WeakMap<GatewayContext, Map<string, Promise<Bank | null>>>();

export function loadBank(context: GatewayContext, target: NativeRef): Promise<Bank | null> {
  let banks = perRequest.get(context);
  if (!banks) {
    banks = new Map();
    perRequest.set(context, banks);
  }
  const key = encodeGlobalId(target);
  let found = banks.get(key);
  if (!found) {
    found = Promise.resolve().then(() => requirePort(context.registry.adapter(target.provider), 'banks', 'banks').get(target));
    banks.set(key, found);
  }
  return found;
}

/** Remembers banks a list already returned, so their fields cost no further call. */
export function primeBanks(context: GatewayContext, list: readonly Bank[]): void {
  let banks = perRequest.get(context);
  if (!banks) {
    banks = new Map();
    perRequest.set(context, banks);
  }
  for (const bank of list) banks.set(encodeGlobalId(bank.ref), Promise.resolve(bank));
}
