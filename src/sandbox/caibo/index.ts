import Fastify, { type FastifyRequest } from 'fastify';
import { listen, startOfUtcDay, type RunningSimulator, type SimulatorBaseOptions } from '../simulator.js';
import { createCaiboAuth, type AuthRequirement, type CaiboCredentials } from './auth.js';
import { createCaiboStore } from './caibo-store.js';
import { toNotificationFields } from './caibo-json.js';
import { createCallbackDispatcher } from './callbacks.js';
import { registerCustomerRoutes } from './customers.routes.js';
import { registerRawBodyParser } from './json-body.js';
import { registerPaymentMethodRoutes } from './payment-methods.routes.js';
import { registerPaymentRequestRoutes } from './payment-requests.routes.js';
import { problem, sendProblem } from './problem-details.js';
import { registerSimulatorControls } from '../sandbox-controls.js';
import { registerSandboxRoutes, type SandboxStats } from './sandbox.routes.js';
import { DEFAULT_CAIBO_SEED } from './seed-data.js';

export { CAIBO_SANDBOX_MERCHANT, CAIBO_SEED_CUSTOMER_IDS, CAIBO_SEED_PAYMENT_REQUEST_IDS } from './seed-data.js';
export { CALLBACK_SIGNATURE_HEADER, signCallbackBody, type CallbackAttempt } from './callbacks.js';
export { outcomeForAmount, PAYMENT_REQUEST_STATUS_IDS, TRANSACTION_STATUS_IDS } from './payment-status.js';

export interface CaiboSimulatorOptions extends SimulatorBaseOptions {
  /** Merchant credentials for both auth modes; default `CAIBO_SANDBOX_CREDENTIALS`. */
  credentials?: CaiboCredentials;
  /** Lifetime of the access tokens `POST /auth/login` issues (their `expireDate`); default 3600. */
  accessTokenTtlSeconds?: number;
  /** How long each automatic status step takes (waiting → pending → approved/declined); default 5000. */
  paymentStatusStepMs?: number;
  /** Seed of the deterministic seed data; default 4. */
  seed?: number;
}

export interface CaiboSimulator extends RunningSimulator {
  stats(): SandboxStats;
  resetStats(): void;
}

export const CAIBO_SANDBOX_CREDENTIALS: Readonly<CaiboCredentials> = Object.freeze({
  apiKey: 'sandbox-caibo-api-key',
  email: 'sandbox@caibo.test',
  password: 'sandbox-password',
});

const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3_600;
const DEFAULT_PAYMENT_STATUS_STEP_MS = 5_000;

/**
 * Caibo IPG ("FinHub API") simulator: customers (`Client`), payment requests with a status lifecycle and
 * HMAC-SHA512-signed callbacks, API-key and login auth. Sources: seed 003 and caibo-notes.md; every
 * undocumented choice is commented where it is made.
 */
export async function startCaiboSimulator(options: CaiboSimulatorOptions = {}): Promise<CaiboSimulator> {
  const now = options.now ?? Date.now;
  const stepMs = options.paymentStatusStepMs ?? DEFAULT_PAYMENT_STATUS_STEP_MS;
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (!(stepMs > 0)) throw new Error('paymentStatusStepMs must be greater than 0');
  if (!(accessTokenTtlSeconds > 0)) throw new Error('accessTokenTtlSeconds must be greater than 0');

  let origin = '';
  const callbacks = createCallbackDispatcher({ now, signingKey: () => auth.apiKey() });
  const store = createCaiboStore({
    seed: options.seed ?? DEFAULT_CAIBO_SEED,
    anchorDate: startOfUtcDay(options.anchorDate ?? new Date(now())),
    now,
    stepMs,
    onStatusChange: ({ paymentRequest, previous, current }) => {
      if (paymentRequest.notifyUrl === null) return;
      callbacks.enqueue({
        paymentRequestId: paymentRequest.id,
        url: paymentRequest.notifyUrl,
        previousStatus: previous,
        status: current,
        fields: toNotificationFields(paymentRequest, store),
      });
    },
  });
  const auth = createCaiboAuth({
    credentials: options.credentials ?? CAIBO_SANDBOX_CREDENTIALS,
    userId: store.merchant.userId,
    accessTokenTtlSeconds,
    now,
  });

  let requests = 0;
  let byRoute: Record<string, number> = {};
  const stats = (): SandboxStats => ({ requests, logins: auth.logins(), byRoute: { ...byRoute } });
  const resetStats = (): void => {
    requests = 0;
    byRoute = {};
    auth.resetLogins();
  };

  // No request logging: bodies and headers carry passwords, tokens and API keys.
  const app = Fastify({ logger: false });
  registerRawBodyParser(app);

  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!request.url.startsWith('/_sandbox/')) {
      requests += 1;
      const key = `${request.method} ${route ?? '(unmatched)'}`;
      byRoute[key] = (byRoute[key] ?? 0) + 1;
    }
    // Authentication runs before body parsing, so a bad key is 401 even when the body is also wrong.
    if (!auth.authorize(request, reply, authRequirementOf(request))) return reply;
    return undefined;
  });

  auth.register(app);
  registerCustomerRoutes(app, store, now);
  registerPaymentRequestRoutes(app, store, now, () => origin);
  registerPaymentMethodRoutes(app, store, now);
  registerSandboxRoutes(app, { store, callbacks, stats, resetStats, now, origin: () => origin });
  registerSimulatorControls(app, {
    expireTokens: () => auth.expireTokens(),
    reset: () => {
      resetStats();
      callbacks.clear();
    },
  });

  // An unmatched path never reaches ASP.NET MVC, so the real API answers a bare 404 without a body.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send());
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode === 413 ? 413 : error.statusCode === 400 ? 400 : 500;
    // Never echo the error's message: it may quote the request.
    return sendProblem(reply, problem(status));
  });

  const running = await listen(app, options);
  origin = running.url;

  // Statuses are computed lazily on every read; this timer makes them (and their callbacks) happen
  // without a read. It re-reads `now()`, so a test clock that stands still holds the status too.
  const sweeper = setInterval(() => store.syncAll(), Math.min(1_000, Math.max(5, Math.floor(stepMs / 4))));
  sweeper.unref();

  return {
    url: running.url,
    stats,
    resetStats,
    close: async () => {
      clearInterval(sweeper);
      await callbacks.close();
      await running.close();
    },
  };
}

function authRequirementOf(request: FastifyRequest): AuthRequirement {
  const route = request.routeOptions.url;
  if (route === undefined || route.startsWith('/_sandbox/') || route === '/auth/login') return 'none';
  if (route === '/users/:userId/apikey') return 'bearer';
  return 'api';
}
