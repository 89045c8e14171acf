import { describe, expect, it } from 'vitest';
import type { Consent } from '../../src/domain/consents.port.js';
import { GatewayError } from '../../src/domain/errors.js';
import { ref } from '../../src/domain/global-id.js';
import type { CreateCustomerInput } from '../../src/domain/ports.js';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { isValidAbn } from '../../src/providers/mastercard/abn.js';
import { checkAuCustomer } from '../../src/providers/mastercard/au-customer-rules.js';
import Keyv from 'keyv';
import { createConsentBook } from '../../src/providers/mastercard/consent-book.js';
import { consentHooks, NoConsentError } from '../../src/providers/mastercard/consent-hooks.js';
import { toGatewayError } from '../../src/providers/mastercard/errors.mapper.js';
import { windowFromPages } from '../../src/providers/mastercard/page-index.js';
import { formatBsb } from '../../src/providers/mastercard/payment-details.js';

const input = (overrides: Partial<CreateCustomerInput>): CreateCustomerInput => ({
  kind: 'TESTING',
  username: 'unit_user',
  firstName: null,
  lastName: null,
  name: null,
  email: null,
  phone: null,
  category: null,
  details: null,
  ...overrides,
});

const au = (fields: { abn?: string; applicationId?: string }): CreateCustomerInput['details'] => ({
  provider: 'MASTERCARD_AU',
  abn: fields.abn ?? null,
  applicationId: fields.applicationId ?? null,
});

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('BAD_USER_INPUT');
    return (error as GatewayError).field;
  }
  return undefined;
};

describe('ABN check digit (Australian Business Register algorithm)', () => {
  it('accepts valid ABNs with or without spaces and refuses others', () => {
    expect(isValidAbn('51 824 753 556')).toBe(true);
    expect(isValidAbn('83914571673')).toBe(true);
    expect(isValidAbn('72618203947')).toBe(true); // valid digits; only the register knows it is cancelled
    expect(isValidAbn('51824753557')).toBe(false);
    expect(isValidAbn('5182475355')).toBe(false);
    expect(isValidAbn('51-824-753-556')).toBe(false);
    expect(isValidAbn('')).toBe(false);
  });
});

describe('AU customer rules (seed 000, Customer Records)', () => {
  it('under CDR_REPRESENTATIVE and OSP: ABN only for BUSINESS, not validated (seed 000), normalised', () => {
    expect(fieldOf(() => checkAuCustomer(input({ details: au({ abn: '51824753556' }) }), 'CDR_REPRESENTATIVE'))).toBe('input.mastercardAu.abn');
    for (const model of ['OSP', 'CDR_REPRESENTATIVE'] as const) {
      expect(checkAuCustomer(input({ category: 'BUSINESS', details: au({ abn: '51 824 753 557' }) }), model).details).toEqual(au({ abn: '51824753557' }));
    }
    expect(fieldOf(() => checkAuCustomer(input({ category: 'BUSINESS', details: au({ abn: '51824753557' }) }), 'BCDC'))).toBe('input.mastercardAu.abn');
    const ok = checkAuCustomer(input({ category: 'BUSINESS', details: au({ abn: '51 824 753 556' }) }), 'CDR_REPRESENTATIVE');
    expect(ok.details).toEqual(au({ abn: '51824753556' }));
    expect(fieldOf(() => checkAuCustomer(input({ details: { provider: 'CAIBO_IPG', address: null, memberId: 'm' } }), 'OSP'))).toBe('input.caiboIpg');
    expect(checkAuCustomer(input({}), 'CDR_REPRESENTATIVE').category).toBeNull();
  });

  it('under BCDC: BUSINESS only, and an ABN for active customers', () => {
    expect(fieldOf(() => checkAuCustomer(input({}), 'BCDC'))).toBe('input.category');
    expect(fieldOf(() => checkAuCustomer(input({ kind: 'ACTIVE', details: au({ applicationId: 'app' }), category: 'BUSINESS' }), 'BCDC'))).toBe(
      'input.mastercardAu.abn',
    );
    expect(fieldOf(() => checkAuCustomer(input({ kind: 'ACTIVE', category: 'BUSINESS', details: au({ abn: '51824753556' }) }), 'BCDC'))).toBe(
      'input.mastercardAu.applicationId',
    );
    expect(() => checkAuCustomer(input({ category: 'BUSINESS' }), 'BCDC')).not.toThrow();
  });
});

describe('BSB', () => {
  it('formats six digits as XXY-ZZZ and refuses anything else', () => {
    expect(formatBsb('033547')).toBe('033-547');
    expect(formatBsb('033-547')).toBe('033-547');
    expect(formatBsb('03354')).toBeNull();
    expect(formatBsb('ABC-DEF')).toBeNull();
  });
});

describe('page-index lists (institutions, consents)', () => {
  const all = Array.from({ length: 7 }, (_, index) => index);
  const pages: Array<[number, number]> = [];
  const fetchPage = async (start: number, limit: number) => {
    pages.push([start, limit]);
    const items = all.slice((start - 1) * limit, start * limit);
    return { items, found: all.length, moreAvailable: start * limit < all.length };
  };

  it('reads an aligned window as one page and an unaligned one as two', async () => {
    pages.length = 0;
    expect(await windowFromPages({ offset: 3, limit: 3 }, fetchPage)).toEqual({ items: [3, 4, 5], offset: 3, hasMore: true, totalCount: 7 });
    expect(pages).toEqual([[2, 3]]);
    pages.length = 0;
    expect((await windowFromPages({ offset: 4, limit: 3 }, fetchPage)).items).toEqual([4, 5, 6]);
    expect(pages).toEqual([[2, 3], [3, 3]]);
    expect((await windowFromPages({ offset: 6, limit: 3 }, fetchPage)).hasMore).toBe(false);
  });
});

const consent = (status: 'ACTIVE' | 'INACTIVE', arrangements: Array<['ACTIVE' | 'REVOKED', string[]]>, receiptId = 'r-1'): Consent => ({
  ref: ref('MASTERCARD_AU', 'Consent', receiptId, '2488801'),
  provider: 'MASTERCARD_AU',
  receiptId,
  receiptVersion: 1,
  customerRef: ref('MASTERCARD_AU', 'Customer', '2488801'),
  status,
  statusAt: null,
  purpose: null,
  purposeStatement: null,
  applicationName: null,
  customerCategory: null,
  allowedHistoryDays: null,
  createdAt: new Date(receiptId === 'r-1' ? 1000 : 2000),
  accessStart: null,
  accessEnd: null,
  arrangements: arrangements.map(([arrangementStatus, accountIds], index) => ({
    institutionId: '200003',
    institutionName: null,
    institutionLoginId: String(index),
    status: arrangementStatus,
    providerStatus: arrangementStatus,
    statusAt: null,
    createdAt: null,
    accessStart: null,
    accessEnd: null,
    accountIds,
    dataScopes: [],
    lastUpdatedBy: null,
  })),
});

const response = (status: number, body: unknown): UpstreamResponse => ({
  status,
  headers: {},
  contentType: 'application/json',
  text: JSON.stringify(body),
  json: body,
});

describe('consent book and CONSENT_REVOKED', () => {
  const newBook = () => createConsentBook({ provider: 'MASTERCARD_AU', store: new Keyv() });
  it('sends the newest active receipt, and nothing for a customer it has not seen', async () => {
    const book = newBook();
    const hooks = consentHooks(book);
    const request = { operation: 'accounts.list', method: 'GET' as const, path: '/x', data: { customerId: '2488801' } };
    expect(await hooks.dataHeaders!(request)).toEqual({});
    await book.remember(consent('INACTIVE', [['REVOKED', ['1']]], 'r-1'));
    await book.remember(consent('ACTIVE', [['ACTIVE', ['2']]], 'r-2'));
    expect(await hooks.dataHeaders!(request)).toEqual({ 'Consent-Receipt-Id': 'r-2' });
    expect(await hooks.dataHeaders!({ ...request, data: undefined })).toEqual({});
  });

  it('learns the receipt of a customer it has not seen once, shared by concurrent calls', async () => {
    const book = newBook();
    let lists = 0;
    const hooks = consentHooks(book, async () => {
      lists += 1;
      await book.remember(consent('ACTIVE', [['ACTIVE', ['2']]], 'r-9'));
    });
    const request = { operation: 'accounts.list', method: 'GET' as const, path: '/x', data: { customerId: '2488801' } };
    const answers = await Promise.all([hooks.dataHeaders!(request), hooks.dataHeaders!(request)]);
    expect(answers).toEqual([{ 'Consent-Receipt-Id': 'r-9' }, { 'Consent-Receipt-Id': 'r-9' }]);
    await hooks.dataHeaders!(request);
    expect(lists).toBe(1);
  });

  it('reads 10005 on a data call sent without a receipt (the customer has no consent) as "nothing shared"', async () => {
    const book = newBook();
    const hooks = consentHooks(book, async () => undefined);
    const request = { operation: 'accounts.list', method: 'GET' as const, path: '/x', data: { customerId: '2488801' } };
    expect(await hooks.dataHeaders!(request)).toEqual({});
    const missing = toGatewayError('MASTERCARD_AU', response(400, { code: '10005', message: 'Missing parameter (Consent-Receipt-Id)' }), 'accounts.list');
    expect(await hooks.mapError!(missing, request)).toBeInstanceOf(NoConsentError);
    expect((await hooks.mapError!(missing, request)).code).toBe('NOT_FOUND');
    // With a receipt sent, a 10005 is the provider's own complaint about another parameter.
    expect((await hooks.mapError!(missing, { ...request, extraHeaders: { 'Consent-Receipt-Id': 'r-1' } })).code).toBe(missing.code);
  });

  it('turns 10215 on a data call and 38003 on a revoked account into CONSENT_REVOKED, and nothing else', async () => {
    const book = newBook();
    const hooks = consentHooks(book);
    await book.remember(consent('ACTIVE', [['ACTIVE', ['1']], ['REVOKED', ['2']]]));
    const receipt = (await book.receiptFor('2488801'))!;
    const notFound = toGatewayError('MASTERCARD_AU', response(404, { code: '38003', message: 'no account' }), 'accounts.get');
    const data = (accountId: string) => ({
      operation: 'accounts.get',
      method: 'GET' as const,
      path: '/x',
      data: { customerId: '2488801', accountId },
      extraHeaders: { 'Consent-Receipt-Id': receipt },
    });
    expect((await hooks.mapError!(notFound, data('2'))).code).toBe('CONSENT_REVOKED');
    expect((await hooks.mapError!(notFound, data('1'))).code).toBe('NOT_FOUND');
    expect((await hooks.mapError!(notFound, data('9'))).code).toBe('NOT_FOUND');

    const receiptGone = toGatewayError('MASTERCARD_AU', response(404, { code: '10215', message: 'Consent receipt not found' }), 'accounts.list');
    const mapped = await hooks.mapError!(receiptGone, data('1'));
    expect(mapped).toMatchObject({ code: 'CONSENT_REVOKED', providerCode: '10215', retryable: false });
    // The book now knows the consent is inactive: every account of it is withdrawn.
    expect((await hooks.mapError!(notFound, data('1'))).code).toBe('CONSENT_REVOKED');
    // A consent API call (no data scope) keeps its own meaning.
    expect((await hooks.mapError!(receiptGone, { operation: 'consents.get', method: 'GET', path: '/x' })).code).toBe('NOT_FOUND');
  });

  it('takes the retry hint of "account being aggregated" from Retry-After when there is one', () => {
    const withHint = { ...response(500, { code: 5006, message: 'Account being aggregated' }), headers: { 'retry-after': '12' } };
    expect(toGatewayError('MASTERCARD_AU', withHint, 'x')).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, retryAfterMs: 12_000 });
    expect(toGatewayError('MASTERCARD_AU', response(500, { code: 5006, message: 'x' }), 'x').retryAfterMs).toBe(30_000);
  });
});
