import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { scrubProviderMessage } from '../../src/http/upstream-status.js';
import { toGatewayError as caiboError } from '../../src/providers/caibo/errors.mapper.js';
import { toGatewayError as mastercardError } from '../../src/providers/mastercard/errors.mapper.js';
import { toGatewayError as obpError } from '../../src/providers/obp/errors.mapper.js';

/**
 * Properties of issue 9, item 3 over random answers: whatever an upstream sends outside its
 * documented error format, the caller gets PROVIDER_UNAVAILABLE (or RATE_LIMITED for a 429),
 * retryable, and no part of the body; and a documented message never carries a secret through.
 */
const mappers = [
  (r: UpstreamResponse) => mastercardError('MASTERCARD_AU', r, 'accounts.list'),
  (r: UpstreamResponse) => caiboError(r, 'customers.get'),
  (r: UpstreamResponse) => obpError(r, 'customers.get'),
];

/** A marker that cannot occur in any message the gateway writes itself. */
const secret = fc.stringMatching(/^[a-z0-9]{10,16}$/).map((s) => `zq${s}`);

const undocumentedBody = fc
  .tuple(fc.string({ maxLength: 200 }), secret, fc.constantFrom('<html><body>', '<pre>', 'Error: ', '', '{"errorMessage":"'))
  .map(([noise, marker, opening]) => ({ text: `${opening}${noise} ${marker} at db.internal`, marker }));

describe('classification properties', () => {
  it('an answer outside the documented format is unavailable and retryable (too large: the caller input), and never quoted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.constantFrom('text/html; charset=utf-8', 'text/plain', 'application/octet-stream', ''),
        undocumentedBody,
        fc.integer({ min: 0, max: mappers.length - 1 }),
        (status, contentType, body, which) => {
          const answer: UpstreamResponse = { status, headers: { 'content-type': contentType }, contentType, text: body.text, json: undefined };
          const error = mappers[which]!(answer);
          // 413/414/431 mean "too large" at every edge: the caller's input, not an outage (issue 18).
          const tooLarge = status === 413 || status === 414 || status === 431;
          expect(error.code).toBe(status === 429 ? 'RATE_LIMITED' : tooLarge ? 'BAD_USER_INPUT' : 'PROVIDER_UNAVAILABLE');
          expect(error.retryable).toBe(!tooLarge);
          expect(error.message).not.toContain(body.marker);
          expect(error.providerCode).toBeUndefined();
        },
      ),
    );
  });

  it('a scrubbed message is one short line without long digit runs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1000, unit: 'binary' }), (message) => {
        const scrubbed = scrubProviderMessage(message);
        if (scrubbed === undefined) return;
        expect(scrubbed.length).toBeLessThanOrEqual(200);
        expect(scrubbed).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(scrubbed).not.toMatch(/\d{6,}/);
      }),
    );
  });

  /**
   * SSN-, card- and account-like numbers written in groups (123-45-6789, 1234 5678 9012 3456,
   * 1234 5678): six digits or more in all, joined by spaces or dashes.
   */
  const groupedNumber = fc
    .oneof(
      fc.constant([3, 2, 4]),
      fc.constant([4, 4, 4, 4]),
      fc.constant([4, 4]),
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 6 }).filter((sizes) => sizes.reduce((a, b) => a + b, 0) >= 6),
    )
    .chain((sizes) =>
      fc.tuple(
        fc.tuple(...sizes.map((size) => fc.stringMatching(new RegExp(`^\\d{${size}}$`)))),
        fc.array(fc.constantFrom('-', ' ', ' - ', '  ', '\u2013', '\u00a0'), { minLength: sizes.length - 1, maxLength: sizes.length - 1 }),
      ),
    )
    .map(([groups, separators]) => groups.map((group, index) => (index === 0 ? group : `${separators[index - 1]}${group}`)).join(''));
  /** Six digits or more in groups joined by spaces or dashes, as the scrubber's own reading would find them. */
  const longGroup = (text: string): string | undefined =>
    text.match(/\p{Nd}+(?:[\s\u2010-\u2015\u2212-]+\p{Nd}+)*/gu)?.find((group) => (group.match(/\p{Nd}/gu) ?? []).length >= 6);

  it('a grouped personal number embedded anywhere in a message never survives, nor does any six-digit group', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), groupedNumber, fc.string({ maxLength: 80 }), (before, number, after) => {
        const scrubbed = scrubProviderMessage(`${before}${number}${after}`) ?? '';
        expect(scrubbed).not.toContain(number);
        expect(longGroup(scrubbed)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('a credential inside a documented message never passes through', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.constantFrom('password=', 'token: ', 'api_key=', 'Authorization: Bearer ', 'secret = ', 'AppKey='),
        secret,
        fc.string({ maxLength: 80 }),
        (before, key, marker, after) => {
          expect(scrubProviderMessage(`${before} ${key}${marker} ${after}`) ?? '').not.toContain(marker);
        },
      ),
    );
  });
});
