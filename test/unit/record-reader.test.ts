import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { z as z3 } from 'zod/v4';
import { drainProviderWarnings } from '../../src/observability/data-warnings.js';
import { runInRequestScope, type RequestScope } from '../../src/observability/request-scope.js';
import { readOne, readRecord, readRecords, UnreadableRecord, type ReadContext } from '../../src/providers/record-reader.js';

const context: ReadContext = { provider: 'MASTERCARD_US', operation: 'things.list' };

const record = z.object({
  id: z.string(),
  amount: z.number(),
  note: z.string().nullish(),
  when: z.number().nullish(),
  nested: z.object({ label: z.string().nullish(), code: z.string() }).nullish(),
  items: z.array(z.object({ id: z.string(), size: z.number().nullish() })).default([]),
});

/** Runs `fn` inside a fresh request scope and returns its result with the warnings it raised. */
function scoped<T>(fn: () => T) {
  const scope: RequestScope = { requestId: 'test', warnings: [] };
  const result = runInRequestScope(scope, fn);
  return { result, warnings: drainProviderWarnings(scope).map(({ field, kind, count }) => ({ field, kind, count })) };
}

describe('record reader (issue 9, item 2)', () => {
  it('passes a valid record through unchanged, with no warning', () => {
    const valid = { id: 'a', amount: 1, note: 'n', when: 3, nested: { label: 'l', code: 'c' }, items: [{ id: 'i', size: 2 }] };
    expect(scoped(() => readRecord(record, valid, context))).toEqual({ result: valid, warnings: [] });
  });

  it('reads an optional member that is not what the document says as absent', () => {
    const { result, warnings } = scoped(() => readRecord(record, { id: 'a', amount: 1, when: 'yesterday', note: 42 }, context));
    expect(result).toEqual({ id: 'a', amount: 1, items: [] });
    expect(warnings).toEqual(expect.arrayContaining([{ field: 'when', kind: 'unparsable', count: 1 }, { field: 'note', kind: 'unparsable', count: 1 }]));
  });

  it('drops an optional object whose required member is missing, naming the object', () => {
    const { result, warnings } = scoped(() => readRecord(record, { id: 'a', amount: 1, nested: { label: 'x' } }, context));
    expect(result).toEqual({ id: 'a', amount: 1, items: [] });
    expect(warnings).toEqual([{ field: 'nested', kind: 'unparsable', count: 1 }]);
  });

  it('leaves out a nested element without an id, keeping its siblings', () => {
    const raw = { id: 'a', amount: 1, items: [{ id: 'x' }, { size: 3 }, { id: 'z', size: 'big' }] };
    const { result, warnings } = scoped(() => readRecord(record, raw, context));
    expect(result).toEqual({ id: 'a', amount: 1, items: [{ id: 'x' }, { id: 'z' }] });
    expect(warnings).toEqual(
      expect.arrayContaining([{ field: 'items.id', kind: 'missing_id', count: 1 }, { field: 'items.size', kind: 'unparsable', count: 1 }]),
    );
  });

  it('leaves out a record without a usable id or amount, and counts them folded', () => {
    const raws = [{ amount: 1 }, { id: 7, amount: 1 }, { id: 'b', amount: 'ten' }, 'not an object', { id: 'c', amount: 2 }];
    const { result, warnings } = scoped(() => readRecords(record, raws, context, (wire) => wire.id));
    expect(result).toEqual(['c']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        { field: 'id', kind: 'missing_id', count: 2 },
        { field: 'amount', kind: 'invalid_record', count: 1 },
        { field: '*', kind: 'invalid_record', count: 1 },
      ]),
    );
  });

  it('leaves out a record its mapper cannot place, naming the member', () => {
    const { result, warnings } = scoped(() =>
      readRecords(record, [{ id: 'a', amount: 1 }, { id: 'b', amount: -1 }], context, (wire) => {
        if (wire.amount < 0) throw new UnreadableRecord(context, 'amount');
        return wire.id;
      }),
    );
    expect(result).toEqual(['a']);
    expect(warnings).toEqual([{ field: 'amount', kind: 'invalid_record', count: 1 }]);
  });

  it('fails a single-record answer only when the record stays unusable', () => {
    expect(scoped(() => readOne(record, { id: 'a', amount: 1, when: 'x' }, context, (wire) => wire.id)).result).toBe('a');
    expect(() => scoped(() => readOne(record, { amount: 1 }, context, (wire) => wire.id))).toThrow(
      expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', retryable: true }),
    );
  });

  it('reads zod 3 schemas the same way (Caibo and OBP wire files)', () => {
    const v3 = z3.object({ id: z3.string(), date: z3.string().nullish() });
    const { result, warnings } = scoped(() => readRecords(v3, [{ id: 'a', date: 5 }, { date: 'x' }], context, (wire) => wire));
    expect(result).toEqual([{ id: 'a' }]);
    expect(warnings).toEqual(
      expect.arrayContaining([{ field: 'date', kind: 'unparsable', count: 1 }, { field: 'id', kind: 'missing_id', count: 1 }]),
    );
  });

  it('records nothing outside a request scope', () => {
    expect(readRecords(record, [{ amount: 1 }], context, (wire) => wire)).toEqual([]);
  });
});
