import type { MastercardRegion } from './region.js';

/** A customer record (seed 000 / seed 001, Customers). Dates are epoch seconds. */
export interface SimCustomer {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  email?: string;
  applicationId?: string;
  type: 'testing' | 'active';
  createdDate: number;
  lastModifiedDate: number;
  /** AU only; defaults to INDIVIDUAL (seed 000, Customer Records). */
  category: 'INDIVIDUAL' | 'BUSINESS';
  /** AU only, 11 digits without spaces. */
  abn?: string;
  /** Postal address used by the account owner endpoint. */
  address?: SimAddress;
}

export interface SimAddress {
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

/** One set of FI credentials a customer added through Connect (seed 002, Key Account Record Fields). */
export interface SimInstitutionLogin {
  id: number;
  customerId: string;
  institutionId: string;
  /** The FinBank test profile username used to sign in, e.g. `profile_4110`. */
  profile: string;
  createdDate: number;
}

export type SimAccountType =
  | 'checking'
  | 'savings'
  | 'moneyMarket'
  | 'cd'
  | 'creditCard'
  | 'loan'
  | 'mortgage'
  | 'transactionAndSavings';

/** An account; amounts are numbers, dates epoch seconds. */
export interface SimAccount {
  id: string;
  customerId: string;
  institutionId: string;
  institutionLoginId: number;
  /** Full account number: only the details endpoints ever return it. */
  realAccountNumber: string;
  name: string;
  type: SimAccountType;
  status: 'active' | 'pending';
  balance: number;
  currency: string;
  createdDate: number;
  /** The first aggregation finishes at this epoch second; before it, data calls answer 325/5006 (AU). */
  aggregationReadyAt: number;
  marketSegment: 'personal' | 'business';
  detail: Record<string, number | string>;
  /** AU BSB in `XXY-ZZZ` form (seed 002, Account Details); transactionAndSavings only. */
  bsb?: string;
  /** US ABA routing number; deposit accounts only. */
  routingNumber?: string;
  /** Fraction of the balance that is cleared (the rest is held by pending items). */
  clearedRatio: number;
  /** Epoch second of the last on-demand connection to the institution (refresh, historic load). */
  lastConnectionAt?: number;
}

/** A transaction; amount negative = debit (Finicity docs), dates epoch seconds. */
export interface SimTransaction {
  id: number;
  accountId: string;
  customerId: string;
  amount: number;
  status: 'active' | 'pending' | 'shadow';
  description: string;
  memo: string;
  type: string;
  transactionDate: number;
  postedDate: number;
  createdDate: number;
  /** Payee normalisation and category, as the API's `categorization` object carries them. */
  categorization: {
    normalizedPayeeName: string;
    category: string;
    city?: string;
    state?: string;
    postalCode?: string;
    country: string;
  };
  checkNum?: number;
}

export interface SimArrangement {
  institutionId: string;
  institutionLoginId: number;
  createdDate: number;
  status: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
  statusDate: number;
  lastUpdatedBy: string;
  accessEndDate: number;
}

/** A CDR consent receipt with one arrangement per institution (seed 002, Consent Lifecycle). */
export interface SimConsent {
  consentReceiptId: string;
  customerId: string;
  createdDate: number;
  purpose: string;
  purposeStatement: string;
  applicationId: string;
  applicationName: string;
  allowedTrnxHistoryInDays: number;
  accessEndDate: number;
  statusDate: number;
  receiptVersion: number;
  arrangements: SimArrangement[];
}

/** In-memory state of one simulator; routes and the lending plug-in read it, never a copy. */
export class MastercardStore {
  readonly customers = new Map<string, SimCustomer>();
  readonly logins = new Map<number, SimInstitutionLogin>();
  readonly accounts = new Map<string, SimAccount>();
  readonly transactionsById = new Map<number, SimTransaction>();
  private readonly transactionsByAccount = new Map<string, SimTransaction[]>();
  readonly consents = new Map<string, SimConsent>();
  /** Connections Load Historic Transactions made, per account id (seed 002, Account History). */
  readonly historicLoads = new Map<string, number>();
  private nextCustomerId: number;
  private nextLoginId: number;
  private nextAccountId: number;
  nextTransactionId: number;

  constructor(readonly region: MastercardRegion) {
    // Id ranges look like the docs' examples (seed 001: 1005061234; AU ref app: 2488863, 2336229, 15415575).
    this.nextCustomerId = region === 'US' ? 1005061200 : 2488800;
    this.nextLoginId = region === 'US' ? 1007302700 : 2336200;
    this.nextAccountId = region === 'US' ? 5011648300 : 15415500;
    this.nextTransactionId = region === 'US' ? 21284820000 : 409923000;
  }

  newCustomerId(): string {
    return String(this.nextCustomerId++);
  }
  newLoginId(): number {
    return this.nextLoginId++;
  }
  newAccountId(): string {
    return String(this.nextAccountId++);
  }

  addTransactions(accountId: string, transactions: SimTransaction[]): void {
    const list = this.transactionsByAccount.get(accountId) ?? [];
    for (const t of transactions) {
      list.push(t);
      this.transactionsById.set(t.id, t);
    }
    this.transactionsByAccount.set(accountId, list);
  }

  /** A record the institution no longer shows (a pending one that settled or lapsed): gone from every list. */
  removeTransaction(id: number): void {
    const found = this.transactionsById.get(id);
    if (!found) return;
    this.transactionsById.delete(id);
    const list = this.transactionsByAccount.get(found.accountId) ?? [];
    this.transactionsByAccount.set(found.accountId, list.filter((t) => t.id !== id));
  }

  transactionsOfAccount(accountId: string): SimTransaction[] {
    return this.transactionsByAccount.get(accountId) ?? [];
  }

  testingCustomerCount(): number {
    let n = 0;
    for (const c of this.customers.values()) if (c.type === 'testing') n++;
    return n;
  }

  findByUsername(username: string): SimCustomer | undefined {
    for (const c of this.customers.values()) if (c.username === username) return c;
    return undefined;
  }

  /** Arrangement governing a login, if any consent covers it (the latest one wins). */
  arrangementOf(institutionLoginId: number): { consent: SimConsent; arrangement: SimArrangement } | undefined {
    let found: { consent: SimConsent; arrangement: SimArrangement } | undefined;
    for (const consent of this.consents.values()) {
      for (const arrangement of consent.arrangements) {
        if (arrangement.institutionLoginId === institutionLoginId) found = { consent, arrangement };
      }
    }
    return found;
  }

  /**
   * CDR: once an arrangement is revoked or expired its data can no longer be accessed
   * (openbanking-us.yaml InstitutionArrangementStatusDetails), so its accounts disappear.
   */
  isAccessible(account: SimAccount): boolean {
    const governing = this.arrangementOf(account.institutionLoginId);
    return governing === undefined || governing.arrangement.status === 'ACTIVE';
  }

  /** Accounts the API still shows for a customer, in id order. */
  accountsOf(customerId: string): SimAccount[] {
    return [...this.accounts.values()]
      .filter((a) => a.customerId === customerId && this.isAccessible(a))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  deleteCustomer(customerId: string): void {
    this.customers.delete(customerId);
    for (const account of [...this.accounts.values()]) {
      if (account.customerId !== customerId) continue;
      for (const t of this.transactionsOfAccount(account.id)) this.transactionsById.delete(t.id);
      this.transactionsByAccount.delete(account.id);
      this.accounts.delete(account.id);
    }
    for (const login of [...this.logins.values()]) if (login.customerId === customerId) this.logins.delete(login.id);
    for (const consent of [...this.consents.values()]) if (consent.customerId === customerId) this.consents.delete(consent.consentReceiptId);
  }
}

/** A consent is ACTIVE while at least one arrangement is (openbanking-us.yaml GetDataSharingConsentsByCustomerId `status`). */
export function consentStatus(consent: SimConsent): 'ACTIVE' | 'INACTIVE' {
  return consent.arrangements.some((a) => a.status === 'ACTIVE') ? 'ACTIVE' : 'INACTIVE';
}
