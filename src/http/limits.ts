/**
 * Upstream limits, in one place (STYLE.md, habit 8). undici's defaults (300 s headers and body
 * timeouts) would let one stuck provider hold a GraphQL request for five minutes.
 */
export interface UpstreamLimits {
  /** TCP + TLS handshake. A provider that cannot accept a connection in 5 s is down for us. */
  connectTimeoutMs: number;
  /** Time to the response headers. Mastercard report and aggregation calls are the slow ones (~5 s seen in docs). */
  headersTimeoutMs: number;
  /** Max silence between body chunks. */
  bodyTimeoutMs: number;
  /**
   * Sockets per provider origin: bounds the load one gateway puts on a provider. The reference
   * query (20 customers) issues 40 calls at once; at 32 the last 8 waited a whole round trip
   * (bench: 235 ms → 186 ms median at 40 ms provider latency when raised to 64).
   */
  connections: number;
  /** Idle keep-alive: below the 60 s most provider load balancers use, so we close first. */
  keepAliveTimeoutMs: number;
  /** Attempts for idempotent calls, the first included; retries use decorrelated-jitter backoff. */
  maxAttempts: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  /** Consecutive failures that open a provider's circuit, and how long it stays open. */
  breakerThreshold: number;
  breakerHalfOpenAfterMs: number;
}

export const DEFAULT_UPSTREAM_LIMITS: UpstreamLimits = {
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 15_000,
  connections: 64,
  keepAliveTimeoutMs: 30_000,
  maxAttempts: 3,
  retryInitialDelayMs: 100,
  retryMaxDelayMs: 1_000,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
};
