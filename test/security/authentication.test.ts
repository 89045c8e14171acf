import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/security/api-keys.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

const PROVIDERS = '{ providers { provider } }';

describe('caller authentication (issue 11, item 1)', () => {
  let dir: string;
  let keysFile: string;
  let jwks: Server;
  let jwksUrl: string;
  let signingKey: CryptoKey;
  let otherKey: CryptoKey;
  let gateway: TestGateway;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gw-keys-'));
    keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify([{ id: 'bi-job', sha256: sha256Hex('bi-secret-key-1'), scopes: ['read'] }]));
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    gateway = await startTestGateway({
      env: { API_KEYS_FILE: keysFile, JWT_JWKS_URL: jwksUrl, JWT_ISSUER: 'https://idp.test/', JWT_AUDIENCE: 'gateway' },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => jwks?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const token = (claims: Record<string, unknown>, options: { key?: CryptoKey; audience?: string; expiresIn?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('frontend-user-7')
      .setIssuer('https://idp.test/')
      .setAudience(options.audience ?? 'gateway')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? signingKey);

  it('refuses a request without credentials with 401 UNAUTHENTICATED before parsing it', async () => {
    for (const query of [PROVIDERS, 'mutation { deleteCustomer(id: "x") { deletedId } }', '{ this is not graphql']) {
      const answer = await gateway.graphql(query, undefined, { anonymous: true });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toContain('Bearer');
      expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.data).toBeUndefined();
    }
  });

  it('refuses an unknown key and a malformed Authorization without echoing them', async () => {
    const wrongKey = await gateway.graphql(PROVIDERS, undefined, { headers: { 'x-api-key': 'not-a-key-we-know' } });
    expect(wrongKey.status).toBe(401);
    expect(JSON.stringify(wrongKey.errors)).not.toContain('not-a-key-we-know');
    const basic = await gateway.graphql(PROVIDERS, undefined, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(JSON.stringify(basic.errors)).not.toContain('dXNlcjpwYXNz');
  });

  it('accepts the sandbox key and a hashed key from API_KEYS_FILE', async () => {
    expect((await gateway.graphql(PROVIDERS)).status).toBe(200);
    const bi = await gateway.graphql(PROVIDERS, undefined, { headers: { 'x-api-key': 'bi-secret-key-1' } });
    expect(bi.status).toBe(200);
    expect(bi.errors).toBeUndefined();
  });

  it('re-reads API_KEYS_FILE on SIGHUP and keeps the old keys when the new file is invalid', async () => {
    await writeFile(keysFile, JSON.stringify([{ id: 'partner', sha256: sha256Hex('partner-key-2'), scopes: ['read'] }]));
    process.emit('SIGHUP', 'SIGHUP');
    await expect.poll(async () => (await gateway.graphql(PROVIDERS, undefined, { headers: { 'x-api-key': 'partner-key-2' } })).status).toBe(200);
    expect((await gateway.graphql(PROVIDERS, undefined, { headers: { 'x-api-key': 'bi-secret-key-1' } })).status).toBe(401);
    await writeFile(keysFile, '[{"id": "broken", "sha256": "zz"}]');
    process.emit('SIGHUP', 'SIGHUP');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await gateway.graphql(PROVIDERS, undefined, { headers: { 'x-api-key': 'partner-key-2' } })).status).toBe(200);
  });

  it('accepts a bearer JWT verified against the JWKS, and refuses a wrong audience, signer or an expired one', async () => {
    const good = await gateway.graphql(PROVIDERS, undefined, { headers: { authorization: `Bearer ${await token({ scope: 'read' })}` } });
    expect(good.status).toBe(200);
    expect(good.errors).toBeUndefined();
    for (const bad of [
      await token({ scope: 'read' }, { audience: 'someone-else' }),
      await token({ scope: 'read' }, { key: otherKey }),
      await token({ scope: 'read' }, { expiresIn: '-1m' }),
    ]) {
      const answer = await gateway.graphql(PROVIDERS, undefined, { headers: { authorization: `Bearer ${bad}` } });
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('introspection and suggestions (issue 11, item 5)', () => {
  it('answers introspection in sandbox mode and suggests field names', async () => {
    const gateway = await startTestGateway();
    try {
      const schema = await gateway.graphql('{ __schema { queryType { name } } }');
      expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const typo = await gateway.graphql('{ provider { provider } }');
      expect(typo.errors?.[0]?.message).toContain('Did you mean');
    } finally {
      await gateway.close();
    }
  });

  it('refuses introspection and gives no suggestions when INTROSPECTION=false', async () => {
    const gateway = await startTestGateway({ env: { INTROSPECTION: 'false' } });
    try {
      const schema = await gateway.graphql('{ __schema { queryType { name } } }');
      expect(schema.status).toBe(400);
      expect(schema.data).toBeUndefined();
      const typo = await gateway.graphql('{ provider { provider } }');
      expect(typo.errors?.[0]?.message).not.toContain('Did you mean');
    } finally {
      await gateway.close();
    }
  });
});
