import type { FastifyInstance } from 'fastify';
import { bankJson400, bankJson500 } from './bank.json.js';
import { obpRoute, param, requireBank, type ObpContext } from './route-context.js';
import { versionsFrom } from './versions.js';

/**
 * Banks are public in OBP (the extract lists no UserNotLoggedIn for v4.0.0/v5.0.0), so these
 * routes ignore credentials entirely, even invalid ones.
 */
export function registerBankRoutes(app: FastifyInstance, ctx: ObpContext): void {
  const { store } = ctx;

  // v4.0.0 getBanks; v5.x has no override, so /obp/v5.1.0/banks is served by it too.
  obpRoute(app, 'GET', versionsFrom('v4.0.0'), '/banks', () => ({ banks: store.banks().map(bankJson400) }));

  obpRoute(app, 'GET', ['v4.0.0'], '/banks/:BANK_ID', (request) => bankJson400(requireBank(store, param(request, 'BANK_ID'))));
  obpRoute(app, 'GET', versionsFrom('v5.0.0'), '/banks/:BANK_ID', (request) =>
    bankJson500(requireBank(store, param(request, 'BANK_ID'))),
  );
}
