import type { NativeRef } from './global-id.js';
import type { Customer } from './model.js';
import type { ProviderKey } from './provider.js';

/**
 * Customer data some providers keep beside the customer record: social media handles, CRM events
 * at a bank and the customers linked to the gateway's own provider user (Open Bank Project, seed
 * 004); saved payment methods (Caibo IPG, seed 003). One small port per capability (STYLE.md habit 1).
 */

/** A customer's social media handle (OBP SocialMediaJSON: `type`, `handle`, `date_added`, `date_activated`). */
export interface SocialMediaHandle {
  provider: ProviderKey;
  /** The customer number the provider files the handle under. */
  customerNumber: string | null;
  /** The network, free text at the provider (e.g. `twitter`). */
  type: string;
  handle: string;
  addedAt: Date | null;
  activatedAt: Date | null;
}

/** A handle to add; both dates are required by OBP's SocialMediaJSON. */
export interface NewSocialMediaHandle {
  type: string;
  handle: string;
  addedAt: Date;
  activatedAt: Date;
}

export interface SocialMediaHandlesPort {
  /** Every handle of the customer; NOT_FOUND when the customer does not exist. */
  list(customer: NativeRef): Promise<SocialMediaHandle[]>;
  /** Adds one handle and answers it as stored. */
  add(customer: NativeRef, handle: NewSocialMediaHandle): Promise<SocialMediaHandle>;
}

/** A CRM event at a bank (OBP getCrmEvents: a contact with a customer, planned or done). */
export interface CrmEvent {
  provider: ProviderKey;
  providerId: string;
  bankId: string | null;
  customerName: string | null;
  customerNumber: string | null;
  category: string | null;
  detail: string | null;
  channel: string | null;
  scheduledAt: Date | null;
  actualAt: Date | null;
  result: string | null;
}

export interface CrmEventsPort {
  /** The bank's CRM events; empty when the bank has none. */
  listAtBank(bank: NativeRef): Promise<CrmEvent[]>;
}

export interface MyCustomersPort {
  /** Customers linked to the gateway's own provider user, at one bank or (null) every exposed bank. */
  list(bank: NativeRef | null): Promise<Customer[]>;
}

/** A payment method a customer saved for faster checkout (Caibo IPG, seed 003 "Get Payment Methods"). */
export interface SavedPaymentMethod {
  provider: ProviderKey;
  providerId: string;
  /** The provider's payment method (Caibo: the H2H method id, 35 on test). */
  methodId: string | null;
  /** Last digits of the card only; the gateway never carries a full card number. */
  cardLastDigits: string | null;
  isDefault: boolean | null;
  savedAt: Date | null;
}

export interface SavedPaymentMethodsPort {
  /** The customer's saved methods; NOT_FOUND when the customer does not exist. */
  listForCustomer(customer: NativeRef): Promise<SavedPaymentMethod[]>;
}

/** The optional ports above, as `ProviderAdapter` members. */
export interface CustomerExtraPorts {
  readonly socialMediaHandles?: SocialMediaHandlesPort;
  readonly crmEvents?: CrmEventsPort;
  readonly myCustomers?: MyCustomersPort;
  readonly savedPaymentMethods?: SavedPaymentMethodsPort;
}
