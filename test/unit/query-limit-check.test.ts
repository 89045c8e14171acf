import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import { DEFAULT_MODULES, keysOf } from '../../src/providers/modules.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/security/limits.js';
import { createQueryLimitCheck } from '../../src/security/query-limits.js';

describe('query limit check, per document', () => {
  it('remembers each document’s verdict and gives the same answer as a fresh check', () => {
    const schema = buildGatewaySchema(keysOf(DEFAULT_MODULES));
    const check = createQueryLimitCheck(schema, DEFAULT_QUERY_LIMITS);
    const fine = '{ providers { provider } }';
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: providers { provider }`).join(' ')} }`;
    expect(check(fine)).toBeUndefined();
    expect(check(fine)).toBeUndefined();
    const refused = check(aliases);
    expect(refused?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    // The second answer is the remembered one, not a new walk of the document.
    expect(check(aliases)).toBe(refused);
    // A document over the token limit is refused every time without being remembered.
    const flood = `{ ${'providers { provider } '.repeat(DEFAULT_QUERY_LIMITS.maxTokens)} }`;
    const first = check(flood);
    expect(first?.extensions.limit).toBe('tokens');
    expect(check(flood)).not.toBe(first);
  });
});
