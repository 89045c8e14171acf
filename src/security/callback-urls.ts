import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { GatewayError } from '../domain/errors.js';

/** Whether a caller-supplied callback URL may be handed to a provider. */
export type CallbackUrlPolicy = (url: string) => boolean;

/**
 * Report `callbackUrl`s go only to hosts the operator allows (issue 11, item 7): the hosts of
 * REPORT_CALLBACK_HOSTS (`host` = any port, `host:port` = that port) and always the gateway's own
 * public host (PUBLIC_BASE_URL, or on the sandbox the listen address). Without this, any caller
 * could make the provider — and, on the sandbox, the gateway's own simulator — POST report events
 * to any address it can reach.
 */
export function createCallbackUrlPolicy(configured: readonly string[], publicBaseUrl: () => string | undefined): CallbackUrlPolicy {
  const entries = configured.map((entry) => entry.toLowerCase());
  return (value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return true; // Not a URL: the adapter refuses it with its own message.
    }
    const own = publicBaseUrl();
    const allowed = own ? [...entries, new URL(own).host.toLowerCase()] : entries;
    return allowed.some((entry) => (entry.includes(':') ? url.host.toLowerCase() === entry : url.hostname.toLowerCase() === entry));
  };
}

const guarded = new WeakSet<GraphQLSchema>();

/**
 * Wraps every Mutation field with an input object argument that has a `callbackUrl` field: a URL
 * the context's policy refuses is BAD_USER_INPUT on `<arg>.callbackUrl` before any provider call.
 */
export function guardCallbackUrls(schema: GraphQLSchema): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const carriers = field.args.filter((arg) => {
      const type = getNamedType(arg.type);
      return isInputObjectType(type) && 'callbackUrl' in type.getFields();
    });
    if (carriers.length === 0) continue;
    const resolve: GraphQLFieldResolver<unknown, { callbackUrlAllowed?: CallbackUrlPolicy }> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, context, info) => {
      for (const arg of carriers) {
        const url = (args[arg.name] as { callbackUrl?: unknown } | null | undefined)?.callbackUrl;
        if (typeof url === 'string' && url.trim() !== '' && !(context.callbackUrlAllowed?.(url.trim()) ?? false)) {
          throw new GatewayError('BAD_USER_INPUT', `${arg.name}.callbackUrl: this gateway sends report events only to hosts its operator allows (REPORT_CALLBACK_HOSTS)`, {
            field: `${arg.name}.callbackUrl`,
          });
        }
      }
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
