import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { scrubProviderMessage } from '../../src/http/upstream-status.js';
import { toGatewayError as caiboError } from '../../src/providers/caibo/errors.mapper.js';
import { isOutage, toGatewayError as mastercardError } from '../../src/providers/mastercard/errors.mapper.js';
import { toGatewayError as obpError } from '../../src/providers/obp/errors.mapper.js';

/**
 * Issue 9, item 3: an answer is read by the provider's documented error format, and only then by
 * its status. Anything else — an edge proxy's HTML page, an empty body, JSON of another shape — is
 * PROVIDER_UNAVAILABLE and retryable, and its body never reaches the message.
 */
function response(status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): UpstreamResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = typeof body === 'string' ? JSON.parse(body) : body;
  } catch {
    json = undefined;
  }
  return { status, headers: { 'content-type': contentType, ...headers }, contentType, text, json };
}

const mappers = {
  MASTERCARD_US: (r: UpstreamResponse) => mastercardError('MASTERCARD_US', r, 'customers.get'),
  CAIBO_IPG: (r: UpstreamResponse) => caiboError(r, 'customers.get'),
  OBP: (r: UpstreamResponse) => obpError(r, 'customers.get'),
};

const SECRET_PAGE = '<html><body>upstream db-7.corp.internal:5432 password=hunter2 token=eyJhbGciOiJIUzI1NiJ9.abc</body></html>';

describe('answers outside the documented error format', () => {
  const undocumented: Array<[string, UpstreamResponse]> = [
    ['HTML 404 from the edge', response(404, SECRET_PAGE, 'text/html; charset=utf-8')],
    ['HTML 500 stack page', response(500, SECRET_PAGE, 'text/html')],
    ['empty 404', response(404, '', '')],
    ['JSON of another shape', response(404, { errorMessage: 'Not Found', host: 'db-7.corp.internal' })],
    ['plain-text 403', response(403, 'Forbidden by policy hunter2', 'text/plain')],
  ];
  for (const [name, mapper] of Object.entries(mappers)) {
    it.each(undocumented)(`${name}: %s → PROVIDER_UNAVAILABLE, retryable, body never quoted`, (_case, answer) => {
      const error = mapper(answer);
      expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, providerStatus: answer.status, providerCode: undefined });
      expect(error.message).not.toMatch(/hunter2|db-7|eyJ|<|Forbidden by|errorMessage/);
    });
  }

  it('keeps a 429 from the edge RATE_LIMITED with its Retry-After', () => {
    const error = mappers.OBP(response(429, '<html>slow down</html>', 'text/html', { 'retry-after': '7' }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 7_000 });
  });
});

describe('answers in the documented error format', () => {
  it.each([
    ['MASTERCARD_US', response(404, { code: 14001, message: 'Customer not found.' }), 'NOT_FOUND'],
    ['MASTERCARD_US', response(401, 'Invalid (Finicity-App-Key)', 'text/plain'), 'PROVIDER_AUTH_FAILED'],
    ['CAIBO_IPG', response(404, { error: { code: 'CUSTOMER_NOT_FOUND', message: 'Customer with ID 12345678 not found' } }), 'NOT_FOUND'],
    ['CAIBO_IPG', response(404, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: 'Not Found', status: 404 }, 'application/problem+json'), 'NOT_FOUND'],
    ['CAIBO_IPG', response(401, '', '', { 'www-authenticate': 'Bearer error="invalid_token"' }), 'PROVIDER_AUTH_FAILED'],
    ['OBP', response(404, { code: 404, message: 'OBP-30046: Customer not found. Please specify a valid value for CUSTOMER_ID.' }), 'NOT_FOUND'],
  ] as const)('%s %#: → %s', (provider, answer, code) => {
    expect(mappers[provider](answer).code).toBe(code);
  });

  it('does not count Mastercard\'s documented "still aggregating" 500 as an outage, but any other 5xx', () => {
    expect(isOutage(response(500, { code: 5006, message: 'Account is being aggregated' }))).toBe(false);
    expect(isOutage(response(500, { code: 10000, message: 'Internal error' }))).toBe(true);
    expect(isOutage(response(500, SECRET_PAGE, 'text/html'))).toBe(true);
  });
});

describe('scrubProviderMessage', () => {
  it.each([
    ['Customer with ID 16772748432912011 not found', '16772748432912011'],
    ["The value 'jane@example.com' is not valid.", 'jane@example.com'],
    ['Login failed for password=hunter2 user', 'hunter2'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig rejected', 'eyJ'],
    ['Timeout talking to db-primary.internal.corp:5432', 'db-primary'],
    ['See https://internal.example/trace/123 for details', 'internal.example'],
    ['OBP-20003: This DirectLogin token is invalid or expired: 6f1c2b7a9d8e4f3a2b1c0d9e8f7a6b5c', '6f1c2b7a'],
    ['<b>bold</b> move', '<b>'],
    ['Invalid SSN 123-45-6789 for consumer', '123-45'],
    ['Card 1234-5678-9012-3456 declined', '1234-5678'],
    ['Card 1234 5678 9012 3456 declined', '5678 9012'],
    ['Account 1234 5678 is closed', '1234 5678'],
  ])('removes what may be secret or personal: %s', (message, secret) => {
    expect(scrubProviderMessage(message)).not.toContain(secret);
  });

  it('keeps the provider\'s own words and codes readable, on one short line', () => {
    expect(scrubProviderMessage('OBP-30001: Bank not found.')).toBe('OBP-30001: Bank not found.');
    expect(scrubProviderMessage('Account 15415500123 is being aggregated')).toBe('Account …0123 is being aggregated');
    expect(scrubProviderMessage('line one\nline two')).toBe('line one line two');
    expect(scrubProviderMessage('x'.repeat(500))!.length).toBeLessThanOrEqual(200);
    expect(scrubProviderMessage('   ')).toBeUndefined();
    expect(scrubProviderMessage('Invalid SSN 123-45-6789 for consumer')).toBe('Invalid SSN …6789 for consumer');
    // Short numbers stay; a dashed date has eight digits and is masked on purpose (README, Errors).
    expect(scrubProviderMessage('Error 404: 3 of 12 items, page 2-3')).toBe('Error 404: 3 of 12 items, page 2-3');
    expect(scrubProviderMessage('No data before 2024-01-05')).toBe('No data before …0105');
  });
});
