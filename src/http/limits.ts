/**
 * Upstream and request time/size limits, in one place (STYLE.md, habit 8). undici's defaults
 * (300 s headers and body timeouts, unbounded bodies) would let one stuck or flooding provider hold
 * a GraphQL request for five minutes or exhaust the gateway's memory.
 *
 * How the clocks nest (issue 9, "One deadline"):
 * - every GraphQL request has one deadline ({@link DEFAULT_REQUEST_DEADLINE_MS}); at it, every
 *   upstream call still running is aborted and its field answers PROVIDER_TIMEOUT, and the answer
 *   goes out with what has arrived;
 * - every upstream operation has one budget ({@link UpstreamLimits.operationBudgetMs}) covering all
 *   its attempts, the back-off between them and the whole body, and never reaching past the
 *   request deadline;
 * - inside it, connect/headers/body-silence timeouts end a single stuck attempt early enough that a
 *   retry can still fit.
 */
export interface UpstreamLimits {
  /** TCP + TLS handshake. A provider that cannot accept a connection in 3 s is down for us. */
  connectTimeoutMs: number;
  /** Time to the response headers of one attempt. Mastercard report and aggregation calls are the slow ones (~5 s seen in docs). */
  headersTimeoutMs: number;
  /** Max silence between body chunks of one attempt (a body that drips is cut by the budget instead). */
  bodyTimeoutMs: number;
  /**
   * Total time for one upstream operation: every attempt, the back-off between them and the whole
   * body. 10 s: a frontend waits for a page about that long before it shows an error itself, and
   * the slowest documented provider answer (a Mastercard report or aggregation call, ~5 s) fits
   * with room for one retry. Env `UPSTREAM_BUDGET_MS`.
   */
  operationBudgetMs: number;
  /**
   * Largest upstream body read, in bytes; reading stops there with PROVIDER_UNAVAILABLE. 16 MiB is
   * ten times the largest page we ask for (1000 Mastercard transactions ≈ 1.5 MB) and leaves room
   * for a VOA report with years of transactions. Env `UPSTREAM_MAX_BODY_BYTES`.
   */
  maxBodyBytes: number;
  /**
   * Sockets per provider origin: bounds the load one gateway puts on a provider. The reference
   * query (20 customers) issues 40 calls at once; at 32 the last 8 waited a whole round trip
   * (bench: 235 ms → 186 ms median at 40 ms provider latency when raised to 64).
   */
  connections: number;
  /** Idle keep-alive: below the 60 s most provider load balancers use, so we close first. */
  keepAliveTimeoutMs: number;
  /** Attempts for idempotent calls, the first included; retries use exponential backoff with jitter. */
  maxAttempts: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  /**
   * Consecutive failures (transport errors, timeouts, 5xx answers that are not a documented answer)
   * that open a provider's circuit, and how long it stays open before one trial call.
   */
  breakerThreshold: number;
  breakerHalfOpenAfterMs: number;
}

export const DEFAULT_UPSTREAM_LIMITS: UpstreamLimits = {
  connectTimeoutMs: 3_000,
  headersTimeoutMs: 8_000,
  bodyTimeoutMs: 8_000,
  operationBudgetMs: 10_000,
  maxBodyBytes: 16 * 1024 * 1024,
  connections: 64,
  keepAliveTimeoutMs: 30_000,
  maxAttempts: 3,
  retryInitialDelayMs: 100,
  retryMaxDelayMs: 1_000,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
};

/**
 * Overall deadline of one GraphQL request, from its arrival. 15 s: one upstream budget (10 s) for
 * the widest call plus time for the short follow-up calls a nested query makes (token, accounts
 * after customers); past it a frontend has given up. Env `REQUEST_DEADLINE_MS`.
 */
export const DEFAULT_REQUEST_DEADLINE_MS = 15_000;
