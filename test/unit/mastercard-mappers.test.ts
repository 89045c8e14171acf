import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { toCustomer } from '../../src/providers/mastercard/customers.mapper.js';
import { isExpiredToken, toGatewayError } from '../../src/providers/mastercard/errors.mapper.js';
import { toTransaction } from '../../src/providers/mastercard/transactions.mapper.js';
import { toAccount } from '../../src/providers/mastercard/accounts.mapper.js';
import { US_REGION } from '../../src/providers/mastercard/us.js';
import type { ReadContext } from '../../src/providers/record-reader.js';
import { AU_REGION } from '../../src/providers/mastercard/au.js';
import { customerListSchema, customerSchema, transactionListSchema, transactionSchema, accountSchema } from '../../src/providers/mastercard/wire.js';

const us: ReadContext = { provider: 'MASTERCARD_US', operation: 'test' };
const au: ReadContext = { provider: 'MASTERCARD_AU', operation: 'test' };

const response = (status: number, text: string, contentType = 'application/json'): UpstreamResponse => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers: {}, contentType, text, json };
};

describe('Mastercard wire quirks (us-notes.md)', () => {
  it('reads moreAvailable as a boolean or the string "true"', () => {
    expect(customerListSchema.parse({ moreAvailable: true, customers: [] }).moreAvailable).toBe(true);
    expect(transactionListSchema.parse({ moreAvailable: 'true', transactions: [] }).moreAvailable).toBe(true);
    expect(transactionListSchema.parse({ moreAvailable: 'false', transactions: [] }).moreAvailable).toBe(false);
  });

  it('reads createdDate as an epoch number (create) or string (get/list)', () => {
    const fromString = toCustomer(US_REGION, customerSchema.parse({ id: '1005061234', createdDate: '1607450357', type: 'active' }), us);
    const fromNumber = toCustomer(US_REGION, customerSchema.parse({ id: '1005061234', createdDate: 1607450357, type: 'testing' }), us);
    expect(fromString.createdAt?.toISOString()).toBe('2020-12-08T17:59:17.000Z');
    expect(fromNumber.createdAt).toEqual(fromString.createdAt);
    expect(fromString.kind).toBe('ACTIVE');
    expect(fromNumber.kind).toBe('TESTING');
  });

  it('defaults the AU category to INDIVIDUAL and keeps the ABN', () => {
    const customer = toCustomer(AU_REGION, customerSchema.parse({ id: '1', abn: '83914571673' }), au);
    expect(customer.category).toBe('INDIVIDUAL');
    expect(customer.details).toMatchObject({ provider: 'MASTERCARD_AU', abn: '83914571673' });
  });

  it('maps a spec transaction: int ids, signed amount, shadow status, epoch dates', () => {
    const wire = transactionListSchema.parse({
      transactions: [
        { id: 21284820852, amount: -828.9, accountId: 5011648377, customerId: 1005061234, status: 'shadow', postedDate: 1607450357, transactionDate: 1607450357, currencySymbol: 'USD', categorization: { normalizedPayeeName: 'Mad Science Research', category: 'Streaming Service' } },
      ],
    }).transactions[0]!;
    const transaction = toTransaction(US_REGION, transactionSchema.parse(wire), '1005061234', us);
    expect(transaction.amount).toEqual({ amount: '-828.90', currency: 'USD' });
    expect(transaction.status).toBe('SHADOW');
    expect(transaction.accountRef).toEqual({ provider: 'MASTERCARD_US', type: 'Account', id: '5011648377', scope: ['1005061234'] });
    expect(transaction.payee).toBe('Mad Science Research');
    expect(transaction.postedAt?.getTime()).toBe(1607450357000);
  });

  it('never exposes the full account number', () => {
    const account = toAccount(US_REGION, accountSchema.parse({ id: '5011648377', number: '201940541', realAccountNumberLast4: '5678', type: 'checking', balance: 401.26 }), '1', us);
    expect(account.numberMasked).toBe('…5678');
    expect(JSON.stringify(account)).not.toContain('201940541');
    expect(account.type).toBe('CHECKING');
    expect(account.balance).toEqual({ amount: '401.26', currency: 'USD' });
  });
});

describe('Mastercard errors', () => {
  it('reads code as a number or a string', () => {
    expect(toGatewayError('MASTERCARD_US', response(404, '{"code":14001,"message":"Customer not found."}'), 'x').code).toBe('NOT_FOUND');
    const conflict = toGatewayError('MASTERCARD_US', response(409, '{"code":"110002","message":"Username is not available."}'), 'x');
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.providerCode).toBe('110002');
    expect(conflict.providerStatus).toBe(409);
  });

  it('handles the text/plain 401', () => {
    const error = toGatewayError('MASTERCARD_US', response(401, 'Invalid (Finicity-App-Key)', 'text/plain'), 'customers.list');
    expect(error.code).toBe('PROVIDER_AUTH_FAILED');
    expect(error.message).toContain('Invalid (Finicity-App-Key)');
  });

  it('refreshes on an expired (10023) or invalid (10022) token at 401, not on a missing one', () => {
    expect(isExpiredToken(response(401, '{"code":"10023","message":"Expired (Finicity-App-Token)"}'))).toBe(true);
    expect(isExpiredToken(response(401, '{"code":10022,"message":"Invalid (Finicity-App-Token)"}'))).toBe(true);
    expect(isExpiredToken(response(401, '{"code":"10024","message":"Missing parameter (Finicity-App-Token)"}'))).toBe(false);
    expect(isExpiredToken(response(400, '{"code":"10023"}'))).toBe(false);
  });

  it('marks an aggregating account retryable with a hint, and masks long digit runs', () => {
    const error = toGatewayError('MASTERCARD_AU', response(500, '{"code":5006,"message":"Account 15415500123 is being aggregated"}'), 'x');
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.message).not.toContain('15415500123');
    expect(toGatewayError('MASTERCARD_US', response(400, '{"code":42000,"message":"Testing customer limit exceeded."}'), 'x').code).toBe('CONFLICT');
  });
});
