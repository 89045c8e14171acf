/**
 * The change feed's numbers, each with its reason (STYLE.md, habit 8). Rows per answer
 * (MAX_SYNC_PAGE) stay with the feed's request checks in transactions-sync.ts.
 */

/** Units (customers, accounts) refreshed at once per call: four keep one provider's pool busy without crowding it. */
export const REFRESH_CONCURRENCY = 4;

/**
 * Least time between two re-reads of a customer whose last read lacked an account still in its
 * first aggregation (Mastercard AU `aggregationStatusCode` 325, seed 002 "API Status Codes";
 * accounts-left-out.ts). The scope itself counts as read (fresh until
 * TRANSACTION_SYNC_MAX_AGE_SECONDS); only such customers are read again, and no more often than
 * this, however often a BI loop calls: an account stuck at 325 costs one customer read (its account
 * list and transaction pages: two calls on the sandbox) per minute, never a read of the whole
 * provider per call (29 calls each on the sandbox before). 60 s: the docs give no duration for a first
 * aggregation; the gateway's own retry hint for 325/5006 is 30 s (errors.mapper.ts) and the sandbox
 * aggregates in 30 s, so rows arrive within about a minute of the aggregation ending, well inside the
 * default 300 s maximum age.
 */
export const AGGREGATING_REREAD_INTERVAL_MS = 60_000;
