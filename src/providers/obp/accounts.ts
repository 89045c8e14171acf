import pMap from 'p-map';
import { GatewayError, nullWhenNotFound } from '../../domain/errors.js';
import { ref, type NativeRef } from '../../domain/global-id.js';
import type { Account } from '../../domain/model.js';
import type { AccountsPort } from '../../domain/ports.js';
import { readOne, readRecords } from '../record-reader.js';
import { OWNER_VIEW, toAccount } from './accounts.mapper.js';
import { ACCOUNT_READ_CONCURRENCY, asIs, read, segment, type ObpContext } from './context.js';
import { accountSchema, customerAccountLinkListSchema, customerAccountLinkSchema, recordBodySchema } from './wire.js';

export interface ObpAccounts {
  port: AccountsPort;
  /** One account through the owner view with its customer (when the links say), by BANK_ID and ACCOUNT_ID. */
  readAccount(bankId: string, accountId: string): Promise<Account>;
}

/**
 * OBP accounts: read through the `owner` view (v4.0.0 getPrivateAccountByIdFull); customers reach
 * them through customer-account links (v5.0.0).
 */
export function createObpAccounts({ client, scope, bankPath }: ObpContext): ObpAccounts {
  function accountThroughView(bankId: string, accountId: string, customerRef: NativeRef | null): Promise<Account> {
    return client
      .callJson(
        { operation: 'accounts.get', method: 'GET', path: `${bankPath(bankId)}/accounts/${segment(accountId)}/${OWNER_VIEW}/account` },
        recordBodySchema,
      )
      .then((body) => {
        const context = read('accounts.get');
        return readOne(accountSchema, body, context, (wire) => toAccount(wire, bankId, customerRef, context));
      });
  }

  /**
   * The link of an account names its customer, when the gateway's user may read links (not in the
   * extract); otherwise the account simply has no customer.
   */
  async function customerOfAccount(bankId: string, accountId: string): Promise<NativeRef | null> {
    try {
      const body = await client.callJson(
        { operation: 'accounts.customerLinks', method: 'GET', path: `${bankPath(bankId)}/accounts/${segment(accountId)}/customer-account-links` },
        customerAccountLinkListSchema,
      );
      const links = readRecords(customerAccountLinkSchema, body.links, read('accounts.customerLinks'), asIs, { idField: 'account_id' });
      const customerId = links[0]?.customer_id;
      return customerId ? ref('OBP', 'Customer', customerId, bankId) : null;
    } catch (error) {
      const optional =
        error instanceof GatewayError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.providerCode === 'OBP-10404');
      if (optional) return null;
      throw error;
    }
  }

  async function readAccount(bankId: string, accountId: string): Promise<Account> {
    const [account, customerRef] = await Promise.all([accountThroughView(bankId, accountId, null), customerOfAccount(bankId, accountId)]);
    return { ...account, customerRef };
  }

  return {
    readAccount,
    port: {
      async listForCustomer(customer) {
        const bankId = scope.bankOf(customer);
        const body = await client.callJson(
          { operation: 'customers.accountLinks', method: 'GET', path: `${bankPath(bankId)}/customers/${segment(customer.id)}/customer-account-links` },
          customerAccountLinkListSchema,
        );
        const links = readRecords(customerAccountLinkSchema, body.links, read('customers.accountLinks'), asIs, { idField: 'account_id' });
        const accountIds = [...new Set(links.map((link) => link.account_id))];
        return pMap(accountIds, (accountId) => accountThroughView(bankId, accountId, customer), { concurrency: ACCOUNT_READ_CONCURRENCY });
      },
      get(target) {
        return nullWhenNotFound(readAccount(scope.bankOf(target), target.id));
      },
    },
  };
}
