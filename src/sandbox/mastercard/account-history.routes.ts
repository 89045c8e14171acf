import type { FastifyInstance } from 'fastify';
import { resolveAccount } from './accounts.routes.js';
import { sendError } from './errors.js';
import { checkAggregated, type SimContext } from './sim-context.js';

/**
 * Load Historic Transactions (seed 002, "Account History"):
 * `POST /aggregation/v1/customers/{customerId}/accounts/{accountId}/transactions/historic`.
 *
 * - "requires the HTTP header Content-Length: 0 because it is a POST request with no body": a
 *   request with a body is refused (14020, as every malformed request here) unless the body is the
 *   documented `force=true` parameter, which we read as the JSON object `{"force": true}` (the
 *   gateway's choice for the document's two contradicting lines, see the adapter).
 * - "a second call to this service for a known accountId will usually return with HTTP 204"
 *   without connecting again; `force=true` forces the second connection. Every connection to the
 *   institution is counted per account (`historicConnections`), so tests can see the difference.
 * - HTTP 204 on success. The load runs on the account's aggregated data: an account still in its
 *   first aggregation answers 325/5006 like every data call.
 */
export function registerAccountHistoryRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.post('/aggregation/v1/customers/:customerId/accounts/:accountId/transactions/historic', async (request, reply) => {
    const resolved = resolveAccount(ctx, request, reply);
    if (!resolved) return reply;
    const { account } = resolved;
    const body = request.body;
    let force = false;
    if (body === undefined || body === null) {
      if (request.headers['content-length'] !== '0') return sendError(reply, 400, '14020', 'Bad request.');
    } else {
      const keys = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
      const value = (body as Record<string, unknown>).force;
      if (keys.length !== 1 || keys[0] !== 'force' || typeof value !== 'boolean') return sendError(reply, 400, '14020', 'Bad request.');
      force = value;
    }
    if (!checkAggregated(ctx, reply, account)) return reply;
    const loaded = ctx.store.historicLoads.get(account.id) ?? 0;
    if (loaded === 0 || force) {
      ctx.store.historicLoads.set(account.id, loaded + 1);
      account.lastConnectionAt = ctx.nowSeconds();
    }
    return reply.code(204).send();
  });
}
