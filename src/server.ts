import Keyv from 'keyv';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { ProviderRegistry } from './domain/registry.js';
import { createPurgeTargets, type PurgeTargets } from './domain/purge.js';
import { createGatewayEvents, type GatewayEvents } from './events/gateway-events.js';
import type { SecretBox } from './security/secret-box.js';
import type { TransactionStore } from './store/transaction-store.js';
import type { GatewayContext } from './graphql/context.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandlers } from './errors/fastify-errors.js';
import { callerFaultsPlugin, knownOperationTypesRule } from './graphql/caller-faults.plugin.js';
import { createFormatError } from './graphql/format-error.js';
import { inputLimitsPlugin } from './graphql/input-limits.plugin.js';
import { refuseEmptyInputs } from './graphql/input-values.js';
import { partialErrorsPlugin } from './graphql/partial-errors.plugin.js';
import { providerWarningsPlugin, trackFieldPaths } from './graphql/provider-warnings.plugin.js';
import { requestIdPlugin } from './graphql/request-id.plugin.js';
import { buildGatewaySchema } from './graphql/schema.js';
import { createLoaders } from './loaders/index.js';
import { graphqlMetricsPlugin } from './observability/graphql-metrics.js';
import type { Logger } from './observability/logger.js';
import type { GatewayMetrics } from './observability/metrics.js';
import { DEFAULT_REQUEST_DEADLINE_MS } from './http/limits.js';
import { operationTracingPlugin, registerOperationTracing } from './observability/operation-tracing.js';
import type { Readiness } from './observability/readiness.js';
import { runInRequestScope } from './observability/request-scope.js';
import { createIdempotencyRecords } from './domain/idempotency.js';
import { createCallbackUrlPolicy, createSecurity, guardCallbackUrls, guardFieldsByScope, registryForCaller, type SecurityConfig } from './security/index.js';
import { GATEWAY_NAME, registerPlaygroundAndSandbox } from './playground/index.js';
import type { RunningSandbox } from './sandbox/start-all.js';
import { registerMastercardReportWebhook } from './webhooks/mastercard-reports.route.js';
import { registerTransactionsExport } from './export/transactions-export.route.js';
import { registerMastercardConsentWebhook } from './webhooks/mastercard-consents.route.js';
import { createConsentSigningKeys } from './webhooks/consent-signing-keys.js';
import { createDeletionRecords } from './domain/deletion-records.js';
import { registerMastercardConnectWebhook } from './webhooks/mastercard-connect.route.js';
import { createOutboundWebhooks } from './events/outbound-webhooks.js';
import type { DeliveryOptions } from './events/webhook-delivery.js';
import { registerReportPdfRoute } from './downloads/report-pdf.route.js';

export interface ServerOptions {
  registry: ProviderRegistry;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Caller authentication, introspection and query limits (src/security). */
  security: SecurityConfig;
  /** The gateway as providers reach it, once known: report callbackUrls may always point there. */
  publicBaseUrl?: () => string | undefined;
  /** The keyv store (CACHE_URL): per-caller rate limits and idempotency records are shared through it; default in-memory. */
  store?: Keyv;
  now?: () => number;
  /** Overall deadline of one request in ms (REQUEST_DEADLINE_MS); default DEFAULT_REQUEST_DEADLINE_MS (src/http/limits.ts). */
  requestDeadlineMs?: number;
  /** What `/readyz` reports (observability/readiness.ts); 503 unless `ready` or `degraded`. */
  readiness: () => Promise<Readiness>;
  /** The running simulators (sandbox mode): enables the `/sandbox` controls. */
  sandbox?: RunningSandbox | null;
  /** The gateway's purge targets (shared with the adapters); default a new, empty list. */
  purge?: PurgeTargets;
  /** The gateway's event bus (shared with the adapters); default a new one. */
  events?: GatewayEvents;
  /** Encrypts secrets kept in the keyv store (GATEWAY_SECRETS_KEY); null when none is configured. */
  secrets?: SecretBox | null;
  /** The change feed's transaction store (src/store); none = transactionsSync answers INTERNAL. */
  transactionStore?: TransactionStore | null;
  /** transactionsSync re-reads data older than this (TRANSACTION_SYNC_MAX_AGE_SECONDS); default 300 s. */
  syncMaxAgeMs?: number;
  /** Outbound webhook delivery: retry schedule, attempt deadline, pending bound (tests shorten them). */
  outboundWebhooks?: Partial<DeliveryOptions>;
}

/** A caller-supplied request id is kept only if it is short and plain, so it is safe to log. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

const GRAPHQL_PATH = '/graphql';
/** TRANSACTION_SYNC_MAX_AGE_SECONDS' default (src/config.ts), for servers built without a config. */
const DEFAULT_SYNC_MAX_AGE_MS = 300_000;

/**
 * Why a request's signal aborted. Shared: `abort()` without a reason builds a new DOMException,
 * stack trace included, and every request aborts its signal when its socket closes (issue 17 profile).
 */
const DEADLINE_PASSED = new DOMException('The request deadline passed', 'AbortError');
const REQUEST_CLOSED = new DOMException('The request ended', 'AbortError');

/**
 * HTTP wiring: /graphql (Apollo Server 5 on fastify), /healthz, /readyz, /metrics. Later issues
 * add /webhooks/* and the playground here.
 */
export async function createServer(options: ServerOptions) {
  const { registry, metrics, logger } = options;
  const now = options.now ?? Date.now;
  const deadlineMs = options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  const store = options.store ?? new Keyv();
  const idempotency = createIdempotencyRecords(store);
  // Consent notifications: subscriptions' signing keys (sealed) and deletion records, in the shared store.
  const consentKeys = createConsentSigningKeys(store, options.secrets ?? null, options.publicBaseUrl ?? (() => undefined));
  const deletionRecords = createDeletionRecords(store, now);
  const purge = options.purge ?? createPurgeTargets();
  const events = options.events ?? createGatewayEvents();
  const app = Fastify({
    // A caller that never finishes sending its headers or body holds a socket no longer than the
    // request deadline (408). Node checks these timeouts every connectionsCheckingInterval (30 s by
    // default), so the check runs every second here.
    serverFactory: (handler) =>
      createHttpServer(
        { requestTimeout: deadlineMs, headersTimeout: deadlineMs, connectionsCheckingInterval: 1_000 },
        handler,
      ),
    loggerInstance: logger,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    // GraphQL documents and variables; large enough for BI batch queries, small enough to refuse floods.
    bodyLimit: 1024 * 1024,
    // Refusals before routing (bad URL encoding, malformed HTTP) answer in the same error shape.
    frameworkErrors: frameworkErrorHandler(GRAPHQL_PATH),
    clientErrorHandler,
  });
  // Before any route: 404/405/body errors as GraphQL-shaped errors with a code (src/errors).
  registerErrorHandlers(app, { graphqlPath: GRAPHQL_PATH });

  // One request scope per HTTP request (request id, deadline, warnings), visible to adapters and the
  // HTTP client through AsyncLocalStorage; `run` around `done` makes every later hook and handler
  // of this request continue inside it.
  // The scope's signal aborts at the request deadline or when the caller goes away; every upstream
  // call listens to it, so a field still waiting then resolves PROVIDER_TIMEOUT and the answer goes
  // out with what has arrived (src/http/limits.ts).
  // With OTEL_EXPORTER_OTLP_ENDPOINT set: the operation span, active for the rest of the request.
  registerOperationTracing(app, '/graphql');
  app.addHook('onRequest', (request, reply, done) => {
    const deadline = new AbortController();
    // Every upstream call of the request listens to this signal (41 for the reference query): many
    // listeners are expected, and Node's leak warning would build an Error per request past 10.
    setMaxListeners(0, deadline.signal);
    const timer = setTimeout(() => deadline.abort(DEADLINE_PASSED), deadlineMs);
    reply.raw.once('close', () => {
      clearTimeout(timer);
      // Only a caller that went away before its answer was sent aborts what is still running; after
      // a finished answer there is nothing to stop, and aborting would dispatch the abort through
      // every upstream call's signal once more (~3 % of a 20-customer list's CPU, issue 17 profile).
      if (!reply.raw.writableFinished) deadline.abort(REQUEST_CLOSED);
    });
    const scope = { requestId: String(request.id), warnings: [], deadlineAt: Date.now() + deadlineMs, signal: deadline.signal };
    runInRequestScope(scope, done);
  });

  // Empty lists and cursors are refused (src/graphql/input-values.ts) after the scope rules wrap the
  // resolvers of the fields that need them (src/security/field-rules.ts); every field then enters its response path for provider-data warnings (provider-warnings.plugin.ts).
  const schema = trackFieldPaths(guardCallbackUrls(guardFieldsByScope(refuseEmptyInputs(buildGatewaySchema(registry.known())))));
  const security = await createSecurity(options.security, logger, options.store);
  const callbackUrlAllowed = createCallbackUrlPolicy(options.security.reportCallbackHosts, options.publicBaseUrl ?? (() => undefined));
  await security.register(app, schema, '/graphql');
  const outbound = createOutboundWebhooks({ store: options.store ?? new Keyv(), secrets: options.secrets ?? null, events, urlAllowed: callbackUrlAllowed, logger, delivery: options.outboundWebhooks });
  app.addHook('onClose', async () => outbound.close());
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: security.apolloOptions.introspection,
    hideSchemaDetailsFromClientErrors: security.apolloOptions.hideSchemaDetailsFromClientErrors,
    parseOptions: security.apolloOptions.parseOptions,
    formatError: createFormatError(logger),
    // Stack traces would leak internals to callers; they are in the logs with the request id.
    includeStacktraceInErrorResponses: false,
    // Shutdown is the gateway's (src/lifecycle/shutdown.ts): Apollo's own handler would re-raise the
    // signal and kill the process before in-flight requests finish.
    stopOnTerminationSignals: false,
    // GET queries (urql's default) pass CSRF prevention when they carry a header a browser only sends
    // after a CORS preflight: Apollo's own two, or the caller's credentials.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'x-api-key', 'authorization'] },
    validationRules: [knownOperationTypesRule],
    plugins: [
      operationTracingPlugin(),
      callerFaultsPlugin(),
      inputLimitsPlugin(),
      partialErrorsPlugin(),
      providerWarningsPlugin(metrics),
      requestIdPlugin(),
      // The offline GraphiQL at /playground replaces Apollo's CDN-loaded landing page.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set anywhere: Apollo's default cache-control plugin would only wrap every
      // field resolution (willResolveField) to compute a policy nobody reads (issue 17 profile).
      ApolloServerPluginCacheControlDisabled(),
      ...security.apolloOptions.plugins,
      // Last: it reads what the others add to the answer (error codes, extensions.cost).
      graphqlMetricsPlugin(metrics.graphql),
    ],
  });
  await apollo.start();
  // After fastify has drained in-flight requests (gateway.close), Apollo runs its serverWillStop hooks.
  app.addHook('onClose', async () => apollo.stop());

  // The request's child logger is made on first use (most answers log nothing; a pino child costs a
  // bindings string), by a getter on the context's prototype: Apollo copies the context's own
  // properties once per operation (Object.assign), which would call a getter of its own and, on an
  // object with an accessor, take V8's slow path (issue 17 profile). It becomes an own property once made.
  const requestLoggerOnFirstUse = {
    get logger(): Logger {
      const self = this as unknown as { requestId: string };
      const child = logger.child({ reqId: self.requestId });
      Object.defineProperty(this, 'logger', { value: child, enumerable: true, configurable: true, writable: true });
      return child;
    },
  };
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: async (request) => {
      // First: an anonymous request is refused (401) before its document is even parsed.
      const caller = await security.authenticate(request.headers);
      // The providers this caller may use; the others are FORBIDDEN or left out of fan-outs.
      const callerRegistry = registryForCaller(registry, caller);
      const context = {
        caller,
        callbackUrlAllowed,
        requestId: String(request.id),
        registry: callerRegistry,
        loaders: createLoaders(callerRegistry),
        now: now(),
        partialErrors: [],
        idempotency,
        purge,
        events,
        secrets: options.secrets ?? null,
        transactionStore: options.transactionStore ?? null,
        syncMaxAgeMs: options.syncMaxAgeMs ?? DEFAULT_SYNC_MAX_AGE_MS,
        clock: now,
        consentKeys,
        deletionRecords,
        webhookEndpoints: outbound.endpoints,
      };

      return Object.assign(Object.create(requestLoggerOnFirstUse) as { logger: Logger }, context);
    },
  });

  await registerPlaygroundAndSandbox(app, {
    schema,
    graphqlPath: '/graphql',
    gatewayName: GATEWAY_NAME,
    sandbox: options.sandbox ?? null,
    callerKey: options.security.sandboxApiKey ?? null,
    authenticate: security.authenticate,
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  registerMastercardReportWebhook(app, { registry, logger });
  registerTransactionsExport(app, { registry, authenticate: security.authenticate, now, logger });
  registerMastercardConsentWebhook(app, { registry, logger, store, keys: consentKeys, metrics });
  registerMastercardConnectWebhook(app, { registry, logger, store: options.store ?? new Keyv() });
  registerReportPdfRoute(app, { registry, authenticate: security.authenticate, logger });
  app.get('/readyz', async (_request, reply) => {
    const readiness = await options.readiness();
    return reply.code(readiness.status === 'not ready' ? 503 : 200).send(readiness);
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  return app;
}
