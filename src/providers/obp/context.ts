import { GatewayError } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import type { ReadContext } from '../record-reader.js';
import type { BankScope } from './bank-scope.js';
import type { DirectLoginClient } from './direct-login-client.js';
import { obpPathSegment } from './ids.js';

/** What every part of the OBP adapter shares: the DirectLogin client, the bank scope and the paths. */
export interface ObpContext {
  client: DirectLoginClient;
  /** OBP_BANK_IDS and the BANK_ID checks (OBP-30111) every id goes through before a call. */
  scope: BankScope;
  /** `/obp/{version}{rest}`: versions are cumulative, so v5.1.0 serves older endpoints it does not override. */
  path(rest: string): string;
  /** `/obp/{version}/banks/{BANK_ID}`. */
  bankPath(bankId: string): string;
  now: () => number;
}

/** Path segment from a provider id: checked against OBP's id shape (ids.ts: never `..`), then encoded. */
export const segment = (value: string): string => obpPathSegment(value);
export const read = (operation: string): ReadContext => ({ provider: 'OBP', operation });
export const asIs = <T>(wire: T): T => wire;

/** Concurrent account reads when one listing needs each account through the owner view. */
export const ACCOUNT_READ_CONCURRENCY = 8;

/** The `index`-th scope entry of an id (Transaction: [bankId, accountId]), or BAD_USER_INPUT. */
export function idOf(target: NativeRef, index: number, what: string): string {
  const id = target.scope[index];
  if (!id) throw new GatewayError('BAD_USER_INPUT', `Malformed ${target.type} ID: it names no ${what}`, { field: 'id' });
  return id;
}
