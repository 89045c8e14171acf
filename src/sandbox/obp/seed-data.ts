import { createSeededRandom, type SeededRandom } from '../seeded-random.js';
import { createAccountNumber } from './account-numbers.js';
import { stableUuid } from './ids.js';
import {
  accountKey,
  type ObpAccount,
  type ObpBank,
  type ObpCrmEvent,
  type ObpCustomer,
  type ObpSocialMediaHandle,
  type ObpTransaction,
  type ObpUser,
  type ProductCode,
  type UserCustomerLink,
} from './model.js';
import { BANK_PROFILES, type BankProfile } from './seed-banks.js';
import { createCrmSeed } from './seed-crm.js';
import { generateHistory } from './seed-transactions.js';

const DAY_MS = 86_400_000;
export const CUSTOMERS_PER_BANK = 5;

export interface SeedUserInput {
  username: string;
  password: string;
  roles: string[];
}

export interface ObpSeed {
  banks: ObpBank[];
  users: ObpUser[];
  customers: ObpCustomer[];
  accounts: ObpAccount[];
  /** By accountKey, ordered by completion date ascending. */
  transactions: Map<string, ObpTransaction[]>;
  userCustomerLinks: UserCustomerLink[];
  /** userId -> accountKeys the user holds the `owner` view on. */
  ownerViews: Map<string, Set<string>>;
  crmEvents: ObpCrmEvent[];
  socialMediaHandles: ObpSocialMediaHandle[];
}

interface AccountTemplate {
  productCode: ProductCode;
  foreign?: boolean;
}

/** Fixed per customer position so every bank has every product and at least one second currency. */
const ACCOUNT_TEMPLATES: readonly (readonly AccountTemplate[])[] = [
  [{ productCode: 'CURRENT' }, { productCode: 'SAVINGS' }, { productCode: 'CREDIT_CARD' }],
  [{ productCode: 'CURRENT' }, { productCode: 'SAVINGS', foreign: true }],
  [{ productCode: 'BUSINESS_CURRENT' }, { productCode: 'CURRENT' }],
  [{ productCode: 'CURRENT' }, { productCode: 'SAVINGS' }],
  [{ productCode: 'CURRENT' }, { productCode: 'CREDIT_CARD' }],
];

const PRODUCT_LABELS: Record<ProductCode, string> = {
  CURRENT: 'Everyday Current Account',
  SAVINGS: 'Easy Access Saver',
  CREDIT_CARD: 'Platinum Credit Card',
  BUSINESS_CURRENT: 'Business Current Account',
};

/** FNV-1a, to give every seeded record its own PRNG stream derived from the seed. */
function subSeed(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const streamFor = (seed: number, key: string): SeededRandom => createSeededRandom(subSeed(seed, key));

export const userIdFor = (username: string): string => stableUuid(`obp:user:${username}`);

function createBank(profile: BankProfile): ObpBank {
  const routings = [{ scheme: 'BIC', address: profile.bic }];
  if (profile.countryCode === 'US') routings.push({ scheme: 'ABA', address: profile.nationalBankCode });
  return {
    id: profile.id,
    shortName: profile.shortName,
    fullName: profile.fullName,
    bankCode: profile.bankCode,
    logo: `${profile.website}/static/logo.png`,
    website: profile.website,
    countryCode: profile.countryCode,
    currency: profile.currency,
    routings,
    attributes: [
      { name: 'COUNTRY_CODE', value: profile.countryCode },
      { name: 'DEFAULT_CURRENCY', value: profile.currency },
    ],
  };
}

function createCustomer(seed: number, profile: BankProfile, index: number, anchorDate: Date): ObpCustomer {
  const random = streamFor(seed, `customer:${profile.id}:${index}`);
  const first = profile.firstNames[(index * 3 + random.int(0, 1)) % profile.firstNames.length] ?? 'Alex';
  const last = profile.lastNames[(index * 5 + random.int(0, 2)) % profile.lastNames.length] ?? 'Smith';
  const business = index === 2;
  const birthYear = random.int(1952, 2002);
  const dependants = random.int(0, 3);
  const utcDate = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));
  const customerId = stableUuid(`${seed}:customer:${profile.id}:${index}`);
  return {
    bankId: profile.id,
    customerId,
    customerNumber: String(5_100_000 + subSeed(seed, `number:${profile.id}:${index}`) % 4_800_000),
    legalName: `${first} ${last}`,
    mobilePhoneNumber: profile.phone(random.int(100, 999)),
    email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
    faceImage: {
      url: `${profile.website}/id-docs/${customerId.slice(0, 8)}/face.png`,
      date: new Date(anchorDate.getTime() - random.int(100, 900) * DAY_MS),
    },
    dateOfBirth: utcDate(birthYear, random.int(0, 11), random.int(1, 28)),
    relationshipStatus: random.pick(['single', 'married', 'divorced', 'widowed', 'civil partnership']),
    dependants,
    dobOfDependants: Array.from({ length: dependants }, () =>
      utcDate(Math.min(birthYear + random.int(20, 40), 2023), random.int(0, 11), random.int(1, 28)),
    ),
    creditRating: { rating: random.pick(['AAA', 'AA', 'A', 'BBB', 'BB']), source: 'Sandbox Credit Bureau' },
    creditLimit: { currency: profile.currency, amount: `${random.int(10, 150) * 100}.00` },
    highestEducationAttained: random.pick(['Secondary', 'Vocational', 'Bachelor', 'Master', 'Doctorate']),
    employmentStatus: business ? 'self-employed' : random.pick(['employed', 'employed', 'retired', 'student']),
    // One customer per bank still waits for KYC, so the flag has both values in the data.
    kycStatus: index !== 4,
    lastOkDate: new Date(anchorDate.getTime() - random.int(1, 365) * DAY_MS + random.int(0, 86_399) * 1000),
    title: random.pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Mx.']),
    branchId: `${profile.branchPrefix}-0${random.int(1, 4)}`,
    nameSuffix: index === 3 ? 'Jr' : '',
    attributes: [
      {
        customerAttributeId: stableUuid(`${seed}:customer-attribute:${customerId}:segment`),
        name: 'SEGMENT',
        type: 'STRING',
        value: business ? 'SME' : 'RETAIL',
      },
    ],
  };
}

/**
 * The whole sandbox data set: a pure function of `seed`, `anchorDate` and the usernames.
 * `users[0]` plays the back-office admin (linked to the first customer of every bank, `owner`
 * view on every account); `users[1]` plays a retail user (linked to the second customer of
 * gh.29.uk, `owner` view on that customer's accounts only). Further users start with nothing.
 */
export function createObpSeed(input: { seed: number; anchorDate: Date; users: readonly SeedUserInput[] }): ObpSeed {
  const { seed, anchorDate } = input;
  const banks = BANK_PROFILES.map(createBank);
  const users: ObpUser[] = input.users.map((u) => ({
    userId: userIdFor(u.username),
    username: u.username,
    password: u.password,
    email: `${u.username.replace(/[^A-Za-z0-9._-]/g, '')}@example.com`,
    roles: [...u.roles],
  }));
  const customers: ObpCustomer[] = [];
  const accounts: ObpAccount[] = [];
  const transactions = new Map<string, ObpTransaction[]>();

  for (const profile of BANK_PROFILES) {
    for (let index = 0; index < CUSTOMERS_PER_BANK; index++) {
      const customer = createCustomer(seed, profile, index, anchorDate);
      customers.push(customer);
      (ACCOUNT_TEMPLATES[index] ?? []).forEach((template, n) => {
        const key = `account:${profile.id}:${index}:${n}`;
        const random = streamFor(seed, key);
        const accountId = stableUuid(`${seed}:${key}`);
        const currency = template.foreign ? profile.foreignCurrency : profile.currency;
        const { number, routings } = createAccountNumber(random, profile);
        const history = generateHistory({
          random,
          seedKey: String(seed),
          bank: profile,
          accountId,
          productCode: template.productCode,
          currency,
          anchorDate,
        });
        accounts.push({
          bankId: profile.id,
          accountId,
          customerId: customer.customerId,
          holderName: customer.legalName,
          label: template.foreign ? `${PRODUCT_LABELS[template.productCode]} (${currency})` : PRODUCT_LABELS[template.productCode],
          number,
          productCode: template.productCode,
          currency,
          balanceMinor: history.closingBalanceMinor,
          routings,
        });
        transactions.set(accountKey(profile.id, accountId), history.transactions);
      });
    }
  }

  const userCustomerLinks: UserCustomerLink[] = [];
  const ownerViews = new Map<string, Set<string>>(users.map((u) => [u.userId, new Set<string>()]));
  const link = (user: ObpUser, customer: ObpCustomer | undefined): void => {
    if (!customer) return;
    userCustomerLinks.push({
      userCustomerLinkId: stableUuid(`${seed}:user-customer-link:${user.userId}:${customer.customerId}`),
      userId: user.userId,
      customerId: customer.customerId,
      dateInserted: new Date(anchorDate.getTime() - 30 * DAY_MS),
      isActive: true,
    });
  };
  const [admin, retail] = users;
  if (admin) {
    for (const bank of banks) link(admin, customers.find((c) => c.bankId === bank.id));
    const views = ownerViews.get(admin.userId);
    for (const account of accounts) views?.add(accountKey(account.bankId, account.accountId));
  }
  if (retail) {
    const customer = customers.filter((c) => c.bankId === 'gh.29.uk')[1];
    link(retail, customer);
    const views = ownerViews.get(retail.userId);
    for (const account of accounts) {
      if (account.customerId === customer?.customerId) views?.add(accountKey(account.bankId, account.accountId));
    }
  }

  return { banks, users, customers, accounts, transactions, userCustomerLinks, ownerViews, ...createCrmSeed(seed, customers, anchorDate) };
}
