import type { FastifyInstance } from 'fastify';

export interface ObpStats {
  requests: number;
  /** Tokens issued by POST /my/logins/direct. */
  logins: number;
  /** `METHOD /route/template` -> count; unmatched URLs count under `METHOD (unmatched)`. */
  byRoute: Record<string, number>;
}

export interface StatsRecorder {
  snapshot(): ObpStats;
  reset(): void;
  recordLogin(): void;
}

/** Counts every provider-API request (not `/_sandbox/…`), so tests can assert call counts. */
export function createStatsRecorder(app: FastifyInstance): StatsRecorder {
  let stats: ObpStats = { requests: 0, logins: 0, byRoute: {} };
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/_sandbox/')) return;
    const key = `${request.method} ${request.routeOptions.url ?? '(unmatched)'}`;
    stats.requests += 1;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
  });
  return {
    snapshot: () => ({ requests: stats.requests, logins: stats.logins, byRoute: { ...stats.byRoute } }),
    reset: () => {
      stats = { requests: 0, logins: 0, byRoute: {} };
    },
    recordLogin: () => {
      stats.logins += 1;
    },
  };
}

export function registerStatsRoutes(app: FastifyInstance, stats: StatsRecorder): void {
  app.get('/_sandbox/stats', async () => stats.snapshot());
  app.post('/_sandbox/stats/reset', async (_request, reply) => {
    stats.reset();
    return reply.code(204).send();
  });
}
