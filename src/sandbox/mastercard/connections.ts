import type { SeededRandom } from '../seeded-random.js';
import { createAccount, type AccountPlan } from './account-factory.js';
import type { RegionProfile } from './region.js';
import { consentStatus, type MastercardStore, type SimAccount, type SimConsent, type SimInstitutionLogin } from './store.js';

/** The sandbox application every seeded consent and customer is registered under. */
export const SANDBOX_APPLICATION = { id: 'f8bde4ef-1b6c-4822-93f0-5df7182e5285', name: 'Open Finance Gateway Sandbox' } as const;

export interface ConnectParams {
  customerId: string;
  institutionId: string;
  profile: string;
  plans: AccountPlan[];
  /** Epoch seconds the login is created at. */
  createdDate: number;
  /** Day (UTC midnight, epoch seconds) the history is laid out back from. */
  anchor: number;
  /** When the first aggregation finishes; equal to createdDate for seed data. */
  aggregationReadyAt: number;
  /** AU: record the login in a CDR consent (new, or the customer's active one). */
  withConsent: boolean;
}

export interface ConnectResult {
  login: SimInstitutionLogin;
  accounts: SimAccount[];
  consent?: SimConsent;
}

export function uuidFrom(rng: SeededRandom): string {
  const hex = (n: number): string => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** What finishing Connect with a FinBank test profile leaves behind: a login, its accounts and (AU) a consent. */
export function connectInstitution(store: MastercardStore, profile: RegionProfile, rng: SeededRandom, params: ConnectParams): ConnectResult {
  const login: SimInstitutionLogin = {
    id: store.newLoginId(),
    customerId: params.customerId,
    institutionId: params.institutionId,
    profile: params.profile,
    createdDate: params.createdDate,
  };
  store.logins.set(login.id, login);
  const accounts = params.plans.map((plan) =>
    createAccount(store, profile, rng, login, plan, params.anchor, params.aggregationReadyAt),
  );
  if (!params.withConsent) return { login, accounts };

  // Seed 002, Consent Lifecycle: further FIs become more arrangements of the same consent.
  let consent = [...store.consents.values()].find(
    (c) => c.customerId === params.customerId && consentStatus(c) === 'ACTIVE',
  );
  if (!consent) {
    consent = {
      consentReceiptId: uuidFrom(rng),
      customerId: params.customerId,
      createdDate: params.createdDate,
      purpose: 'Budgeting',
      purposeStatement: 'to help you manage your budget and understand your spending',
      applicationId: SANDBOX_APPLICATION.id,
      applicationName: SANDBOX_APPLICATION.name,
      allowedTrnxHistoryInDays: 365,
      accessEndDate: params.createdDate + 365 * 86_400,
      statusDate: params.createdDate,
      receiptVersion: 1,
      arrangements: [],
    };
    store.consents.set(consent.consentReceiptId, consent);
  } else {
    consent.receiptVersion++;
    consent.statusDate = params.createdDate;
  }
  consent.arrangements.push({
    institutionId: params.institutionId,
    institutionLoginId: login.id,
    createdDate: params.createdDate,
    status: 'ACTIVE',
    statusDate: params.createdDate,
    lastUpdatedBy: 'CUSTOMER',
    accessEndDate: consent.accessEndDate,
  });
  return { login, accounts, consent };
}
