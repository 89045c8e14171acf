import type { CrmEvent, CustomerExtraPorts, SocialMediaHandle } from '../../domain/customer-extras.port.js';
import { GatewayError, notFound } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import type { Customer } from '../../domain/model.js';
import { readRecords, type ReadContext } from '../record-reader.js';
import { read, segment, type ObpContext } from './context.js';
import { crmEventListSchema, crmEventSchema, socialMediaHandleListSchema, socialMediaHandleSchema, successSchema } from './customer-extras.wire.js';
import type { WireCrmEvent, WireSocialMediaHandle } from './customer-extras.wire.js';
import { toCustomer } from './customers.mapper.js';
import { obpDate, textOrNull, toObpDateTime } from './dates.js';
import { customerListSchema, customerSchema } from './wire.js';

function toHandle(wire: WireSocialMediaHandle, context: ReadContext): SocialMediaHandle {
  return {
    provider: 'OBP',
    customerNumber: textOrNull(wire.customer_number),
    type: wire.type,
    handle: wire.handle,
    addedAt: obpDate(wire.date_added, { context, field: 'date_added' }),
    activatedAt: obpDate(wire.date_activated, { context, field: 'date_activated' }),
  };
}

function toCrmEvent(wire: WireCrmEvent, context: ReadContext): CrmEvent {
  return {
    provider: 'OBP',
    providerId: wire.id,
    bankId: textOrNull(wire.bank_id),
    customerName: textOrNull(wire.customer_name),
    customerNumber: textOrNull(wire.customer_number),
    category: textOrNull(wire.category),
    detail: textOrNull(wire.detail),
    channel: textOrNull(wire.channel),
    scheduledAt: obpDate(wire.scheduled_date, { context, field: 'scheduled_date' }),
    actualAt: obpDate(wire.actual_date, { context, field: 'actual_date' }),
    result: textOrNull(wire.result),
  };
}

/** Seed 004 lists "No CRM Events available." (no OBP code) for a bank without events: that is an empty list. */
const NO_CRM_EVENTS = 'No CRM Events available.';
const isNoCrmEvents = (error: unknown): boolean =>
  error instanceof GatewayError && error.providerCode === undefined && error.providerStatus === 400 && error.message.endsWith(NO_CRM_EVENTS);

/** OBP-30008 (UserCustomerLinksNotFoundForUser, the extract's errors for my/customers): no linked customer. */
const isNoLinks = (error: unknown): boolean => error instanceof GatewayError && error.providerCode === 'OBP-30008';

/**
 * Social media handles (v2.0.0), CRM events (v1.4.0) and the gateway user's own customers
 * (v5.0.0 my/customers) — seed 004. `getCustomer` reads a customer (the handle's body needs its
 * customer_number: OBP files handles by number).
 */
export function createObpCustomerExtras(
  { client, scope, path, bankPath }: ObpContext,
  getCustomer: (ref: NativeRef) => Promise<Customer | null>,
): Required<Omit<CustomerExtraPorts, 'savedPaymentMethods'>> {
  const handlesPath = (customer: NativeRef): string =>
    `${bankPath(scope.bankOf(customer, 'customerId'))}/customers/${segment(customer.id)}/social_media_handles`;

  return {
    socialMediaHandles: {
      async list(customer) {
        // Role CanGetSocialMediaHandles; OBP-30046 (NOT_FOUND) for an unknown customer.
        const body = await client.callJson({ operation: 'socialMediaHandles.list', method: 'GET', path: handlesPath(customer) }, socialMediaHandleListSchema);
        const context = read('socialMediaHandles.list');
        return readRecords(socialMediaHandleSchema, body.checks, context, (wire) => toHandle(wire, context), { idField: 'handle' });
      },
      async add(customer, handle) {
        const target = handlesPath(customer);
        const found = await getCustomer(customer);
        if (found === null) throw notFound('OBP: no such customer', 'OBP');
        const customerNumber = found.details?.provider === 'OBP' ? found.details.customerNumber : null;
        if (!customerNumber) throw new GatewayError('CONFLICT', 'OBP: the customer has no customer number to file the handle under', { provider: 'OBP' });
        const body = {
          customer_number: customerNumber,
          type: handle.type,
          handle: handle.handle,
          date_added: toObpDateTime(handle.addedAt),
          date_activated: toObpDateTime(handle.activatedAt),
        };
        // Role CanAddSocialMediaHandle; answers {"success": …} only, so the handle is echoed as sent.
        await client.callJson({ operation: 'socialMediaHandles.add', method: 'POST', path: target, body }, successSchema);
        return { provider: 'OBP', customerNumber, type: handle.type, handle: handle.handle, addedAt: handle.addedAt, activatedAt: handle.activatedAt };
      },
    },
    crmEvents: {
      async listAtBank(bank) {
        const bankId = scope.check(bank.id, 'id');
        try {
          const body = await client.callJson({ operation: 'crmEvents.list', method: 'GET', path: `${bankPath(bankId)}/crm-events` }, crmEventListSchema);
          const context = read('crmEvents.list');
          return readRecords(crmEventSchema, body.crm_events, context, (wire) => toCrmEvent(wire, context));
        } catch (error) {
          if (isNoCrmEvents(error)) return [];
          throw error;
        }
      },
    },
    myCustomers: {
      async list(bank) {
        const bankId = bank === null ? null : scope.check(bank.id, 'bank');
        const rest = bankId === null ? path('/my/customers') : `${bankPath(bankId)}/my/customers`;
        let records: unknown[];
        try {
          records = (await client.callJson({ operation: 'myCustomers.list', method: 'GET', path: rest }, customerListSchema)).customers;
        } catch (error) {
          if (isNoLinks(error)) return [];
          throw error;
        }
        const context = read('myCustomers.list');
        const customers = readRecords(customerSchema, records, context, (wire) => toCustomer(wire, bankId ?? '', context), { idField: 'customer_id' });
        // Customers at banks this gateway does not expose (OBP_BANK_IDS) are not ours to show.
        const exposed = scope.configured === null ? null : new Set(scope.configured);
        return customers.filter((customer) => exposed === null || exposed.has(customer.ref.scope[0] ?? ''));
      },
    },
  };
}
