import { segment, type MastercardRegion } from './region.js';

export const US_REGION: MastercardRegion = {
  provider: 'MASTERCARD_US',
  // Mastercard US: every call but authentication sends both (us-notes.md, Auth).
  appKeyHeader: 'Finicity-App-Key',
  appTokenHeader: 'Finicity-App-Token',
  defaultCurrency: 'USD',
  // Mastercard US: GetCustomerAccountTransactions is the v4 path (us-notes.md, Transactions).
  accountTransactionsPath: (customerId, accountId) =>
    `/aggregation/v4/customers/${segment(customerId)}/accounts/${segment(accountId)}/transactions`,
  // Mastercard US customers have no category or ABN (openbanking-us.yaml AddCustomerRequest).
  customerCategories: false,
  // The US spec's example link carries `ttl` = timestamp + 2 h (openbanking-us.yaml GenerateConnectUrl).
  connectUrlLifetimeMs: 2 * 60 * 60 * 1000,
  // "Standard consumer aggregation provides up to 180 days of transactions"; Load Historic
  // Transactions reaches "up to 24 months" (openbanking-us.yaml, transactions and historic load).
  transactionHistory: { defaultDays: 180, maxMonths: 24 },
};
