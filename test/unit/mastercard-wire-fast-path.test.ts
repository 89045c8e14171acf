import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecord, type ReadContext, type RecordSchema } from '../../src/providers/record-reader.js';
import { customerRecord, fastCustomer, fastTransaction, transactionRecord } from '../../src/providers/mastercard/wire-fast-path.js';
import { accountListSchema, customerListSchema, customerSchema, transactionListSchema, transactionSchema } from '../../src/providers/mastercard/wire.js';

/**
 * Issue 17: the hand-written transaction reader in front of the zod schema answers only where zod
 * would accept, with the very data zod builds (members, order, stripping); everything else is zod's.
 */

const context: ReadContext = { provider: 'MASTERCARD_US', operation: 'test' };

/** Every member either absent or one of the values the document allows — and many it does not. */
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 1.5),
  fc.integer(),
  fc.string({ maxLength: 6 }),
  fc.stringMatching(/^\d{1,10}$/),
  fc.constantFrom([], {}, ['1'], { category: 'x' }),
);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null));
const id = fc.oneof(fc.stringMatching(/^\d{1,12}$/), fc.integer({ min: 0 }), fc.string({ maxLength: 6 }));
const epoch = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800 }), fc.stringMatching(/^\d{1,10}$/), fc.constant(null));
const categorization = fc.oneof(
  fc.constant(null),
  fc.record(
    { normalizedPayeeName: text, category: text, bestRepresentation: text, country: fc.string({ maxLength: 3 }) },
    { requiredKeys: [] },
  ),
);
const wellFormed = fc.record(
  {
    id,
    amount: fc.double({ noNaN: true, noDefaultInfinity: true }),
    accountId: fc.oneof(id, fc.constant(null)),
    customerId: fc.oneof(id, fc.constant(null)),
    status: text,
    description: text,
    memo: text,
    type: text,
    transactionDate: epoch,
    postedDate: epoch,
    createdDate: epoch,
    currencySymbol: text,
    categorization,
    extra: fc.anything(),
  },
  { requiredKeys: ['id', 'amount'] },
);
const MEMBERS = ['id', 'amount', 'accountId', 'customerId', 'status', 'memo', 'transactionDate', 'postedDate', 'currencySymbol', 'categorization'];
/** A well-formed record with one to three members replaced by odd values (absent, wrong type, present as undefined). */
const mangled = fc
  .tuple(wellFormed, fc.array(fc.tuple(fc.constantFrom(...MEMBERS), odd), { minLength: 1, maxLength: 3 }))
  .map(([record, changes]) => {
    const copy: Record<string, unknown> = { ...record };
    for (const [member, value] of changes) copy[member] = value;
    return copy;
  });

/** The fast reader builds exactly what zod builds for every well-formed record: members, values and order. */
function readsLikeZod<T>(fast: (raw: unknown) => T | undefined, schema: RecordSchema<T>, records: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(records, (raw) => {
      const slow = schema.safeParse(raw);
      expect(slow.success).toBe(true);
      const data = fast(raw);
      expect(data).toStrictEqual(slow.success ? slow.data : undefined);
      expect(Object.keys(data as object)).toEqual(Object.keys(slow.success ? (slow.data as object) : {}));
    }),
    { numRuns: 500 },
  );
}

/** On odd records the fast reader answers only where zod accepts, with zod's data; the reader with it in front reads as zod does. */
function defersToZod<T>(fast: (raw: unknown) => T | undefined, record: RecordSchema<T>, schema: RecordSchema<T>, records: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(fc.oneof(records, fc.anything()), (raw) => {
      const data = fast(raw);
      const slow = schema.safeParse(raw);
      if (data !== undefined) {
        expect(slow.success).toBe(true);
        expect(data).toStrictEqual(slow.success ? slow.data : undefined);
        expect(Object.keys(data as object)).toEqual(Object.keys(slow.success ? (slow.data as object) : {}));
      }
      expect(record.safeParse(raw)).toStrictEqual(slow);
      expect(readRecord(record, raw, context)).toStrictEqual(readRecord(schema, raw, context));
    }),
    { numRuns: 1000 },
  );
}

describe('Mastercard transaction fast path', () => {
  it('reads every well-formed record itself, exactly as the zod schema does', () => {
    readsLikeZod(fastTransaction, transactionSchema, wellFormed);
  });

  it('answers an odd record only where zod accepts it, with the same data; otherwise zod decides', () => {
    defersToZod(fastTransaction, transactionRecord, transactionSchema, mangled);
  });

  it('leaves a record it cannot read to zod, whose issue names the member', () => {
    const result = transactionRecord.safeParse({ id: '1', amount: 'ten' });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues[0]?.path).toEqual(['amount']);
    expect(fastTransaction({ id: '1', amount: 1, postedDate: '17e8' })).toBeUndefined();
  });
});

describe('Mastercard list envelopes', () => {
  it('keep the raw records array as it came, read an absent one as none, and refuse a non-array', () => {
    const transactions = [{ id: 1 }, 'odd', null];
    expect(transactionListSchema.parse({ transactions }).transactions).toBe(transactions);
    expect(accountListSchema.parse({}).accounts).toEqual([]);
    expect(customerListSchema.parse({ found: 0 }).customers).toEqual([]);
    expect(transactionListSchema.safeParse({ transactions: { 0: {} } }).success).toBe(false);
    expect(accountListSchema.safeParse({ accounts: null }).success).toBe(false);
  });
});

const wellFormedCustomer = fc.record(
  {
    id,
    username: text,
    firstName: text,
    lastName: text,
    phone: text,
    email: text,
    type: text,
    createdDate: epoch,
    lastModifiedDate: epoch,
    applicationId: text,
    category: text,
    abn: text,
    extra: fc.anything(),
    another: fc.string(),
  },
  { requiredKeys: ['id'] },
);
const CUSTOMER_MEMBERS = ['id', 'username', 'firstName', 'email', 'createdDate', 'lastModifiedDate', 'category', 'abn', '__proto__'];
const mangledCustomer = fc
  .tuple(wellFormedCustomer, fc.array(fc.tuple(fc.constantFrom(...CUSTOMER_MEMBERS), odd), { minLength: 1, maxLength: 3 }))
  .map(([record, changes]) => {
    const copy: Record<string, unknown> = { ...record };
    for (const [member, value] of changes) Object.defineProperty(copy, member, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

describe('Mastercard customer fast path (passthrough schema)', () => {
  it('reads every well-formed customer exactly as the zod schema does, unknown members kept in order', () => {
    readsLikeZod(fastCustomer, customerSchema, wellFormedCustomer);
  });

  it('answers an odd customer only where zod accepts it, with the same data; otherwise zod decides', () => {
    defersToZod(fastCustomer, customerRecord, customerSchema, mangledCustomer);
  });
});
