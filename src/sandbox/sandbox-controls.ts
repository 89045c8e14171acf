import type { FastifyInstance } from 'fastify';
import { z } from 'zod/v4';

/**
 * Sandbox controls every simulator has (never provider paths, no auth), for partners trying how
 * their client copes with a provider that misbehaves:
 *
 *   GET    /_sandbox/faults          the pending fault, or `{ "fault": null }`
 *   PUT    /_sandbox/faults          `{ "mode": "slow", "calls": N, "delayMs": D }` — the next N provider
 *                                    calls answer D ms late; `{ "mode": "fail", "calls": N, "status": S }`
 *                                    — the next N answer S (default 503) with a plain-text body, as a
 *                                    load balancer in front of a failing provider does
 *   DELETE /_sandbox/faults          clears it
 *   POST   /_sandbox/expire-tokens   every access token issued so far expires now → `{ "expired": n }`
 *   POST   /_sandbox/reset           clears the fault, the request counters and lock-outs (not the data)
 *
 * A "call" is one HTTP request to a provider path (token calls included); `/_sandbox/*` requests
 * are never affected or counted.
 */
export interface SimulatorControlHooks {
  /** Makes every issued token expired; returns how many were live. */
  expireTokens(): number;
  /** The simulator's own reset: request counters, lock-outs, recorded callbacks. */
  reset(): void;
}

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
/** Longest delay a slow fault may add: beyond the gateway's 15 s header timeout, so timeouts can be tried. */
export const MAX_FAULT_DELAY_MS = 60_000;
export const MAX_FAULT_CALLS = 1_000;

export const faultSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('slow'),
    calls: z.int().min(1).max(MAX_FAULT_CALLS),
    delayMs: z.int().min(1).max(MAX_FAULT_DELAY_MS),
  }),
  z.strictObject({
    mode: z.literal('fail'),
    calls: z.int().min(1).max(MAX_FAULT_CALLS),
    status: z.union(FAULT_STATUSES.map((status) => z.literal(status))).default(503),
  }),
]);
export type SandboxFault = z.infer<typeof faultSchema>;

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function registerSimulatorControls(app: FastifyInstance, hooks: SimulatorControlHooks): void {
  let fault: (SandboxFault & { remaining: number }) | null = null;

  app.addHook('onRequest', async (request, reply) => {
    if (fault === null || request.url.startsWith('/_sandbox/')) return undefined;
    const current = fault;
    current.remaining -= 1;
    if (current.remaining <= 0) fault = null;
    if (current.mode === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, current.delayMs));
      return undefined;
    }
    if (current.status === 429) reply.header('retry-after', '1');
    return reply.code(current.status).type('text/plain; charset=utf-8').send(STATUS_TEXT[current.status]);
  });

  app.get('/_sandbox/faults', async () => ({ fault }));
  app.put('/_sandbox/faults', async (request, reply) => {
    const parsed = faultSchema.safeParse(jsonOf(request.body));
    if (!parsed.success) {
      return reply.code(400).send({ message: 'Invalid fault', issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) });
    }
    fault = { ...parsed.data, remaining: parsed.data.calls };
    return reply.send({ fault });
  });
  app.delete('/_sandbox/faults', async (_request, reply) => {
    fault = null;
    return reply.code(204).send();
  });
  app.post('/_sandbox/expire-tokens', async () => ({ expired: hooks.expireTokens() }));
  app.post('/_sandbox/reset', async (_request, reply) => {
    fault = null;
    hooks.reset();
    return reply.code(204).send();
  });
}

/** The simulators parse bodies differently (object, string, Buffer); controls accept any of them. */
function jsonOf(body: unknown): unknown {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
  try {
    return JSON.parse(body.toString());
  } catch {
    return undefined;
  }
}
