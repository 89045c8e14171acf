import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerBankRoutes } from './banks.routes.js';
import { registerCustomerCrmRoutes } from './customer-crm.routes.js';
import { registerCustomerRoutes } from './customers.routes.js';
import { registerSimulatorControls } from '../sandbox-controls.js';
import { createDirectLoginService } from './direct-login.js';
import { registerDirectLoginRoutes } from './direct-login.routes.js';
import { ObpError, sendObpError } from './errors.js';
import type { ObpContext } from './route-context.js';
import type { ObpSeed } from './seed-data.js';
import { createStatsRecorder, registerStatsRoutes, type StatsRecorder } from './stats.js';
import { createObpStore } from './store.js';
import { registerTransactionRoutes } from './transactions.routes.js';
import { registerSandboxTransactionRoutes } from './sandbox-transactions.routes.js';
import { registerUserCustomerRoutes } from './user-customers.routes.js';

export interface ObpAppOptions {
  seed: ObpSeed;
  consumerKey: string;
  tokenTtlSeconds: number;
  now: () => number;
}

/**
 * OBP reads bodies as JSON whatever the Content-Type, and POST /my/logins/direct has an empty
 * body; fastify's own JSON parser would reject both, so every body is parsed here. A body that
 * is not JSON stays a string, which every body schema rejects with OBP-10001, so it only fails the
 * handlers that actually read a body.
 */
function parseBody(_request: unknown, body: string | Buffer, done: (err: Error | null, value?: unknown) => void): void {
  const text = body.toString();
  if (text.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(text));
  } catch {
    done(null, text);
  }
}

export function buildObpApp(options: ObpAppOptions): { app: FastifyInstance; stats: StatsRecorder } {
  const app = Fastify({ logger: false });
  const stats = createStatsRecorder(app);
  const store = createObpStore(options.seed);
  const ctx: ObpContext = {
    store,
    now: options.now,
    auth: createDirectLoginService({
      store,
      consumerKey: options.consumerKey,
      tokenTtlSeconds: options.tokenTtlSeconds,
      now: options.now,
    }),
    onLogin: () => stats.recordLogin(),
  };

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, parseBody);

  // fastify 5.12 types a handler's error as `unknown` unless told: this one sees ObpErrors and fastify's own.
  app.setErrorHandler((error: FastifyError | ObpError, _request, reply) => {
    if (error instanceof ObpError) return sendObpError(reply, error);
    if (error.statusCode === 413 || error.code?.startsWith('FST_ERR_CTP')) return sendObpError(reply, new ObpError('InvalidJsonFormat'));
    return sendObpError(reply, new ObpError('UnknownError'));
  });
  app.setNotFoundHandler((_request, reply) => sendObpError(reply, new ObpError('InvalidUri')));

  registerStatsRoutes(app, stats);
  registerSandboxTransactionRoutes(app, store, options.now);
  registerSimulatorControls(app, { expireTokens: () => ctx.auth.expireAll(), reset: () => stats.reset() });
  registerDirectLoginRoutes(app, ctx);
  registerBankRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  registerUserCustomerRoutes(app, ctx);
  registerCustomerCrmRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerTransactionRoutes(app, ctx);
  return { app, stats };
}
