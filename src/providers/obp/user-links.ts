import { LRUCache } from 'lru-cache';
import type { UserCustomerLink, UserCustomerLinksPort } from '../../domain/banks.port.js';
import { ref } from '../../domain/global-id.js';
import { readOne, readRecords, type ReadContext } from '../record-reader.js';
import { read, segment, type ObpContext } from './context.js';
import { obpDate } from './dates.js';
import { currentUserSchema, recordBodySchema, userCustomerLinkListSchema, userCustomerLinkSchema, type WireUserCustomerLink } from './wire.js';

function toLink(wire: WireUserCustomerLink, bankId: string, context: ReadContext): UserCustomerLink {
  return {
    providerId: wire.user_customer_link_id,
    provider: 'OBP',
    userId: wire.user_id,
    customerRef: ref('OBP', 'Customer', wire.customer_id, bankId),
    createdAt: obpDate(wire.date_inserted, { context, field: 'date_inserted' }),
    active: wire.is_active ?? true,
  };
}

/** Which OBP users may act for a customer (user-customer links). */
export function createObpUserLinks({ client, scope, path, bankPath }: ObpContext): UserCustomerLinksPort {
  // The gateway's own user id, read once (a failure is not kept).
  const currentUser = new LRUCache<'me', string>({
    max: 1,
    fetchMethod: async () =>
      (await client.callJson({ operation: 'users.current', method: 'GET', path: path('/users/current') }, currentUserSchema)).user_id,
  });

  return {
    async listForCustomer(customer) {
      const bankId = scope.bankOf(customer);
      // v4.0.0 getUserCustomerLinksByCustomerId (not in the extract; served under v5.1.0).
      const body = await client.callJson(
        {
          operation: 'userCustomerLinks.list',
          method: 'GET',
          path: `${bankPath(bankId)}/user_customer_links/customers/${segment(customer.id)}`,
        },
        userCustomerLinkListSchema,
      );
      const context = read('userCustomerLinks.list');
      return readRecords(userCustomerLinkSchema, body.user_customer_links, context, (wire) => toLink(wire, bankId, context), {
        idField: 'user_customer_link_id',
      });
    },
    async link(customer, userId) {
      const bankId = scope.bankOf(customer, 'customerId');
      const user = userId ?? (await currentUser.fetch('me'))!;
      // v2.0.0 createUserCustomerLinks (seed 004, "Link a User to a Customer"): {user_id, customer_id}.
      const wire = await client.callJson(
        {
          operation: 'userCustomerLinks.create',
          method: 'POST',
          path: `${bankPath(bankId)}/user_customer_links`,
          body: { user_id: user, customer_id: customer.id },
        },
        recordBodySchema,
      );
      const context = read('userCustomerLinks.create');
      return readOne(userCustomerLinkSchema, wire, context, (link) => toLink(link, bankId, context), { idField: 'user_customer_link_id' });
    },
  };
}
