import type { ConsumerFields } from './consumer-validation.js';
import type { LendingOptions, LendingRouteContext } from './data-source.js';
import type { ReportEventSender } from './report-events.js';
import type { ReportStore } from './report-store.js';
import type { IdFactory } from './stable-ids.js';

export interface ConsumerRecord extends ConsumerFields {
  id: string;
  customerId: string;
  /** Epoch seconds. */
  createdDate: number;
}

export interface BusinessRecord {
  businessId: string;
  customerId: string;
  fields: Record<string, unknown>;
  /** "2022-04-12T11:51:23": UTC without a zone, as the spec's `NoZoneDateTime`. */
  createdDate: string;
  modifiedDate: string;
}

export interface AuthorizationPeriod {
  /** Epoch ms. */
  start: number;
  end: number;
}

/** Everything the lending simulator remembers, in memory, for one server instance. */
export interface LendingState {
  ctx: LendingRouteContext;
  options: Required<Omit<LendingOptions, 'seed'>>;
  ids: IdFactory;
  consumers: Map<string, ConsumerRecord>;
  consumerIdByCustomer: Map<string, string>;
  businesses: Map<string, BusinessRecord>;
  businessIdByCustomer: Map<string, string>;
  /** Per institution login: a period, or null for "details are not found" (3004). */
  authorizations: Map<number, AuthorizationPeriod | null>;
  /** Customers the lending routes have met, for lookups without a customer id. */
  knownCustomerIds: Set<string>;
  reports: ReportStore;
  sender: ReportEventSender;
}

/** Customer ids are numeric strings; a 404 for anything else keeps the lookups simple. */
export function findCustomer(state: LendingState, customerId: string) {
  const customer = state.ctx.customer(customerId);
  if (customer) state.knownCustomerIds.add(customer.id);
  return customer;
}

export function noZoneDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
