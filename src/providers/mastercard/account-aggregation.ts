import type { AccountFiltersPort, AccountHistoryPort, AccountRefreshPort } from '../../domain/account-aggregation.port.js';
import { badInput, GatewayError } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import type { Account } from '../../domain/model.js';
import { readRecords } from '../record-reader.js';
import { accountScope } from './account-scope.js';
import { toAccount } from './accounts.mapper.js';
import type { FinicityClient } from './finicity-client.js';
import { segment, type MastercardRegion } from './region.js';
import { accountListSchema, accountSchema } from './wire.js';

/**
 * The Finicity-platform aggregation calls of seed 002 (Mastercard AU) beyond the plain account list:
 * accounts by institution login / institution ("Customer Accounts"), Refresh Customer Accounts by
 * Institution Login ("Transaction Aggregation") and Load Historic Transactions ("Account History").
 * Answers and statuses the AU pages leave out come from openbanking-us.yaml, the same platform.
 */

/** 38003 "no accounts" / 38007 "no accounts for this institutionLoginId": answers, not failures (error-examples.json). */
const NO_ACCOUNTS = new Set(['38003', '38007']);
/** Finicity ids in paths are numeric (institutionLoginId int64, institutionId int64 in openbanking-us.yaml). */
const NUMERIC_ID = /^\d{1,19}$/;

function numericId(value: string, field: string): string {
  if (!NUMERIC_ID.test(value)) throw badInput(`${field} must be a provider id of digits only`, field);
  return value;
}

function customerPath(customer: NativeRef): string {
  if (customer.type !== 'Customer') throw badInput('Expected a Customer ID', 'customerId');
  return `/aggregation/v1/customers/${segment(customer.id)}`;
}

export function createAccountFiltersPort(region: MastercardRegion, client: FinicityClient): AccountFiltersPort {
  async function read(customer: NativeRef, operation: string, path: string): Promise<Account[]> {
    try {
      const body = await client.callJson({ operation, method: 'GET', path, data: { customerId: customer.id } }, accountListSchema);
      const context = { provider: region.provider, operation };
      return readRecords(accountSchema, body.accounts, context, (wire) => toAccount(region, wire, customer.id, context));
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'NOT_FOUND' && NO_ACCOUNTS.has(error.providerCode ?? '')) return [];
      throw error;
    }
  }
  return {
    async list(customer, filter) {
      const base = customerPath(customer);
      const { institutionLoginId, institutionId } = filter;
      if (institutionLoginId !== null) {
        const loginId = numericId(institutionLoginId, 'filter.institutionLoginId');
        if (institutionId !== null) numericId(institutionId, 'filter.institutionId');
        // GET …/institutionLogins/{institutionLoginId}/accounts (seed 002, Customer Account Operations).
        // A login belongs to one institution, so both filters together narrow the login's accounts.
        const accounts = await read(customer, 'accounts.by-institution-login', `${base}/institutionLogins/${loginId}/accounts`);
        return institutionId === null ? accounts : accounts.filter((account) => account.institutionId === institutionId);
      }
      if (institutionId === null) throw badInput('Give filter.institutionLoginId, filter.institutionId or both', 'filter');
      // GET …/institutions/{institutionId}/accounts (seed 002, Customer Account Operations).
      return read(customer, 'accounts.by-institution', `${base}/institutions/${numericId(institutionId, 'filter.institutionId')}/accounts`);
    },
  };
}

export function createAccountRefreshPort(region: MastercardRegion, client: FinicityClient): AccountRefreshPort {
  return {
    async refreshInstitutionLogin(customer, institutionLoginId) {
      const loginId = numericId(institutionLoginId, 'input.institutionLoginId');
      const path = `${customerPath(customer)}/institutionLogins/${loginId}/accounts`;
      // POST with no body (seed 002, Initial Aggregation; "Content-Length: 0" as for every bodiless
      // POST there). It connects to the institution, so it is never retried after a lost answer.
      // The answer is 200 CustomerAccounts (openbanking-us.yaml RefreshCustomerAccountsByInstitutionLogin).
      const body = await client.callJson(
        { operation: 'accounts.refresh', method: 'POST', path, data: { customerId: customer.id }, idempotent: false },
        accountListSchema,
      );
      const context = { provider: region.provider, operation: 'accounts.refresh' };
      return readRecords(accountSchema, body.accounts, context, (wire) => toAccount(region, wire, customer.id, context));
    },
  };
}

/** "The request was unsuccessful due to a required MFA challenge" (openbanking-us.yaml MFAChallengeNeededResponse). */
const MFA_CHALLENGE = 203;

export function createAccountHistoryPort(region: MastercardRegion, client: FinicityClient): AccountHistoryPort {
  return {
    async loadHistoricTransactions(account, options) {
      const data = accountScope(account);
      const path = `/aggregation/v1/customers/${segment(data.customerId)}/accounts/${segment(account.id)}/transactions/historic`;
      // seed 002, Account History: "requires the HTTP header Content-Length: 0 because it is a POST
      // request with no body", yet a forced second load carries "the parameter force=true in the
      // request body". Both hold if the body exists only when forcing: `{"force":true}` (JSON, as
      // every Finicity body); otherwise no body at all. Premium and billable: never retried.
      const response = await client.call({
        operation: 'accounts.historic',
        method: 'POST',
        path,
        data,
        idempotent: false,
        ...(options.force ? { body: { force: true } } : {}),
      });
      if (response.status === MFA_CHALLENGE) {
        throw new GatewayError('CONFLICT', 'The institution asked for a multi-factor challenge; the historic load cannot go on (the customer must reconnect through Connect)', {
          provider: region.provider,
          providerStatus: response.status,
          retryable: false,
        });
      }
      // HTTP 204: "Historic transactions have been loaded successfully" (seed 002, Load Account History).
    },
  };
}
