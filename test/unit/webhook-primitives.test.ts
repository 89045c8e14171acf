import Fastify from 'fastify';
import fc from 'fast-check';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/security/secret-box.js';
import { registerRawBodyRoute } from '../../src/webhooks/raw-body.js';
import { createReplayGuard } from '../../src/webhooks/replay-guard.js';
import { hmacSha256Hex, verifyHmacSha256Hex } from '../../src/webhooks/signature.js';

describe('webhook signatures over raw bytes', () => {
  it('accepts exactly the signature of the bytes under the key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (bytes, key, other) => {
        const raw = Buffer.from(bytes);
        const signature = hmacSha256Hex(key, raw);
        expect(verifyHmacSha256Hex(key, raw, signature)).toBe(true);
        expect(verifyHmacSha256Hex(key, raw, `"${signature.toUpperCase()}"`)).toBe(true);
        if (other !== key) expect(verifyHmacSha256Hex(other, raw, signature)).toBe(false);
        expect(verifyHmacSha256Hex(key, Buffer.concat([raw, Buffer.from(' ')]), signature)).toBe(false);
      }),
    );
    expect(verifyHmacSha256Hex('k', Buffer.from('{}'), undefined)).toBe(false);
    expect(verifyHmacSha256Hex('k', Buffer.from('{}'), 'abc')).toBe(false);
    expect(verifyHmacSha256Hex('k', Buffer.from('{}'), ['a'])).toBe(false);
  });
});

describe('replay guard', () => {
  it('says first-seen once per id and again after forget', async () => {
    const guard = createReplayGuard(new Keyv(), 'test', 60_000);
    expect(await guard.firstSeen('e1')).toBe(true);
    expect(await guard.firstSeen('e1')).toBe(false);
    expect(await guard.firstSeen('e2')).toBe(true);
    await guard.forget('e1');
    expect(await guard.firstSeen('e1')).toBe(true);
  });
});

describe('secret box', () => {
  it('round-trips, refuses another key and an altered value, and never contains the secret', () => {
    const box = createSecretBox('k'.repeat(32));
    const sealed = box.seal('signing-key-123');
    expect(sealed).not.toContain('signing-key-123');
    expect(box.open(sealed)).toBe('signing-key-123');
    expect(() => createSecretBox('x'.repeat(32)).open(sealed)).toThrow();
    expect(() => box.open(sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA'))).toThrow();
    expect(() => createSecretBox('short')).toThrow(/at least/);
  });
});

describe('raw-body route', () => {
  it('hands the exact bytes to the handler and refuses bodies over the limit with 413', async () => {
    const app = Fastify();
    let seen: Buffer | undefined;
    registerRawBodyRoute(app, { url: '/hook', bodyLimitBytes: 64, handler: async (_request, reply, raw) => { seen = raw; return reply.code(202).send({ ok: true }); } });
    app.post('/json', async (request) => request.body);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const body = '{ "b":1,  "a" : 2 }';
      const ok = await fetch(`${url}/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(ok.status).toBe(202);
      expect(seen?.toString('utf8')).toBe(body);
      const big = await fetch(`${url}/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(65) });
      expect(big.status).toBe(413);
      const json = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(await json.json()).toEqual({ a: 1 });
    } finally {
      await app.close();
    }
  });
});
