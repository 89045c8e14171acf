import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import type { CreateCustomerInput } from '../../src/domain/ports.js';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { accountTypeOf, maskNumber } from '../../src/providers/obp/accounts.mapper.js';
import { createBankScope } from '../../src/providers/obp/bank-scope.js';
import { toCreateBody } from '../../src/providers/obp/customer-input.js';
import { mergeBankLists } from '../../src/providers/obp/customer-merge.js';
import { obpDate } from '../../src/providers/obp/dates.js';
import { toGatewayError } from '../../src/providers/obp/errors.mapper.js';
import { toTransaction } from '../../src/providers/obp/transactions.mapper.js';

const obpError = (status: number, message: string): UpstreamResponse => ({
  status,
  headers: {},
  contentType: 'application/json',
  text: JSON.stringify({ code: status, message }),
  json: { code: status, message },
});

describe('OBP error mapping', () => {
  it.each([
    [404, 'OBP-30001: Bank not found. Please specify a valid value for BANK_ID. Current BankId is x', 'NOT_FOUND'],
    [404, 'OBP-30018: Bank Account not found. Please specify valid values for BANK_ID and ACCOUNT_ID. ', 'NOT_FOUND'],
    [404, 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.. Current CustomerId(x)', 'NOT_FOUND'],
    [400, 'OBP-30067: Transaction not found. Please specify a valid value for TRANSACTION_ID.', 'NOT_FOUND'],
    [401, 'OBP-20001: User not logged in. Authentication is required!', 'PROVIDER_AUTH_FAILED'],
    [401, 'OBP-20003: This DirectLogin token is invalid or expired: eyJhbGciOi.secret', 'PROVIDER_AUTH_FAILED'],
    [401, 'OBP-20004: Invalid login credentials. Check username/password.', 'PROVIDER_AUTH_FAILED'],
    [403, 'OBP-20006: User is missing one or more roles: CanGetCustomer at Bank(gh.29.uk)', 'FORBIDDEN'],
    [403, 'OBP-20017: Current user does not have access to the view. Please specify a valid value for VIEW_ID. Current ViewId is owner', 'FORBIDDEN'],
    [400, 'OBP-30006: Customer Number already exists. Please specify a different value for BANK_ID or CUSTOMER_NUMBER.', 'CONFLICT'],
    [400, 'OBP-10025: wrong value for obp_limit parameter. Please send a positive integer (=>1)!', 'BAD_USER_INPUT'],
    [400, 'OBP-50000: Unknown Error.', 'PROVIDER_UNAVAILABLE'],
    [404, 'OBP-10404: 404 Not Found. The server could not find the requested URI.', 'PROVIDER_UNAVAILABLE'],
    [429, 'OBP-10018: Too Many Requests.', 'RATE_LIMITED'],
    [500, 'OBP-50005: An unknown error happened in the Connector.', 'PROVIDER_UNAVAILABLE'],
  ])('%i %s → %s, keeping the OBP code', (status, message, code) => {
    const error = toGatewayError(obpError(status, message), 'test');
    expect(error.code).toBe(code);
    expect(error.providerCode).toBe(message.slice(0, message.indexOf(':')));
    expect(error.providerStatus).toBe(status);
  });

  it('never passes a token or credentials through in the message', () => {
    const error = toGatewayError(obpError(401, 'OBP-20003: This DirectLogin token is invalid or expired: eyJhbGciOi.secret'), 'test');
    expect(error.message).not.toContain('eyJ');
  });
});

describe('OBP bank scope (OBP-30111)', () => {
  it('accepts BANK_IDs of 0-9/a-z/A-Z/-/./_ shorter than 255 and exposes only configured banks', () => {
    const all = createBankScope(null);
    expect(all.check('gh.29.uk', 'id')).toBe('gh.29.uk');
    expect(all.check(`a_B-9.${'x'.repeat(248)}`, 'id')).toHaveLength(254);
    for (const bad of ['gh 29', 'gh/29', 'ü', 'x'.repeat(255), '']) {
      expect(() => all.check(bad, 'id')).toThrowError(GatewayError);
    }
    const some = createBankScope(['gh.29.uk']);
    expect(() => some.check('de.17.ber', 'input.bankId')).toThrowError(/does not expose/);
    expect(() => createBankScope(['ok', 'not ok'])).toThrowError(/OBP_BANK_IDS/);
  });
});

describe('OBP cross-bank customer merge', () => {
  const banks: Record<string, string[]> = { a: ['a1', 'a2', 'a3'], b: [], c: ['c1', 'c2'], d: ['d1', 'd2', 'd3', 'd4'] };
  const calls: string[] = [];
  const read = async (bankId: string, window: { offset: number; limit: number }) => {
    calls.push(`${bankId}@${window.offset}+${window.limit}`);
    return (banks[bankId] ?? []).slice(window.offset, window.offset + window.limit);
  };
  const everything = Object.values(banks).flat();

  it('gives every offset/limit window of the concatenated list, with hasMore and the total at the end', async () => {
    for (let offset = 0; offset <= everything.length + 1; offset += 1) {
      for (const limit of [0, 1, 2, 3, 5, 20]) {
        const page = await mergeBankLists(Object.keys(banks), read, { offset, limit });
        expect(page.items).toEqual(everything.slice(offset, offset + limit));
        expect(page.hasMore).toBe(everything.length > offset + limit);
        if (!page.hasMore) expect(page.totalCount).toBe(everything.length);
      }
    }
  });

  it('reads a bank past the page start only to count it', async () => {
    calls.length = 0;
    await mergeBankLists(['a', 'c', 'd'], read, { offset: 4, limit: 1 });
    // a is probed at the remaining offset (empty) and counted; c holds the page start; d has the next one.
    expect(calls).toEqual(['a@4+2', 'a@0+4', 'c@1+2', 'd@0+1']);
  });
});

describe('OBP mappers', () => {
  it('maps free-text product codes onto unified account types', () => {
    expect(accountTypeOf('CURRENT')).toBe('CHECKING');
    expect(accountTypeOf('CURRENT PLUS')).toBe('CHECKING');
    expect(accountTypeOf('BUSINESS_CURRENT')).toBe('CHECKING');
    expect(accountTypeOf('SAVINGS')).toBe('SAVINGS');
    expect(accountTypeOf('Red Mastercard')).toBe('CREDIT_CARD');
    expect(accountTypeOf('1234BW')).toBe('OTHER');
    expect(maskNumber('GB33THMU40291512345678')).toBe('…5678');
  });

  it('reads OBP date formats and keeps transaction amounts exact and signed', () => {
    expect(obpDate('2024-02-12T21:00:30Z')?.toISOString()).toBe('2024-02-12T21:00:30.000Z');
    expect(obpDate('1990-01-31')?.toISOString()).toBe('1990-01-31T00:00:00.000Z');
    expect(obpDate('19900131')?.toISOString()).toBe('1990-01-31T00:00:00.000Z');
    expect(obpDate('not a date')).toBeNull();
    const transaction = toTransaction(
      {
        id: 't1',
        this_account: { id: 'acc' },
        other_account: { id: 'o', holder: { name: 'Tesco Metro' } },
        details: {
          type: 'DEBIT_CARD',
          description: 'Tesco Metro',
          posted: '2024-05-01T10:00:00Z',
          completed: '2024-05-02T10:00:00Z',
          new_balance: { currency: 'GBP', amount: '1000000000000.10' },
          value: { currency: 'GBP', amount: '-0.10' },
        },
      },
      'gh.29.uk',
      'acc',
      { provider: 'OBP', operation: 'test' },
    );
    expect(transaction.amount).toEqual({ amount: '-0.10', currency: 'GBP' });
    expect(transaction.details?.provider === 'OBP' && transaction.details.newBalance).toEqual({ amount: '1000000000000.10', currency: 'GBP' });
    expect(transaction.postedAt?.toISOString()).toBe('2024-05-02T10:00:00.000Z');
    expect(transaction.transactedAt?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(transaction.ref.scope).toEqual(['gh.29.uk', 'acc']);
  });

  it('builds the v5 create body from the unified input and rejects what OBP cannot take by name', () => {
    const obp = {
      provider: 'OBP',
      bankId: 'gh.29.uk',
      customerNumber: null,
      dateOfBirth: null,
      relationshipStatus: null,
      kycStatus: null,
      employmentStatus: null,
    } as const;
    const input: CreateCustomerInput = {
      kind: null,
      username: null,
      firstName: null,
      lastName: null,
      name: 'Eveline Tripman',
      email: 'eveline@example.com',
      phone: '+49 30 901820',
      category: null,
      details: { ...obp, dateOfBirth: '1990-01-31', kycStatus: false, customerNumber: '5987953' },
    };
    expect(toCreateBody(input)).toEqual({
      legal_name: 'Eveline Tripman',
      mobile_phone_number: '+49 30 901820',
      email: 'eveline@example.com',
      customer_number: '5987953',
      date_of_birth: '1990-01-31T00:00:00Z',
      kyc_status: false,
    });
    const fieldOf = (changed: Partial<CreateCustomerInput>): string | undefined => {
      try {
        toCreateBody({ ...input, ...changed });
        return undefined;
      } catch (error) {
        return (error as GatewayError).field;
      }
    };
    expect(fieldOf({ username: 'eve' })).toBe('input.username');
    expect(fieldOf({ lastName: 'T' })).toBe('input.lastName');
    expect(fieldOf({ category: 'BUSINESS' })).toBe('input.category');
    expect(fieldOf({ details: { provider: 'CAIBO_IPG', memberId: 'm-1', address: null } })).toBe('input.caiboIpg');
    expect(fieldOf({ details: null })).toBe('input.obp');
    expect(fieldOf({ name: null })).toBe('input.name');
    expect(fieldOf({ details: { ...obp, dateOfBirth: '31/01/1990' } })).toBe('input.obp.dateOfBirth');
  });
});
