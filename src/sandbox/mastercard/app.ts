import Fastify, { type FastifyInstance } from 'fastify';
import { createSeededRandom } from '../seeded-random.js';
import { startOfUtcDay } from '../simulator.js';
import { registerAccountHistoryRoutes } from './account-history.routes.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerApplicationRoutes } from './applications.routes.js';
import { TokenAuthority, type PartnerCredentials } from './auth.js';
import { registerConnectRoutes } from './connect.routes.js';
import { registerConsentNotifications } from './consent-notifications/index.js';
import { createConnectEventSender } from './connect-event-sender.js';
import { createSimConnectSessions } from './connect-sessions.js';
import { registerConsentRoutes } from './consents.routes.js';
import { registerCustomerRoutes } from './customers.routes.js';
import { sendError } from './errors.js';
import { registerInstitutionRoutes } from './institutions.routes.js';
import type { LendingContext } from './lending-context.js';
import { registerPaymentRoutes } from './payment.routes.js';
import { REGION_PROFILES, type AuAccessModel, type MastercardRegion } from './region.js';
import { registerSimulatorControls } from '../sandbox-controls.js';
import { registerSandboxRoutes, type RequestStats } from './sandbox.routes.js';
import { buildSeedStore } from './seed-data.js';
import { checkConsentHeader, isAggregated, type SimContext } from './sim-context.js';
import type { MastercardStore } from './store.js';
import { registerTransactionRoutes } from './transactions.routes.js';

export interface BuildOptions {
  region: MastercardRegion;
  credentials: PartnerCredentials;
  tokenTtlSeconds: number;
  testingCustomerLimit: number;
  accessModel: AuAccessModel;
  aggregationDelaySeconds: number;
  seed: number;
  now: () => number;
  anchorDate?: Date;
  registerExtraRoutes?: (app: FastifyInstance, ctx: LendingContext) => void;
  /** AU consent notifications: waits between delivery attempts (default: the documented schedule). */
  consentRetryDelaysMs?: readonly number[];
}

export interface BuiltApp {
  app: FastifyInstance;
  store: MastercardStore;
  stats(): RequestStats;
  resetStats(): void;
}

export function buildMastercardApp(options: BuildOptions): BuiltApp {
  const profile = REGION_PROFILES[options.region];
  const now = options.now;
  const anchor = Math.floor(startOfUtcDay(options.anchorDate ?? new Date(now())).getTime() / 1000);
  const store = buildSeedStore(profile, options.seed, anchor);
  const auth = new TokenAuthority(profile, options.credentials, options.tokenTtlSeconds * 1000, now);
  const connectSender = createConnectEventSender({ partnerSecret: options.credentials.partnerSecret });
  const base: Omit<SimContext, 'consentEvents'> = {
    profile,
    store,
    auth,
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    accessModel: options.accessModel,
    testingCustomerLimit: options.testingCustomerLimit,
    aggregationDelaySeconds: options.aggregationDelaySeconds,
    partnerId: options.credentials.partnerId,
    rng: createSeededRandom(options.seed ^ 0x5a5a5a5a),
    connect: { sender: connectSender, sessions: createSimConnectSessions(connectSender, now) },
  };

  const app = Fastify({ logger: false });
  const ctx: SimContext = { ...base, consentEvents: registerConsentNotifications(app, base, options.consentRetryDelaysMs) };
  app.addHook('onClose', async () => connectSender.close());

  // Finicity accepts POSTs without a body (e.g. Refresh Accounts, "Content-Length: 0"; seed 002,
  // Account History), so an empty JSON body is no body rather than a parse error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('Bad request.'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    // error-examples.json GenericBadRequestExample
    if (status >= 400 && status < 500) return sendError(reply, 400, '14020', 'Bad request.');
    return sendError(reply, 500, '10000', 'Internal error.');
  });
  // error-examples.json ResourceNotFoundExample
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, '14001', 'Resource not found.'));

  let stats: RequestStats = { requests: 0, tokenIssued: 0, byRoute: {} };
  const tokenBaseline = { value: 0 };
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/_sandbox/')) return;
    stats.requests++;
    const route = request.routeOptions.url;
    if (route !== undefined) {
      const key = `${request.method} ${route}`;
      stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    }
  });
  const currentStats = (): RequestStats => ({
    requests: stats.requests,
    tokenIssued: auth.issued - tokenBaseline.value,
    byRoute: { ...stats.byRoute },
  });
  const resetStats = (): void => {
    stats = { requests: 0, tokenIssued: 0, byRoute: {} };
    tokenBaseline.value = auth.issued;
  };

  registerSimulatorControls(app, {
    expireTokens: () => auth.expireAll(),
    reset: () => {
      resetStats();
      auth.unlock();
    },
  });
  app.post('/aggregation/v2/partners/authentication', async (request, reply) => auth.handleAuthentication(request, reply));
  registerCustomerRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerAccountHistoryRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
  registerTransactionRoutes(app, ctx);
  registerPaymentRoutes(app, ctx);
  registerInstitutionRoutes(app, ctx);
  registerConsentRoutes(app, ctx);
  registerConnectRoutes(app, ctx, options.credentials.partnerSecret);
  registerSandboxRoutes(app, ctx, currentStats, resetStats);

  if (options.registerExtraRoutes) {
    // The one place sibling modules (lending: consumers, businesses, reports) plug in.
    options.registerExtraRoutes(app, createLendingContext(ctx));
  }
  return { app, store, stats: currentStats, resetStats };
}

export function createLendingContext(ctx: SimContext): LendingContext {
  return {
    region: ctx.profile.region,
    now: ctx.now,
    authenticate: (request, reply) => ctx.auth.authenticate(request, reply),
    customer: (customerId) => ctx.store.customers.get(customerId),
    listCustomers: () => [...ctx.store.customers.values()],
    accountsOf: (customerId) => ctx.store.accountsOf(customerId),
    transactionsOf: (customerId) =>
      ctx.store
        .accountsOf(customerId)
        .filter((a) => isAggregated(ctx, a))
        .flatMap((a) => ctx.store.transactionsOfAccount(a.id)),
    sendError: (reply, httpStatus, code, message) => sendError(reply, httpStatus, code, message),
    checkConsent: (request, reply, customerId) => checkConsentHeader(ctx, request, reply, customerId),
  };
}
