import type { FastifyInstance } from 'fastify';
import {
  accountBalancesJson400,
  basicAccountJson,
  coreAccountJson,
  coreAccountJson400,
  moderatedAccountJson400,
} from './account.json.js';
import { ObpError } from './errors.js';
import type { ObpAccount, ObpUser } from './model.js';
import { obpRoute, param, requireAccount, requireBank, requireOwner, requireView, type ObpContext } from './route-context.js';
import { versionsFrom } from './versions.js';

export function registerAccountRoutes(app: FastifyInstance, ctx: ObpContext): void {
  const { store, auth } = ctx;

  /** "Private" account lists hold the accounts the user has a view on (here: the owner view). */
  const visible = (user: ObpUser, accounts: ObpAccount[]): ObpAccount[] =>
    accounts.filter((a) => store.hasOwnerView(user.userId, a.bankId, a.accountId));

  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/banks/:BANK_ID/accounts', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    return { accounts: visible(user, store.accountsAtBank(bank.id)).map(basicAccountJson) };
  });

  obpRoute(app, 'GET', versionsFrom('v3.0.0'), '/banks/:BANK_ID/accounts/private', (request) => {
    const user = auth.authenticate(request.headers);
    const bank = requireBank(store, param(request, 'BANK_ID'));
    return { accounts: visible(user, store.accountsAtBank(bank.id)).map(coreAccountJson) };
  });

  obpRoute(app, 'GET', versionsFrom('v3.0.0'), '/my/accounts', (request) => {
    const user = auth.authenticate(request.headers);
    const all = store.banks().flatMap((b) => store.accountsAtBank(b.id));
    return { accounts: visible(user, all).map(coreAccountJson) };
  });

  // v4.0.0 getPrivateAccountByIdFull: bank (30001), account (30018), then the view.
  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/banks/:BANK_ID/accounts/:ACCOUNT_ID/:VIEW_ID/account', (request) => {
    const user = auth.authenticate(request.headers);
    const account = requireAccount(store, param(request, 'BANK_ID'), param(request, 'ACCOUNT_ID'));
    requireView(store, user, account, param(request, 'VIEW_ID'));
    return moderatedAccountJson400(account);
  });

  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/my/banks/:BANK_ID/accounts/:ACCOUNT_ID/account', (request) => {
    const user = auth.authenticate(request.headers);
    const account = requireAccount(store, param(request, 'BANK_ID'), param(request, 'ACCOUNT_ID'));
    requireOwner(store, user, account);
    return coreAccountJson400(account);
  });

  // v4.0.0 getBankAccountBalancesForCurrentUser lists CannotFindAccountAccess (OBP-30065) for an
  // account the user has no access to.
  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/banks/:BANK_ID/accounts/:ACCOUNT_ID/balances', (request) => {
    const user = auth.authenticate(request.headers);
    const account = requireAccount(store, param(request, 'BANK_ID'), param(request, 'ACCOUNT_ID'));
    if (!store.hasOwnerView(user.userId, account.bankId, account.accountId)) throw new ObpError('CannotFindAccountAccess');
    return accountBalancesJson400(account);
  });
}
