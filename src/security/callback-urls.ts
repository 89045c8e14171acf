import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { GatewayError } from '../domain/errors.js';

/** Whether a caller-supplied callback URL may be handed to a provider. */
export type CallbackUrlPolicy = (url: string) => boolean;

/** A host the policy allows: `port` null = any port. */
interface AllowedHost {
  hostname: string;
  port: number | null;
}

/** The port a URL reaches, its scheme's default when it names none (WHATWG URL leaves `port` empty then). */
const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21 };

function portOf(url: URL): number | null {
  return url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? null) : Number(url.port);
}

/** A host name as WHATWG URL writes it (lower case, punycode, IPv4 in dotted form); undefined when it is none. */
function hostnameOf(host: string): string | undefined {
  if (host === '' || /[/?#@\\\s]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * One REPORT_CALLBACK_HOSTS entry: `host` (any port) or `host:port` (that port, where a URL without a
 * port reaches its scheme's default: `hooks.example.com:443` is `https://hooks.example.com/x` and
 * `https://hooks.example.com:443/x`). IPv6 in brackets (`[::1]:8080`). An entry that is not a host
 * matches nothing.
 */
function parseEntry(entry: string): AllowedHost | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(entry.trim());
  if (!match) return undefined;
  const hostname = hostnameOf(match[1]!);
  const port = match[2] === undefined ? null : Number(match[2]);
  if (hostname === undefined || (port !== null && port > 65535)) return undefined;
  return { hostname, port };
}

/**
 * The gateway's own origin: its host on the port PUBLIC_BASE_URL reaches (the scheme's default when
 * it names none), never any other port of that host — `http://gw.example.com:6379/` is a Redis on
 * the gateway's machine, not the gateway (issue 11, item 7).
 */
function ownOrigin(publicBaseUrl: string): AllowedHost | undefined {
  try {
    const url = new URL(publicBaseUrl);
    return { hostname: url.hostname, port: portOf(url) };
  } catch {
    return undefined;
  }
}

/**
 * Caller-supplied URLs go only to hosts the operator allows (issue 11, item 7): the hosts of
 * REPORT_CALLBACK_HOSTS (`host` = any port, `host:port` = that port, default ports normalised on
 * both sides) and always the gateway's own public origin — host and port — (PUBLIC_BASE_URL, or on
 * the sandbox the listen address). Without this, any caller could make the provider — and, on the
 * sandbox, the gateway's own simulator — POST events to any address it can reach
 * (`http://169.254.169.254/…`).
 */
export function createCallbackUrlPolicy(configured: readonly string[], publicBaseUrl: () => string | undefined): CallbackUrlPolicy {
  const entries = configured.map(parseEntry).filter((entry): entry is AllowedHost => entry !== undefined);
  return (value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return true; // Not a URL: the adapter refuses it with its own message.
    }
    const port = portOf(url);
    const own = publicBaseUrl();
    const origin = own === undefined ? undefined : ownOrigin(own);
    const allowed = origin ? [...entries, origin] : entries;
    // A port the scheme does not define (`port` null on the URL) matches only a bare `host` entry.
    return allowed.some((entry) => url.hostname === entry.hostname && (entry.port === null || entry.port === port));
  };
}

/**
 * Every caller-supplied URL a provider calls server to server, by argument or input field name, and
 * what it sends there. Each is held to the policy above before any provider call:
 * - `callbackUrl`: report events (seed 002, "Report webhooks": the platform POSTs to it);
 * - `webhook`: Connect events, and the `ping` the platform sends while the link is generated (seed 002, Connect webhooks, "ping");
 * - `notifyUrl`: Caibo's signed payment request status callbacks (caibo-notes.md, Payment requests);
 * - `baseUrl`: consent notifications (seed 002, Consent Notifications: the platform POSTs to the subscription URL).
 */
export const SERVER_TO_SERVER_URL_FIELDS: Readonly<Record<string, string>> = {
  callbackUrl: 'report events',
  webhook: 'Connect events',
  notifyUrl: 'payment request callbacks',
  baseUrl: 'consent notifications',
};

/**
 * URL inputs nobody calls server to server, so the policy does not apply: the customer's browser
 * opens them (Connect `redirectUri` — seed 002, "the customer will be redirected to" it; Caibo's pay
 * page `successUrl`/`failureUrl`), or they are shown to people (an application's `appUrl` and
 * `policyUrl`, a business's `url`). test/security/outbound-urls.test.ts fails on a URL input in neither list.
 */
export const BROWSER_OR_DISPLAY_URL_FIELDS: readonly string[] = ['redirectUri', 'successUrl', 'failureUrl', 'appUrl', 'policyUrl', 'url'];

/** Where a checked URL sits in a mutation's arguments: `baseUrl`, or `input.webhook`. */
interface UrlSite {
  arg: string;
  field: string | null;
}

function sitesOf(args: readonly GraphQLArgument[]): UrlSite[] {
  return args.flatMap((arg): UrlSite[] => {
    if (arg.name in SERVER_TO_SERVER_URL_FIELDS) return [{ arg: arg.name, field: null }];
    const type = getNamedType(arg.type);
    if (!isInputObjectType(type)) return [];
    return Object.keys(type.getFields())
      .filter((name) => name in SERVER_TO_SERVER_URL_FIELDS)
      .map((name) => ({ arg: arg.name, field: name }));
  });
}

const guarded = new WeakSet<GraphQLSchema>();

/**
 * Wraps every Mutation field that takes a server-to-server URL (SERVER_TO_SERVER_URL_FIELDS): a URL
 * the context's policy refuses is BAD_USER_INPUT naming the argument, before any provider call. The
 * message never quotes the URL (it may carry a token in its path or query).
 */
export function guardCallbackUrls(schema: GraphQLSchema): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const sites = sitesOf(field.args);
    if (sites.length === 0) continue;
    const resolve: GraphQLFieldResolver<unknown, { callbackUrlAllowed?: CallbackUrlPolicy }> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, context, info) => {
      for (const site of sites) {
        const value = args[site.arg];
        const url = site.field === null ? value : (value as Record<string, unknown> | null | undefined)?.[site.field];
        if (typeof url === 'string' && url.trim() !== '' && !(context.callbackUrlAllowed?.(url.trim()) ?? false)) {
          const path = site.field === null ? site.arg : `${site.arg}.${site.field}`;
          const what = SERVER_TO_SERVER_URL_FIELDS[site.field ?? site.arg];
          throw new GatewayError(
            'BAD_USER_INPUT',
            `${path}: this gateway lets providers send ${what} only to hosts its operator allows (REPORT_CALLBACK_HOSTS) or to the gateway itself`,
            { field: path },
          );
        }
      }
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
