import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { refreshAtOf } from '../../src/providers/caibo/caibo-client.js';
import { inputFieldOf, isInvalidToken, toGatewayError } from '../../src/providers/caibo/errors.mapper.js';
import { parseJsonLossless } from '../../src/providers/caibo/lossless-json.js';
import { paymentRequestStatusOf, toPaymentRequest } from '../../src/providers/caibo/payment-requests.mapper.js';
import { paymentRequestSchema } from '../../src/providers/caibo/wire.js';

function response(status: number, body: unknown, headers: Record<string, string> = {}): UpstreamResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, contentType: 'application/problem+json', text, json: undefined };
}

describe('Caibo lossless JSON', () => {
  it('keeps 17-digit ids exact and leaves amounts and short numbers alone', () => {
    const text = '{"id":16772761082427695,"amount":49.99,"n":123,"neg":-12345678901234567,"s":"16772761082427695 in text \\" 16772761082427695"}';
    const parsed = parseJsonLossless(text) as Record<string, unknown>;
    expect(parsed).toEqual({ id: '16772761082427695', amount: 49.99, n: 123, neg: '-12345678901234567', s: '16772761082427695 in text " 16772761082427695' });
    // What plain JSON.parse would have made of it:
    expect(String((JSON.parse(text) as { id: number }).id)).not.toBe('16772761082427695');
    expect(parseJsonLossless('[1,2,9007199254740993.5]')).toEqual([1, 2, 9007199254740993.5]);
    expect(parseJsonLossless('not json')).toBeUndefined();
  });

  it('maps a 17-digit payment request id to the same string everywhere', () => {
    const wire = paymentRequestSchema.parse(
      parseJsonLossless('{"id":16772761082427695,"clientId":16772748432912011,"amount":10,"unit":"usd","transactionStatusId":0,"paymentRequestStatusId":2}'),
    );
    const request = toPaymentRequest(wire, { provider: 'CAIBO_IPG', operation: 'test' });
    expect(request.providerId).toBe('16772761082427695');
    expect(request.customerRef?.id).toBe('16772748432912011');
    expect(request.amount).toEqual({ amount: '10.00', currency: 'USD' });
    expect(request.transaction.accountRef).toBeNull();
  });
});

describe('Caibo statuses', () => {
  const cases: Array<[number | null, number | null, string]> = [
    [0, 2, 'WAITING'],
    [null, null, 'WAITING'],
    [3, 2, 'PENDING'],
    [1, 1, 'APPROVED'],
    [2, 2, 'DECLINED'],
    [0, 3, 'CANCELLED'],
    [1, 3, 'CANCELLED'],
  ];
  it.each(cases)('transactionStatusId %s, paymentRequestStatusId %s → %s', (transactionStatusId, paymentRequestStatusId, expected) => {
    expect(paymentRequestStatusOf({ transactionStatusId, paymentRequestStatusId })).toBe(expected);
  });

  it('an undocumented status id is OTHER where it decides (tolerant reading, issue 9), not an error', () => {
    expect(paymentRequestStatusOf({ transactionStatusId: 9, paymentRequestStatusId: 2 })).toBe('OTHER');
    expect(paymentRequestStatusOf({ transactionStatusId: 0, paymentRequestStatusId: 7 })).toBe('OTHER');
    // A cancelled request is cancelled whatever its last attempt says.
    expect(paymentRequestStatusOf({ transactionStatusId: 9, paymentRequestStatusId: 3 })).toBe('CANCELLED');
  });
});

describe('Caibo errors', () => {
  it('maps a validation ProblemDetails to BAD_USER_INPUT naming the gateway field', () => {
    const error = toGatewayError(
      response(400, {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { email: ['The email field is not a valid e-mail address.'] },
      }),
      'customers.create',
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email', providerStatus: 400, providerCode: 'https://tools.ietf.org/html/rfc9110#section-15.5.1' });
  });

  it('names nested and JSON-path fields the way the gateway input does', () => {
    expect(inputFieldOf('$.name')).toBe('input.name');
    expect(inputFieldOf('client.email')).toBe('input.customerId');
    expect(inputFieldOf('$.unit')).toBe('input.currency');
    expect(inputFieldOf('MemberId')).toBe('input.memberId');
    expect(inputFieldOf('$')).toBeNull();
    expect(inputFieldOf('')).toBeNull();
  });

  it('maps the {"error":{code}} body to NOT_FOUND with the code, and never quotes the request', () => {
    const error = toGatewayError(
      response(404, { error: { code: 'CUSTOMER_NOT_FOUND', message: 'Customer with ID 16772748432912011 not found', details: {} } }),
      'customers.get',
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', providerCode: 'CUSTOMER_NOT_FOUND', provider: 'CAIBO_IPG' });
    expect(error.message).not.toContain('16772748432912011');
    const quoted = toGatewayError(response(400, { type: 't', title: 'x', errors: { id: ["The value 'secret-ish' is not valid."] } }), 'op');
    expect(quoted.message).not.toContain('secret-ish');
  });

  it('maps 401 to PROVIDER_AUTH_FAILED, 5xx to PROVIDER_UNAVAILABLE, a bare 404 (an unknown path) to PROVIDER_UNAVAILABLE', () => {
    expect(toGatewayError(response(401, { type: 't', title: 'Unauthorized', status: 401 }), 'op').code).toBe('PROVIDER_AUTH_FAILED');
    const unavailable = toGatewayError(response(500, { type: 't', title: 'An error occurred while processing your request.' }), 'op');
    expect(unavailable).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, providerStatus: 500 });
    expect(toGatewayError(response(503, ''), 'op').code).toBe('PROVIDER_UNAVAILABLE');
    expect(toGatewayError(response(404, ''), 'op')).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, providerCode: undefined });
  });

  it('tells an invalid token from other 401s', () => {
    expect(isInvalidToken(response(401, '', { 'www-authenticate': 'Bearer error="invalid_token", error_description="The token expired"' }))).toBe(true);
    expect(isInvalidToken(response(401, '', { 'www-authenticate': 'ApiKey' }))).toBe(false);
    expect(isInvalidToken(response(401, '', { 'www-authenticate': 'Bearer' }))).toBe(false);
    expect(isInvalidToken(response(403, '', { 'www-authenticate': 'Bearer error="invalid_token"' }))).toBe(false);
  });

  it('refreshes a login token a minute before expireDate, or a tenth of a short lifetime', () => {
    expect(refreshAtOf(0, 3_600_000)).toBe(3_540_000);
    expect(refreshAtOf(0, 100_000)).toBe(90_000);
  });
});
