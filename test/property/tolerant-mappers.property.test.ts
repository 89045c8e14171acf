import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCustomer as toCaiboCustomer } from '../../src/providers/caibo/customers.mapper.js';
import { toPaymentRequest } from '../../src/providers/caibo/payment-requests.mapper.js';
import { clientSchema, paymentRequestSchema } from '../../src/providers/caibo/wire.js';
import { toAccount as toMastercardAccount } from '../../src/providers/mastercard/accounts.mapper.js';
import { AU_REGION } from '../../src/providers/mastercard/au.js';
import { consentSchema, toConsent } from '../../src/providers/mastercard/consents.js';
import { toCustomer as toMastercardCustomer } from '../../src/providers/mastercard/customers.mapper.js';
import { institutionSchema, toInstitution } from '../../src/providers/mastercard/institutions.js';
import { toReport } from '../../src/providers/mastercard/lending/reports.mapper.js';
import { US_LENDING } from '../../src/providers/mastercard/lending/region.js';
import { reportSummarySchema } from '../../src/providers/mastercard/lending/wire.js';
import { toTransaction as toMastercardTransaction } from '../../src/providers/mastercard/transactions.mapper.js';
import { US_REGION } from '../../src/providers/mastercard/us.js';
import {
  accountSchema as mastercardAccountSchema,
  customerSchema as mastercardCustomerSchema,
  transactionSchema as mastercardTransactionSchema,
} from '../../src/providers/mastercard/wire.js';
import { toAccount as toObpAccount } from '../../src/providers/obp/accounts.mapper.js';
import { toBank } from '../../src/providers/obp/banks.mapper.js';
import { toCustomer as toObpCustomer } from '../../src/providers/obp/customers.mapper.js';
import { toTransaction as toObpTransaction } from '../../src/providers/obp/transactions.mapper.js';
import {
  accountSchema as obpAccountSchema,
  bankSchema,
  customerSchema as obpCustomerSchema,
  transactionSchema as obpTransactionSchema,
} from '../../src/providers/obp/wire.js';
import type { ProviderKey } from '../../src/domain/provider.js';
import { runInRequestScope, type ProviderDataWarning } from '../../src/observability/request-scope.js';
import { readRecords, readRecordsInPlace, type ReadContext, type RecordSchema } from '../../src/providers/record-reader.js';

/**
 * Issue 9, item 6: every adapter's mappers fed random records built from the provider's documented
 * fields with random values. Whatever a page holds, reading it never throws (no page fails because
 * of one record), and the valid records of the page come through exactly as they would alone.
 */
interface MapperCase {
  name: string;
  provider: ProviderKey;
  schema: RecordSchema<unknown>;
  map: (wire: never, context: ReadContext) => unknown;
  /** A record as the provider documents it. */
  valid: fc.Arbitrary<Record<string, unknown>>;
  /** The record's documented members, to fill with random values. */
  fields: readonly string[];
  idField?: string;
}

const digits = fc.stringMatching(/^[1-9]\d{0,15}$/);
const text = fc.string({ maxLength: 20 });
const epoch = fc.integer({ min: 946_684_800, max: 1_900_000_000 });
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
const decimal = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
const money = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });

/** What a provider might put in any member: wrong types, odd strings, nested junk. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.constantFrom('', ' ', 'null', 'NaN', '1e400', '2024-13-45', 'posted', 'ACTIVE', '-', '9'.repeat(30)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 2 }),
);

const CASES: MapperCase[] = [
  {
    name: 'Mastercard transactions',
    provider: 'MASTERCARD_US',
    schema: mastercardTransactionSchema,
    map: (wire, context) => toMastercardTransaction(US_REGION, wire, '1005061234', context),
    valid: fc.record({
      id: fc.oneof(digits, fc.integer({ min: 1 })),
      amount: money,
      accountId: fc.integer({ min: 1 }),
      customerId: fc.integer({ min: 1 }),
      status: fc.constantFrom('active', 'pending', 'shadow'),
      description: text,
      memo: text,
      postedDate: epoch,
      transactionDate: fc.oneof(epoch, epoch.map(String)),
      currencySymbol: fc.constantFrom('USD', '$', ''),
      categorization: fc.record({ normalizedPayeeName: text, category: text }),
    }),
    fields: ['id', 'amount', 'accountId', 'customerId', 'status', 'description', 'memo', 'type', 'transactionDate', 'postedDate', 'createdDate', 'currencySymbol', 'categorization'],
  },
  {
    name: 'Mastercard accounts',
    provider: 'MASTERCARD_US',
    schema: mastercardAccountSchema,
    map: (wire, context) => toMastercardAccount(US_REGION, wire, '1005061234', context),
    valid: fc.record({
      id: digits,
      number: digits,
      realAccountNumberLast4: fc.stringMatching(/^\d{4}$/),
      name: text,
      balance: money,
      type: fc.constantFrom('checking', 'savings', 'creditCard', 'mortgage', '401k', 'ugma', 'transactionAndSavings'),
      status: fc.constantFrom('active', 'pending'),
      customerId: digits,
      institutionId: fc.integer({ min: 1 }),
      balanceDate: epoch,
      currency: fc.constantFrom('USD', 'AUD'),
    }),
    fields: ['id', 'number', 'accountNumberDisplay', 'realAccountNumberLast4', 'name', 'balance', 'type', 'aggregationStatusCode', 'status', 'customerId', 'institutionId', 'institutionLoginId', 'balanceDate', 'createdDate', 'currency', 'marketSegment'],
  },
  {
    name: 'Mastercard customers',
    provider: 'MASTERCARD_AU',
    schema: mastercardCustomerSchema,
    map: (wire, context) => toMastercardCustomer(AU_REGION, wire, context),
    valid: fc.record({
      id: digits,
      username: text,
      firstName: text,
      lastName: text,
      type: fc.constantFrom('testing', 'active'),
      createdDate: epoch.map(String),
      category: fc.constantFrom('INDIVIDUAL', 'BUSINESS'),
      abn: fc.stringMatching(/^\d{11}$/),
    }),
    fields: ['id', 'username', 'firstName', 'lastName', 'phone', 'email', 'type', 'createdDate', 'lastModifiedDate', 'applicationId', 'category', 'abn'],
  },
  {
    name: 'Mastercard AU consents',
    provider: 'MASTERCARD_AU',
    schema: consentSchema,
    map: (wire, context) => toConsent(AU_REGION, wire, context),
    idField: 'consentReceiptId',
    valid: fc.record({
      consentReceiptId: fc.uuid(),
      customerId: digits,
      purpose: text,
      createdDate: isoDate,
      statusDetails: fc.record({ status: fc.constantFrom('ACTIVE', 'INACTIVE'), statusDate: isoDate }),
      institutions: fc.array(
        fc.record({
          institutionId: digits,
          institutionLoginId: digits,
          statusDetails: fc.record({ status: fc.constantFrom('ACTIVE', 'REVOKED', 'EXPIRED'), statusDate: isoDate }),
          accounts: fc.array(fc.record({ id: digits }), { maxLength: 3 }),
          dataScopes: fc.array(fc.record({ id: text }), { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
    }),
    fields: ['consentReceiptId', 'receiptVersion', 'customerId', 'customerCategory', 'purpose', 'allowedTrnxHistoryInDays', 'createdDate', 'statusDetails', 'institutions', 'accessPeriod'],
  },
  {
    name: 'Mastercard AU institutions',
    provider: 'MASTERCARD_AU',
    schema: institutionSchema,
    map: (wire) => toInstitution(AU_REGION, wire),
    valid: fc.record({ id: digits, name: text, currency: fc.constant('AUD'), transAgg: fc.boolean(), voa: fc.constantFrom(true, 'false') }),
    fields: ['id', 'name', 'urlHomeApp', 'oauthEnabled', 'currency', 'status', 'address', 'transAgg', 'ach', 'voi', 'voa', 'aha', 'availBalance', 'accountOwner', 'stateAgg'],
  },
  {
    name: 'Mastercard lending report lists',
    provider: 'MASTERCARD_US',
    schema: reportSummarySchema,
    map: (wire, context) => toReport(US_LENDING, wire, '1005061234', context),
    valid: fc.record({
      id: fc.stringMatching(/^[a-z0-9]{6,14}-(voa|voi|cfrb)$/),
      type: fc.constantFrom('voa', 'voi', 'cfrb', 'cfrp', 'voaHistory'),
      status: fc.constantFrom('inProgress', 'success', 'failure'),
      createdDate: epoch,
      consumerId: fc.stringMatching(/^[a-f0-9]{32}$/),
    }),
    fields: ['id', 'consumerId', 'requestId', 'createdDate', 'type', 'status'],
  },
  {
    name: 'Caibo payment requests',
    provider: 'CAIBO_IPG',
    schema: paymentRequestSchema,
    map: (wire, context) => toPaymentRequest(wire, context),
    valid: fc.record({
      id: fc.oneof(digits, fc.integer({ min: 1 })),
      clientId: digits,
      amount: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), decimal),
      unit: fc.constantFrom('usd', 'try', 'EUR'),
      transactionStatusId: fc.integer({ min: 0, max: 3 }),
      paymentRequestStatusId: fc.integer({ min: 1, max: 3 }),
      createDate: isoDate,
      notes: text,
      referenceId: text,
      link: fc.webUrl(),
    }),
    fields: ['id', 'paymentRequestStatusId', 'transactionStatusId', 'transactionId', 'transactionNumber', 'recipientName', 'amount', 'unit', 'referenceId', 'notes', 'link', 'createDate', 'clientId', 'client', 'logCreateDate', 'lastLog'],
  },
  {
    name: 'Caibo clients',
    provider: 'CAIBO_IPG',
    schema: clientSchema,
    map: (wire, context) => toCaiboCustomer(wire, context),
    valid: fc.record({ id: digits, name: text, email: text, phone: text, createDate: isoDate, totalDeposits: fc.oneof(fc.integer({ min: 0 }), decimal) }),
    fields: ['id', 'ownerId', 'userId', 'ownerName', 'name', 'email', 'address', 'phone', 'memberId', 'hasPaymentRequests', 'totalDeposits', 'createDate'],
  },
  {
    name: 'OBP transactions',
    provider: 'OBP',
    schema: obpTransactionSchema,
    map: (wire, context) => toObpTransaction(wire, 'gh.29.uk', 'acc-1', context),
    valid: fc.record({
      id: fc.uuid(),
      this_account: fc.record({ id: fc.constant('acc-1') }),
      other_account: fc.record({ id: fc.uuid(), holder: fc.record({ name: text }) }),
      details: fc.record({
        type: text,
        description: text,
        posted: isoDate,
        completed: isoDate,
        value: fc.record({ currency: fc.constantFrom('EUR', 'GBP'), amount: decimal }),
        new_balance: fc.record({ currency: fc.constantFrom('EUR', 'GBP'), amount: decimal }),
      }),
    }),
    fields: ['id', 'this_account', 'other_account', 'details'],
  },
  {
    name: 'OBP accounts',
    provider: 'OBP',
    schema: obpAccountSchema,
    map: (wire, context) => toObpAccount(wire, 'gh.29.uk', null, context),
    valid: fc.record({
      id: fc.uuid(),
      label: text,
      number: digits,
      product_code: fc.constantFrom('CURRENT PLUS', 'SAVINGS', 'Red Mastercard', '1234BW'),
      balance: fc.record({ currency: fc.constant('EUR'), amount: decimal }),
      bank_id: fc.constant('gh.29.uk'),
    }),
    fields: ['id', 'label', 'number', 'product_code', 'balance', 'bank_id', 'account_routings', 'owners'],
  },
  {
    name: 'OBP customers',
    provider: 'OBP',
    schema: obpCustomerSchema,
    map: (wire, context) => toObpCustomer(wire, 'gh.29.uk', context),
    idField: 'customer_id',
    valid: fc.record({
      customer_id: fc.uuid(),
      bank_id: fc.constant('gh.29.uk'),
      legal_name: text,
      email: text,
      date_of_birth: isoDate.map((date) => date.slice(0, 10)),
      kyc_status: fc.boolean(),
      dependants: fc.integer({ min: 0, max: 9 }),
    }),
    fields: ['bank_id', 'customer_id', 'customer_number', 'legal_name', 'mobile_phone_number', 'email', 'face_image', 'date_of_birth', 'relationship_status', 'dependants', 'credit_rating', 'credit_limit', 'kyc_status', 'last_ok_date', 'title'],
  },
  {
    name: 'OBP banks',
    provider: 'OBP',
    schema: bankSchema,
    map: (wire) => toBank(wire),
    valid: fc.record({ id: fc.stringMatching(/^[a-z]{2}\.\d{2}\.[a-z]{2,3}$/), short_name: text, full_name: text, website: fc.webUrl() }),
    fields: ['id', 'short_name', 'full_name', 'bank_code', 'logo', 'website', 'bank_routings', 'attributes'],
  },
];

/** A record built from the documented members, each missing or holding a random value; or not a record at all. */
function oddRecord(fields: readonly string[]): fc.Arbitrary<unknown> {
  const members = Object.fromEntries(fields.map((field) => [field, junk]));
  return fc.oneof(fc.record(members, { requiredKeys: [] }), junk);
}

/** A valid record with one documented member replaced by a random value (or removed). */
function nearlyValid(valid: fc.Arbitrary<Record<string, unknown>>, fields: readonly string[]): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.constantFrom(...fields), fc.option(junk, { nil: undefined })).map(([record, field, value]) => {
    const copy: Record<string, unknown> = { ...record };
    if (value === undefined) delete copy[field];
    else copy[field] = value;
    return copy;
  });
}

function inScope<T>(fn: () => T): { result: T; warnings: ProviderDataWarning[] } {
  const warnings: ProviderDataWarning[] = [];
  const result = runInRequestScope({ requestId: 'property', warnings }, fn);
  return { result, warnings };
}

describe('tolerant mappers: no page fails because of one record (issue 9, property-based)', () => {
  for (const mapperCase of CASES) {
    const { name, schema, valid, fields } = mapperCase;
    const context: ReadContext = { provider: mapperCase.provider, operation: 'property.list' };
    const options = mapperCase.idField ? { idField: mapperCase.idField } : undefined;
    const map = (wire: unknown) => mapperCase.map(wire as never, context);
    const parse = (raw: unknown): unknown => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new Error(`the generator built an invalid ${name} record`);
      return parsed.data;
    };
    const alone = (raw: unknown) => inScope(() => readRecords(schema, [raw], context, map, options)).result[0];

    describe(name, () => {
      it('reads a page of documented records whole, unchanged and without a warning', () => {
        fc.assert(
          fc.property(fc.array(valid, { maxLength: 12 }), (page) => {
            const { result, warnings } = inScope(() => readRecords(schema, page, context, map, options));
            expect(warnings).toEqual([]);
            expect(result).toHaveLength(page.length);
            expect(result).toEqual(page.map((raw) => map(parse(raw))));
          }),
        );
      });

      it('never fails a page for its odd records, and keeps every valid one exactly as it reads alone', () => {
        const entry = fc.oneof(
          valid.map((raw) => ({ valid: true as const, raw: raw as unknown })),
          oddRecord(fields).map((raw) => ({ valid: false as const, raw })),
          nearlyValid(valid, fields).map((raw) => ({ valid: false as const, raw })),
        );
        fc.assert(
          fc.property(fc.array(entry, { maxLength: 12 }), (page) => {
            const { result } = inScope(() => readRecordsInPlace(schema, page.map((item) => item.raw), context, map, options));
            expect(result).toHaveLength(page.length);
            page.forEach((item, index) => {
              if (item.valid) expect(result[index]).toEqual(alone(item.raw));
            });
          }),
        );
      });

      it('counts every record it leaves out as a warning', () => {
        fc.assert(
          fc.property(fc.array(fc.oneof(valid, oddRecord(fields)), { maxLength: 12 }), (raws) => {
            const { result, warnings } = inScope(() => readRecords(schema, raws, context, map, options));
            const dropped = warnings.filter((warning) => warning.kind === 'missing_id' || warning.kind === 'invalid_record');
            expect(dropped.reduce((sum, warning) => sum + warning.count, 0)).toBeGreaterThanOrEqual(raws.length - result.length);
            // A warning names a member, never a value.
            for (const warning of warnings) expect(Object.keys(warning).sort()).toEqual(['count', 'field', 'kind', 'operation', 'provider']);
          }),
        );
      });
    });
  }

  it('keeps any Mastercard transaction status: known ones mapped, any other OTHER with the raw value', () => {
    const base = { id: 1, amount: 1.5, postedDate: 1_700_000_000 };
    fc.assert(
      fc.property(fc.string(), (status) => {
        const context: ReadContext = { provider: 'MASTERCARD_US', operation: 'property.status' };
        const [transaction] = inScope(() =>
          readRecords(mastercardTransactionSchema, [{ ...base, status }], context, (wire) => toMastercardTransaction(US_REGION, wire, '1', context)),
        ).result;
        expect(transaction?.providerStatus).toBe(status);
        const known = new Map([
          ['active', 'POSTED'],
          ['pending', 'PENDING'],
          ['shadow', 'SHADOW'],
        ]);
        expect(transaction?.status).toBe(known.get(status.toLowerCase()) ?? 'OTHER');
      }),
    );
  });
});
