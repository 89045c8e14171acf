import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import { loadPlaygroundAssets, type PlaygroundAsset } from './assets.js';
import { operationTabs } from './operation-tabs.js';
import { PLAYGROUND_CONFIG_ELEMENT_ID, type PlaygroundPageConfig } from './page-config.js';

export const PLAYGROUND_PATH = '/playground';
const ASSETS_PATH = `${PLAYGROUND_PATH}/assets`;

export interface PlaygroundOptions {
  /** The gateway's schema: the tabs' variable templates follow its input types. */
  schema: GraphQLSchema;
  gatewayName: string;
  graphqlPath: string;
  /** Base path of the sandbox controls; null with real providers. */
  sandboxPath: string | null;
  /** The sandbox caller key to prefill (`X-API-Key`), when there is one. */
  callerKey: string | null;
  /** Where the built bundle is; default build/playground (tests point it elsewhere). */
  assetsDir?: string;
}

/**
 * Browsers never leave this origin: scripts, styles, fonts (inlined), workers and GraphQL requests
 * all come from the gateway. The browser test also blocks every other host.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Monaco and GraphiQL set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `GET /playground`: GraphiQL 5 (offline bundle, see build.ts) with the gateway's name, one tab per
 * schema/operations file and the caller key in the headers; `GET /playground/assets/:name` serves
 * the bundle (gzip when accepted, ETag); a browser's `GET /graphql` (Accept: text/html, no query)
 * is redirected to the playground. Without a built bundle `/playground` answers 503 with the
 * command that builds it.
 */
export async function registerPlayground<L extends FastifyBaseLogger>(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>, options: PlaygroundOptions): Promise<void> {
  const assets = await loadPlaygroundAssets(options.assetsDir);
  const tabs = await operationTabs(options.schema);
  const headers = JSON.stringify({ 'X-API-Key': options.callerKey ?? '' }, null, 2);
  const config: PlaygroundPageConfig = {
    gatewayName: options.gatewayName,
    graphqlPath: options.graphqlPath,
    assetsPath: ASSETS_PATH,
    headers,
    tabs,
    sandboxPath: options.sandboxPath,
  };
  const html = assets ? page(config, assets) : null;

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url !== options.graphqlPath) return undefined;
    const accept = request.headers.accept ?? '';
    if (!accept.includes('text/html')) return undefined;
    return reply.redirect(PLAYGROUND_PATH, 302);
  });

  app.get(PLAYGROUND_PATH, async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    if (html === null) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The playground is not built: run `npm run build:playground` (needs the dev dependencies).\n');
    }
    return reply.header('content-security-policy', CONTENT_SECURITY_POLICY).type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { name: string } }>(`${ASSETS_PATH}/:name`, async (request, reply) => {
    const asset = assets?.get(request.params.name);
    if (!asset) return reply.code(404).send({ message: 'No such playground asset' });
    const etag = `"${asset.hash}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    reply.type(asset.contentType);
    if (asset.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      return reply.header('content-encoding', 'gzip').send(asset.gzip);
    }
    return reply.send(asset.body);
  });
}

function page(config: PlaygroundPageConfig, assets: Map<string, PlaygroundAsset>): string {
  const url = (name: string) => `${config.assetsPath}/${name}?v=${assets.get(name)?.hash ?? ''}`;
  // JSON inside <script>: `<` escaped so no string in it can close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(config.gatewayName)} — GraphiQL</title>
<link rel="stylesheet" href="${url('app.css')}">
<script type="application/json" id="${PLAYGROUND_CONFIG_ELEMENT_ID}">${json}</script>
<script type="module" src="${url('app.js')}"></script>
</head>
<body><div id="playground"></div></body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
