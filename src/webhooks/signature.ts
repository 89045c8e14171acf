import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 of `raw` keyed with `secret`, as lowercase hex: the form of Mastercard's
 * `Event-Signature` (consent notifications, keyed with the subscription's `signingKey`) and
 * `X-Signature` (Connect events, keyed with the partner secret) headers (seed 002,
 * "Consent notifications" and "Connect webhooks").
 */
export function hmacSha256Hex(secret: string | Buffer, raw: Buffer | string): string {
  return createHmac('sha256', secret).update(raw).digest('hex');
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Whether `header` is the hex HMAC-SHA256 of the **raw request bytes** under `secret`, compared in
 * constant time. The providers' own Node samples re-serialise the parsed body and compare with `!==`
 * (seed 002): a re-serialised body can differ from the signed bytes, and `!==` leaks timing. Never
 * throws: a missing, malformed or wrong-length header is `false`.
 */
export function verifyHmacSha256Hex(secret: string | Buffer, raw: Buffer, header: string | readonly string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const given = header.trim().replace(/^"|"$/g, '');
  if (!HEX_SHA256.test(given)) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
