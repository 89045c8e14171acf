import type { FastifyInstance } from 'fastify';
import type { CaiboStore } from './caibo-store.js';
import { toPaymentStatusJson } from './caibo-json.js';
import type { CallbackDispatcher } from './callbacks.js';
import { fieldOf, isPlainObject, readJsonBody } from './json-body.js';
import { isSandboxStatus, paymentRequestStatusId, SANDBOX_STATUSES, TRANSACTION_STATUS_IDS } from './payment-status.js';
import { sendNotFound, sendProblem, validationProblem } from './problem-details.js';
import { parseInt64 } from './route-params.js';

export interface SandboxStats {
  requests: number;
  logins: number;
  byRoute: Record<string, number>;
}

/**
 * Test and demo controls, all under `/_sandbox/` and without auth (never a Caibo path):
 *   GET    /_sandbox/stats                            provider-route request counts and logins
 *   POST   /_sandbox/stats/reset
 *   GET    /_sandbox/callbacks                        every callback attempt, oldest first
 *   DELETE /_sandbox/callbacks
 *   POST   /_sandbox/payment-requests/{id}/status     {"status": "waiting|pending|approved|declined|cancelled"}
 *   GET    /_sandbox/pay?merchantId=…&requestId=…     the pay page the `link` of a payment request opens
 */
export function registerSandboxRoutes(
  app: FastifyInstance,
  deps: {
    store: CaiboStore;
    callbacks: CallbackDispatcher;
    stats: () => SandboxStats;
    resetStats: () => void;
    now: () => number;
    origin: () => string;
  },
): void {
  const { store, callbacks } = deps;

  app.get('/_sandbox/stats', async () => deps.stats());
  app.post('/_sandbox/stats/reset', async (_request, reply) => {
    deps.resetStats();
    return reply.code(204).send();
  });

  app.get('/_sandbox/callbacks', async () => callbacks.attempts());
  app.delete('/_sandbox/callbacks', async (_request, reply) => {
    callbacks.clear();
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/_sandbox/payment-requests/:id/status', async (request, reply) => {
    const id = parseInt64(request.params.id, 'id');
    if (!id.ok) return sendProblem(reply, validationProblem(id.errors));
    const body = readJsonBody(request);
    if (!body.ok) return sendProblem(reply, body.problem);
    const status = isPlainObject(body.value) ? fieldOf(body.value, 'status') : undefined;
    if (!isSandboxStatus(status)) {
      return sendProblem(reply, validationProblem({ status: [`The status must be one of: ${SANDBOX_STATUSES.join(', ')}.`] }));
    }
    const found = store.paymentRequest(id.id);
    if (found === undefined) {
      return sendNotFound(reply, 'PAYMENT_REQUEST_NOT_FOUND', `Payment request with ID ${request.params.id} not found`, { paymentRequestId: request.params.id }, new Date(deps.now()));
    }
    store.setStatus(found, status);
    return reply.code(200).send(toPaymentStatusJson(found, store, deps.origin()));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/_sandbox/pay', async (request, reply) => {
    const id = parseInt64(request.query.requestId, 'requestId');
    const found = id.ok ? store.paymentRequest(id.id) : undefined;
    if (found === undefined) return reply.code(404).type('text/html; charset=utf-8').send(page('Payment request not found', '<p>This payment link is not valid.</p>'));
    const rows: Array<[string, string]> = [
      ['Pay to', store.merchant.name],
      ['Amount', `${found.amount} ${found.unit}`],
      ['Reference', found.referenceId ?? ''],
      ['transactionStatusId', String(TRANSACTION_STATUS_IDS[found.status])],
      ['paymentRequestStatusId', String(paymentRequestStatusId(found.status, found.cancelled))],
    ];
    const table = rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
    const hint = `<p>Sandbox: the status moves on by itself, or POST <code>/_sandbox/payment-requests/${found.id}/status</code>.</p>`;
    return reply.code(200).type('text/html; charset=utf-8').send(page('Caibo sandbox checkout', `<table>${table}</table>${hint}`));
  });
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
