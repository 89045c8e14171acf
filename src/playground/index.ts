import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { RunningSandbox } from '../sandbox/start-all.js';
import { registerPlayground } from './playground.routes.js';
import { registerSandboxControlRoutes, SANDBOX_CONTROLS_PATH, type Authenticate } from './sandbox-controls.routes.js';

export { PLAYGROUND_PATH } from './playground.routes.js';
export { SANDBOX_CONTROLS_PATH } from './sandbox-controls.routes.js';

/** Shown in the playground; the sandbox says so. */
export const GATEWAY_NAME = 'Open-finance GraphQL gateway';

/**
 * The partner-facing extras of the HTTP server: the offline GraphiQL at `/playground` (always) and,
 * when the simulators run, the sandbox controls at `/sandbox` (never with real providers).
 */
export async function registerPlaygroundAndSandbox<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: {
    schema: GraphQLSchema;
    graphqlPath: string;
    gatewayName: string;
    sandbox: RunningSandbox | null;
    callerKey: string | null;
    authenticate: Authenticate;
  },
): Promise<void> {
  await registerPlayground(app, {
    schema: options.schema,
    gatewayName: options.sandbox ? `${options.gatewayName} (sandbox)` : options.gatewayName,
    graphqlPath: options.graphqlPath,
    sandboxPath: options.sandbox ? SANDBOX_CONTROLS_PATH : null,
    callerKey: options.callerKey,
  });
  if (options.sandbox) await registerSandboxControlRoutes(app, options.sandbox, options.authenticate);
}
