import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { DirectLoginService } from './direct-login.js';
import { bankAccountNotFound, bankNotFound, noViewAccess, ObpError } from './errors.js';
import { OWNER_VIEW_ID } from './account.json.js';
import type { ObpAccount, ObpBank, ObpUser } from './model.js';
import type { ObpStore } from './store.js';
import type { ObpVersion } from './versions.js';

/** What every route module needs; built once per simulator instance. */
export interface ObpContext {
  store: ObpStore;
  auth: DirectLoginService;
  now: () => number;
  onLogin: () => void;
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;

/**
 * Registers one OBP endpoint under each `/obp/<version>` it is served at. Path parameters use
 * OBP's own names (`:BANK_ID`, `:ACCOUNT_ID`, …) so the stats keys read like the resource docs.
 */
export function obpRoute(app: FastifyInstance, method: HTTPMethods, versions: readonly ObpVersion[], path: string, handler: Handler): void {
  for (const version of versions) app.route({ method, url: `/obp/${version}${path}`, handler });
}

export function param(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string | undefined>)[name] ?? '';
}

export function queryOf(request: FastifyRequest): Record<string, string | string[] | undefined> {
  return request.query as Record<string, string | string[] | undefined>;
}

/** OBP-30111 (seed 004): only 0-9/a-z/A-Z/'-'/'.'/'_', shorter than 255. */
const BANK_ID_FORMAT = /^[0-9A-Za-z._-]{1,254}$/;

export function requireBank(store: ObpStore, bankId: string): ObpBank {
  if (!BANK_ID_FORMAT.test(bankId)) throw new ObpError('InvalidBankIdFormat');
  const bank = store.bank(bankId);
  if (!bank) throw bankNotFound(bankId);
  return bank;
}

export function requireAccount(store: ObpStore, bankId: string, accountId: string): ObpAccount {
  requireBank(store, bankId);
  const account = store.account(bankId, accountId);
  if (!account) throw bankAccountNotFound(bankId, accountId);
  return account;
}

/**
 * The sandbox has one view, the system `owner` view (obp-notes.md, Accounts). Another VIEW_ID is
 * OBP-30005; `owner` without access is OBP-20017 (meta.runtimeErrorMessageFormats.noViewAccess).
 */
export function requireView(store: ObpStore, user: ObpUser, account: ObpAccount, viewId: string): void {
  if (viewId !== OWNER_VIEW_ID) throw new ObpError('ViewNotFound');
  if (!store.hasOwnerView(user.userId, account.bankId, account.accountId)) throw noViewAccess(viewId);
}

/** The `/my/…` (core) endpoints need the owner view too; OBP calls its absence OBP-20019. */
export function requireOwner(store: ObpStore, user: ObpUser, account: ObpAccount): void {
  if (!store.hasOwnerView(user.userId, account.bankId, account.accountId)) throw new ObpError('UserNoOwnerView');
}
