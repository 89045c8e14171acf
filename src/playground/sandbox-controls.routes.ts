import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import { GraphQLError } from 'graphql';
import { GatewayError } from '../domain/errors.js';
import { decodeGlobalId, encodeGlobalId, ref, type NativeRef } from '../domain/global-id.js';
import { isProviderKey, type ProviderKey } from '../domain/provider.js';
import type { RunningSandbox } from '../sandbox/start-all.js';
import type { Caller } from '../security/caller.js';
import { connectRefusal, controlRefusal } from './sandbox-control-errors.js';
import { sandboxProfiles } from './sandbox-profiles.js';

/** The gateway's caller authentication (src/security): resolves the caller or throws UNAUTHENTICATED. */
export type Authenticate = (headers: Record<string, string | string[] | undefined>) => Promise<Pick<Caller, 'scopes'>>;

/**
 * The controls change what every caller of this gateway sees (faults, expired tokens, reset) and
 * list every simulator's credentials, so they are administration: the `operator` scope (README,
 * "Access and limits"). The sandbox key has it.
 */
const CONTROL_SCOPE = 'operator';

/** Where the sandbox controls live on the gateway (Plaid's `/sandbox/*` habit). */
export const SANDBOX_CONTROLS_PATH = '/sandbox';

/** HTTP statuses of the controls' own refusals; any other code is 400. */
const STATUS_OF_CODE: Partial<Record<string, number>> = { NOT_FOUND: 404, FORBIDDEN: 403, PROVIDER_UNAVAILABLE: 502 };

/** Each control call to a simulator (loopback) gets this long. */
const SIMULATOR_TIMEOUT_MS = 5_000;

const CONTROLS = [
  ['GET', '/sandbox/profiles', 'FinBank test profiles for Connect, and every simulator with its sandbox credentials'],
  ['POST', '/sandbox/connect', '{customerId, profile?, institutionId?}: the Mastercard customer finishes Connect with a test profile; returns the new accounts'],
  ['POST', '/sandbox/payment-requests/:id/status', '{status: waiting|pending|approved|declined|cancelled}: moves a Caibo payment request (PaymentRequest or Transaction id)'],
  ['POST', '/sandbox/providers/:provider/expire-tokens', 'every access token the provider issued expires now; the gateway refreshes on its next call'],
  ['GET', '/sandbox/providers/:provider/faults', 'the fault pending at a provider'],
  ['PUT', '/sandbox/providers/:provider/faults', '{mode: "slow", calls, delayMs} or {mode: "fail", calls, status?}: the next `calls` provider calls are slow or fail (retries count as calls)'],
  ['DELETE', '/sandbox/providers/:provider/faults', 'clears the pending fault'],
  ['POST', '/sandbox/reset', 'clears every fault, request counter and lock-out (the data stays; restart for fresh seed data)'],
] as const;

/**
 * The simulators' controls through the gateway, in sandbox mode only (with real providers these
 * routes are never registered, so they are 404), for authenticated callers with the `operator` scope. Callers use the gateway's global IDs; the routes
 * translate them to the simulators' native ids and answer the simulator's result. Refusals are
 * `{ code, message, field? }` with a gateway code (400/404, 502 when the simulator fails); the
 * simulator's own error body never reaches the caller (src/playground/sandbox-control-errors.ts).
 */
export async function registerSandboxControlRoutes<L extends FastifyBaseLogger>(
  parent: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  sandbox: RunningSandbox,
  authenticate: Authenticate,
): Promise<void> {
  await parent.register(async (app) => {
    // The same callers as /graphql (the sandbox key, or any key the gateway knows); 401 otherwise.
    // The index (a list of routes, nothing else) stays open, so the playground can link to it.
    app.addHook('onRequest', async (request) => {
      if (request.method === 'GET' && request.url === SANDBOX_CONTROLS_PATH) return;
      const caller = await authenticate(request.headers);
      if (!caller.scopes.has(CONTROL_SCOPE)) {
        throw new GatewayError('FORBIDDEN', `The sandbox controls need the ${CONTROL_SCOPE} scope`);
      }
    });
    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        return reply.code(401).header('www-authenticate', 'ApiKey header="X-API-Key"').send({ code: 'UNAUTHENTICATED', message: error.message });
      }
      if (error instanceof GatewayError) {
        const status = STATUS_OF_CODE[error.code] ?? 400;
        return reply.code(status).send({ code: error.code, message: error.message, ...(error.field === undefined ? {} : { field: error.field }) });
      }
      // fastify's own 4xx (body not JSON, empty, too large, wrong content type): answered by the
      // server-wide handler, like on every route (src/errors/fastify-errors.ts).
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && status >= 400 && status < 500) throw error;
      // The simulator did not answer in time or at all (it runs in this process, so: overloaded or closed).
      return reply.code(502).send({ code: 'PROVIDER_UNAVAILABLE', message: 'The simulator did not answer' });
    });
    controlRoutes(app, sandbox);
  });
}

function controlRoutes<L extends FastifyBaseLogger>(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>, sandbox: RunningSandbox): void {
  const simulatorUrl = (provider: ProviderKey): string => {
    const simulator = sandbox.simulators[provider];
    if (!simulator) {
      throw new GatewayError('NOT_FOUND', `provider: no simulator named ${provider}; one of ${Object.keys(sandbox.simulators).join(', ')}`, { field: 'provider' });
    }
    return simulator.url;
  };
  const call = async (provider: ProviderKey, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${simulatorUrl(provider)}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(SIMULATOR_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : safeJson(text) };
  };
  const relay = async (reply: FastifyReply, provider: ProviderKey, method: string, path: string, body?: unknown) => {
    const result = await call(provider, method, path, body);
    if (result.status >= 400) throw controlRefusal(provider, result.status, result.body);
    return reply.code(result.status).send(result.body ?? undefined);
  };

  app.get(SANDBOX_CONTROLS_PATH, async () => ({
    controls: CONTROLS.map(([method, path, description]) => ({ method, path, description })),
    providers: Object.keys(sandbox.simulators),
  }));

  app.get(`${SANDBOX_CONTROLS_PATH}/profiles`, async () => sandboxProfiles(sandbox));

  app.post<{ Body: unknown }>(`${SANDBOX_CONTROLS_PATH}/connect`, async (request, reply) => {
    const body = objectBody(request.body);
    const customer = globalIdOf(body.customerId, 'customerId', ['Customer']);
    if (customer.provider !== 'MASTERCARD_AU' && customer.provider !== 'MASTERCARD_US') {
      throw new GatewayError('BAD_USER_INPUT', `customerId: Connect exists for Mastercard customers only, not ${customer.provider}`, { field: 'customerId' });
    }
    const forwarded = {
      customerId: customer.id,
      ...(typeof body.profile === 'string' ? { profile: body.profile } : {}),
      ...(typeof body.institutionId === 'string' ? { institutionId: body.institutionId } : {}),
    };
    const result = await call(customer.provider, 'POST', '/_sandbox/connect', forwarded);
    if (result.status !== 201) throw connectRefusal(customer.provider, result.status, result.body);
    const connected = result.body as { institutionLoginId: number; accountIds: string[]; consentReceiptId?: string; aggregationReadyAt?: number };
    return reply.code(201).send({
      customerId: body.customerId,
      institutionLoginId: String(connected.institutionLoginId),
      accountIds: connected.accountIds.map((id) => encodeGlobalId(ref(customer.provider, 'Account', String(id), customer.id))),
      consentReceiptId: connected.consentReceiptId ?? null,
      // Epoch seconds in the simulator; AU accounts answer "being aggregated" until then.
      aggregationReadyAt: connected.aggregationReadyAt === undefined ? null : new Date(connected.aggregationReadyAt * 1000).toISOString(),
    });
  });

  app.post<{ Params: { id: string }; Body: unknown }>(`${SANDBOX_CONTROLS_PATH}/payment-requests/:id/status`, async (request, reply) => {
    const paymentRequest = globalIdOf(request.params.id, 'id', ['PaymentRequest', 'Transaction']);
    if (paymentRequest.provider !== 'CAIBO_IPG') throw new GatewayError('BAD_USER_INPUT', 'id: not a Caibo payment request', { field: 'id' });
    const body = objectBody(request.body);
    return relay(reply, 'CAIBO_IPG', 'POST', `/_sandbox/payment-requests/${encodeURIComponent(paymentRequest.id)}/status`, { status: body.status });
  });

  app.post<{ Params: { provider: string } }>(`${SANDBOX_CONTROLS_PATH}/providers/:provider/expire-tokens`, async (request, reply) =>
    relay(reply, providerOf(request.params.provider), 'POST', '/_sandbox/expire-tokens'),
  );
  app.get<{ Params: { provider: string } }>(`${SANDBOX_CONTROLS_PATH}/providers/:provider/faults`, async (request, reply) =>
    relay(reply, providerOf(request.params.provider), 'GET', '/_sandbox/faults'),
  );
  app.put<{ Params: { provider: string }; Body: unknown }>(`${SANDBOX_CONTROLS_PATH}/providers/:provider/faults`, async (request, reply) =>
    relay(reply, providerOf(request.params.provider), 'PUT', '/_sandbox/faults', objectBody(request.body)),
  );
  app.delete<{ Params: { provider: string } }>(`${SANDBOX_CONTROLS_PATH}/providers/:provider/faults`, async (request, reply) =>
    relay(reply, providerOf(request.params.provider), 'DELETE', '/_sandbox/faults'),
  );

  app.post(`${SANDBOX_CONTROLS_PATH}/reset`, async (_request, reply) => {
    const providers = Object.keys(sandbox.simulators).filter(isProviderKey);
    await Promise.all(providers.map((provider) => call(provider, 'POST', '/_sandbox/reset')));
    return reply.send({ reset: providers });
  });
}

function providerOf(value: string): ProviderKey {
  if (!isProviderKey(value)) throw new GatewayError('BAD_USER_INPUT', 'provider: a provider key such as MASTERCARD_AU', { field: 'provider' });
  return value;
}

function globalIdOf(value: unknown, field: string, types: readonly NativeRef['type'][]): NativeRef {
  if (typeof value !== 'string') throw new GatewayError('BAD_USER_INPUT', `${field}: an ID issued by this gateway is required`, { field });
  const decoded = decodeGlobalId(value, undefined, field);
  if (!types.includes(decoded.type)) {
    throw new GatewayError('BAD_USER_INPUT', `${field}: expected a ${types.join(' or ')} ID, got a ${decoded.type} ID`, { field });
  }
  return decoded;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new GatewayError('BAD_USER_INPUT', 'The body must be a JSON object');
  return body as Record<string, unknown>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
