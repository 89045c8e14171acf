import type { FastifyInstance } from 'fastify';

/**
 * What every provider simulator exposes once listening. Simulators are real HTTP servers on
 * loopback so the gateway talks to them exactly as it talks to a provider: only the base URL and
 * the credentials differ.
 */
export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Options every simulator accepts. */
export interface SimulatorBaseOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default so a sandbox is never reachable from outside. */
  host?: string;
  /** Time source in epoch milliseconds; tests pass a controllable clock to expire tokens. */
  now?: () => number;
  /**
   * Day the deterministic seed data is laid out back from (UTC midnight). Defaults to today's, so
   * "the last six months" always has data; tests pin it to make results exact.
   */
  anchorDate?: Date;
  /**
   * Delay before every answer, in ms: makes a loopback simulator behave like a provider across a
   * network (the benchmark uses it; partners can use it to see how their queries cope).
   */
  latencyMs?: number;
}

export async function listen(app: FastifyInstance, options: SimulatorBaseOptions): Promise<RunningSimulator> {
  const latencyMs = options.latencyMs ?? 0;
  if (latencyMs > 0) {
    app.addHook('onRequest', (_request, _reply, done) => {
      setTimeout(done, latencyMs);
    });
  }
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return {
    url: address.replace('localhost', '127.0.0.1'),
    close: () => app.close(),
  };
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
