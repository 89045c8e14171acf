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
