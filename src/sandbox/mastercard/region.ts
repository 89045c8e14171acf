/** The two regions of the Finicity platform this simulator speaks. */
export type MastercardRegion = 'US' | 'AU';

/** AU CDR access models (seed 002, Access Models); sandbox credentials default to CDR representative. */
export type AuAccessModel = 'OSP' | 'CDR_REPRESENTATIVE' | 'BCDC';

/** Everything that differs between the regions; routes read this instead of branching on names. */
export interface RegionProfile {
  region: MastercardRegion;
  /** Header carrying the app key; the token header is `tokenHeader`. */
  appKeyHeader: string;
  tokenHeader: string;
  currency: 'USD' | 'AUD';
  /** Per-account transactions path version: US v4, AU v3 (us-notes.md Transactions; au-reference-app-extract.json). */
  accountTransactionsVersion: 'v4' | 'v3';
  /**
   * HTTP status of error 110039 (username policy). The US spec lists it under 400; the AU docs'
   * "API Status Codes" table says HTTP 500 (seed 002, API Status Codes).
   */
  usernamePolicyHttpStatus: 400 | 500;
  /** Base of the Connect links we hand out. */
  connectHost: string;
  country: 'USA' | 'AUS';
  /**
   * Calendar months of transactions the transaction lists can return: AU "Maximum 12 months of
   * historic transactions available" (seed 002, Products); US "up to 24 months" after Load Historic
   * Transactions (openbanking-us.yaml). Older stored transactions (VOI report data) are not listed.
   */
  historyMonths: number;
}

export const REGION_PROFILES: Record<MastercardRegion, RegionProfile> = {
  US: {
    region: 'US',
    // Mastercard US: Finicity-App-Key / Finicity-App-Token (us-notes.md, Auth)
    appKeyHeader: 'Finicity-App-Key',
    tokenHeader: 'Finicity-App-Token',
    currency: 'USD',
    accountTransactionsVersion: 'v4',
    usernamePolicyHttpStatus: 400,
    // The host of the link in the spec's GenerateConnectUrl example.
    connectHost: 'https://connect2.finicity.com',
    country: 'USA',
    historyMonths: 24,
  },
  AU: {
    region: 'AU',
    // Mastercard AU: App-Key / App-Token replace the Finicity-* names (au-notes.md, Transport and auth)
    appKeyHeader: 'App-Key',
    tokenHeader: 'App-Token',
    currency: 'AUD',
    accountTransactionsVersion: 'v3',
    usernamePolicyHttpStatus: 500,
    // The AU docs never show a generated link; assume the same Connect 2 app on the AU domain.
    connectHost: 'https://connect2.openbanking.mastercard.com.au',
    country: 'AUS',
    historyMonths: 12,
  },
};
