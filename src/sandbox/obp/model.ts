/**
 * The simulator's internal records. They hold what OBP's own tables hold (MappedBank,
 * MappedCustomer, MappedBankAccount, MappedTransaction, MappedUserCustomerLink …); the
 * `*.json.ts` files turn them into each endpoint's response shape. Money is kept in minor units
 * (every seeded currency has two decimals) so running balances stay exact.
 */

export interface Routing {
  scheme: string;
  address: string;
}

export interface ObpBank {
  id: string;
  shortName: string;
  fullName: string;
  bankCode: string;
  logo: string;
  website: string;
  countryCode: string;
  currency: string;
  routings: Routing[];
  attributes: Array<{ name: string; value: string }>;
}

export interface ObpUser {
  userId: string;
  username: string;
  password: string;
  email: string;
  roles: string[];
}

export interface ObpCustomer {
  bankId: string;
  customerId: string;
  customerNumber: string;
  legalName: string;
  mobilePhoneNumber: string;
  email: string;
  faceImage: { url: string; date: Date | null };
  dateOfBirth: Date | null;
  relationshipStatus: string;
  dependants: number;
  dobOfDependants: Date[];
  creditRating: { rating: string; source: string };
  creditLimit: { currency: string; amount: string };
  highestEducationAttained: string;
  employmentStatus: string;
  kycStatus: boolean;
  lastOkDate: Date;
  title: string;
  branchId: string;
  nameSuffix: string;
  attributes: Array<{ customerAttributeId: string; name: string; type: string; value: string }>;
}

export type ProductCode = 'CURRENT' | 'SAVINGS' | 'CREDIT_CARD' | 'BUSINESS_CURRENT';

export interface ObpAccount {
  bankId: string;
  accountId: string;
  customerId: string;
  holderName: string;
  label: string;
  number: string;
  productCode: ProductCode;
  currency: string;
  balanceMinor: number;
  routings: Routing[];
}

export interface Counterparty {
  id: string;
  name: string;
  bankRouting: Routing;
  accountRoutings: Routing[];
}

export interface ObpTransaction {
  transactionId: string;
  bankId: string;
  accountId: string;
  type: string;
  description: string;
  posted: Date;
  completed: Date;
  currency: string;
  amountMinor: number;
  newBalanceMinor: number;
  counterparty: Counterparty;
}

export interface UserCustomerLink {
  userCustomerLinkId: string;
  userId: string;
  customerId: string;
  dateInserted: Date;
  isActive: boolean;
}

export const accountKey = (bankId: string, accountId: string): string => `${bankId}/${accountId}`;

/** MappedSocialMedia: OBP files a handle under a customer number, not a customer id (seed 004). */
export interface ObpSocialMediaHandle {
  customerNumber: string;
  type: string;
  handle: string;
  dateAdded: Date;
  dateActivated: Date;
}

/** MappedCrmEvent (seed 004, Get CRM Events: the fields of CrmEventJson). */
export interface ObpCrmEvent {
  id: string;
  bankId: string;
  customerName: string;
  customerNumber: string;
  category: string;
  detail: string;
  channel: string;
  scheduledDate: Date;
  actualDate: Date;
  result: string;
}
