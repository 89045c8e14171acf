import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Keys whose values never reach a log, at any depth and in any letter case: secrets (partner
 * secrets, tokens, app keys, passwords) and personal data (SSN, full account numbers). A key list
 * rather than pino's redact paths, because pino paths match one fixed depth and an SSN can sit at
 * `input.ssn`, `variables.input.ssn` or inside an array.
 */
const SENSITIVE_KEYS = new Set(
  [
    'partnerSecret',
    'newPartnerSecret',
    'password',
    'token',
    'accessToken',
    'appToken',
    'apiKey',
    'appKey',
    'ssn',
    'consumerSsn',
    'accountNumber',
    'realAccountNumber',
    'authorization',
    'cookie',
    'finicity-app-key',
    'finicity-app-token',
    'app-key',
    'app-token',
    'x-api-key',
    'directlogin',
  ].map((key) => key.toLowerCase()),
);

const CENSOR = '[redacted]';
/** Deeper than any object we log; past it the value is dropped rather than walked. */
const MAX_DEPTH = 12;

/** A copy of `value` with every sensitive key's value replaced; class instances pass as they are. */
export function scrubSensitive(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Only plain objects and arrays are walked: errors, dates, buffers and class instances such as
  // the HTTP request are left to pino's serializers below, which pick safe fields themselves.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubSensitive(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEYS.has(key.toLowerCase()) ? CENSOR : scrubSensitive(item, depth + 1, seen);
  }
  return copy;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'open-finance-gateway' },
      formatters: { log: (object) => scrubSensitive(object) as Record<string, unknown> },
      serializers: {
        // The path only: a GET /graphql query string can carry variables, and variables can carry an SSN.
        req: (request: { method?: string; url?: string; id?: unknown }) => ({
          method: request.method,
          path: request.url?.split('?')[0],
          id: request.id,
        }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
        // Node's HTTP parser errors carry the request's raw bytes (`rawPacket`: headers with the
        // Authorization and cookies, the body); fastify logs them at trace as "client error".
        err: (error: Error) => {
          const { rawPacket: _raw, ...serialized } = stdSerializers.err(error) as ReturnType<typeof stdSerializers.err> & { rawPacket?: unknown };
          return serialized;
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination as DestinationStream | undefined,
  );
}
