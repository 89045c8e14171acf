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
};
