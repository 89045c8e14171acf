import { segment, type MastercardRegion } from './region.js';

export const AU_REGION: MastercardRegion = {
  provider: 'MASTERCARD_AU',
  // Mastercard AU: `App-Key` / `App-Token` replace the US `Finicity-` headers (au-notes.md, Transport and auth).
  appKeyHeader: 'App-Key',
  appTokenHeader: 'App-Token',
  defaultCurrency: 'AUD',
  // Mastercard AU: per-account transactions are on v3 (au-notes.md, Endpoints; the reference app).
  accountTransactionsPath: (customerId, accountId) =>
    `/aggregation/v3/customers/${segment(customerId)}/accounts/${segment(accountId)}/transactions`,
  // Mastercard AU: "Customer records always have a category of INDIVIDUAL or BUSINESS" and BUSINESS
  // ones carry an `abn` (seed 000, Customer Records).
  customerCategories: true,
  // "Connect URLs are valid for 2 hours after being generated" (seed 002, Generate Connect URL, Session time-out).
  connectUrlLifetimeMs: 2 * 60 * 60 * 1000,
  // "Default: 180 days for transactions … Maximum 12 months of historic transactions available"
  // (seed 002, Products).
  transactionHistory: { defaultDays: 180, maxMonths: 12 },
};

/** CDR access models (seed 002, Access Models); sandbox credentials default to CDR representative. */
export const AU_ACCESS_MODELS = ['OSP', 'CDR_REPRESENTATIVE', 'BCDC'] as const;
export type AuAccessModel = (typeof AU_ACCESS_MODELS)[number];
