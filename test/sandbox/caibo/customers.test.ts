import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAIBO_SANDBOX_CREDENTIALS, startCaiboSimulator, type CaiboSimulator } from '../../../src/sandbox/caibo/index.js';
import { API_KEY_HEADERS, call } from './caibo-test-kit.js';

let sim: CaiboSimulator;
beforeAll(async () => {
  sim = await startCaiboSimulator({ anchorDate: new Date('2025-01-15T00:00:00Z') });
});
afterAll(async () => {
  await sim.close();
});

const valid = { name: 'Jane Roe', email: 'jane.roe@example.com', address: '1 Test Way', phone: '+15550001111', memberId: 'M-1' };

interface Problem {
  type: string;
  title: string;
  status: number;
  traceId: string;
  errors?: Record<string, string[]>;
}

describe('Caibo simulator: POST /customers', () => {
  it('creates a Client and answers 200 with the full schema', async () => {
    const response = await call(sim.url, 'POST', '/customers', { body: valid });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      ...valid,
      ownerId: 1676242040039481,
      userId: 1676242040039482,
      ownerName: 'Caibo Sandbox Merchant',
      hasPaymentRequests: false,
      totalDeposits: 0,
    });
    const created = response.json as { id: number; createDate: string };
    expect(Number.isSafeInteger(created.id)).toBe(true);
    expect(Number.isNaN(Date.parse(created.createDate))).toBe(false);
    const fetched = await call(sim.url, 'GET', `/customers/${created.id}`);
    expect(fetched.json).toEqual(response.json);
  });

  it('accepts only name and email, defaulting the optional fields to null, and ignores unknown/read-only fields', async () => {
    const response = await call(sim.url, 'POST', '/customers', {
      body: { name: 'Min', email: 'min@example.com', preferences: { currency: 'USD' }, totalDeposits: 999, id: 1 },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ address: null, phone: null, memberId: null, totalDeposits: 0 });
    expect((response.json as { id: number }).id).not.toBe(1);
  });

  it.each([
    ['name', 100],
    ['email', 100],
    ['address', 255],
    ['phone', 20],
    ['memberId', 50],
  ] as const)('rejects %s longer than %i with ValidationProblemDetails keyed by the field', async (field, max) => {
    const tooLong = field === 'email' ? `${'a'.repeat(max - 11)}@example.com` : 'x'.repeat(max + 1);
    expect(tooLong.length).toBe(max + 1);
    const response = await call(sim.url, 'POST', '/customers', { body: { ...valid, [field]: tooLong } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = response.json as Problem;
    expect(problem).toMatchObject({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
    });
    expect(problem.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(problem.errors).toEqual({ [field]: [`The field ${field} must be a string with a maximum length of ${max}.`] });

    const atMax = field === 'email' ? `${'a'.repeat(max - 12)}@example.com` : 'x'.repeat(max);
    expect((await call(sim.url, 'POST', '/customers', { body: { ...valid, [field]: atMax } })).status).toBe(200);
  });

  it.each(['not-an-email', '@example.com', 'jane@', 'a@b@c.com'])('rejects the email %j', async (email) => {
    const response = await call(sim.url, 'POST', '/customers', { body: { ...valid, email } });
    expect(response.status).toBe(400);
    expect((response.json as Problem).errors).toEqual({ email: ['The email field is not a valid e-mail address.'] });
  });

  it('requires name and email', async () => {
    const response = await call(sim.url, 'POST', '/customers', { body: { phone: '+1' } });
    expect(response.status).toBe(400);
    expect((response.json as Problem).errors).toEqual({
      name: ['The name field is required.'],
      email: ['The email field is required.'],
    });
    const blank = await call(sim.url, 'POST', '/customers', { body: { name: '   ', email: 'a@b.c' } });
    expect((blank.json as Problem).errors).toEqual({ name: ['The name field is required.'] });
  });

  it('reports JSON type mismatches and malformed or empty bodies as 400', async () => {
    const wrongType = await call(sim.url, 'POST', '/customers', { body: { name: 42, email: 'a@b.c' } });
    expect(wrongType.status).toBe(400);
    expect(Object.keys((wrongType.json as Problem).errors ?? {})).toEqual(['$.name']);
    const malformed = await call(sim.url, 'POST', '/customers', { rawBody: '{"name":' });
    expect(malformed.status).toBe(400);
    expect((malformed.json as Problem).errors).toHaveProperty('$');
    const empty = await call(sim.url, 'POST', '/customers', { rawBody: '' });
    expect(empty.status).toBe(400);
    expect((empty.json as Problem).errors).toEqual({ '': ['A non-empty request body is required.'] });
  });
});

describe('Caibo simulator: request content types', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'text/json', 'application/json-patch+json', 'application/vnd.caibo+json'])(
    'accepts %s',
    async (contentType) => {
      const response = await call(sim.url, 'POST', '/customers', {
        headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey, 'content-type': contentType },
        body: { name: 'Typed', email: 'typed@example.com' },
      });
      expect(response.status).toBe(200);
    },
  );

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/jsonx'])('rejects %s with 415', async (contentType) => {
    const response = await call(sim.url, 'POST', '/customers', {
      headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey, 'content-type': contentType },
      rawBody: JSON.stringify(valid),
    });
    expect(response.status).toBe(415);
    expect(response.json).toMatchObject({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16', title: 'Unsupported Media Type', status: 415 });
  });

  it('rejects a body without a Content-Type with 415', async () => {
    const response = await fetch(`${sim.url}/customers`, {
      method: 'POST',
      headers: { 'x-api-key': CAIBO_SANDBOX_CREDENTIALS.apiKey },
      body: new Uint8Array(Buffer.from(JSON.stringify(valid))),
    });
    expect(response.status).toBe(415);
  });
});

describe('Caibo simulator: get, update, not found', () => {
  it('gets a seeded customer with hasPaymentRequests and totalDeposits', async () => {
    const jane = await call(sim.url, 'GET', '/customers/1677274843291201');
    expect(jane.status).toBe(200);
    expect(jane.json).toMatchObject({ name: 'Jane Doe', email: 'jane.doe@example.com', memberId: 'CUST-001', hasPaymentRequests: true });
    expect((jane.json as { totalDeposits: number }).totalDeposits).toBeGreaterThan(0);
    const mei = await call(sim.url, 'GET', '/customers/1677274843291205');
    expect(mei.json).toMatchObject({ hasPaymentRequests: false, totalDeposits: 0, address: null, phone: null, memberId: null });
  });

  it('answers an unknown id with the {"error": {"code": "CUSTOMER_NOT_FOUND"}} shape', async () => {
    const response = await call(sim.url, 'GET', '/customers/12345');
    expect(response.status).toBe(404);
    expect(response.json).toEqual({
      error: {
        code: 'CUSTOMER_NOT_FOUND',
        message: 'Customer with ID 12345 not found',
        details: { customerId: '12345', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
      },
    });
    const update = await call(sim.url, 'PUT', '/customers/12345', { body: { phone: '+1' } });
    expect(update.status).toBe(404);
    expect(update.json).toMatchObject({ error: { code: 'CUSTOMER_NOT_FOUND' } });
  });

  it('answers a non-numeric id with 400 and unknown paths (no list endpoint) with 404', async () => {
    const bad = await call(sim.url, 'GET', '/customers/abc');
    expect(bad.status).toBe(400);
    expect((bad.json as Problem).errors).toEqual({ id: ["The value 'abc' is not valid."] });
    expect((await call(sim.url, 'GET', '/customers')).status).toBe(404);
    expect((await call(sim.url, 'GET', '/customers?search=jane')).status).toBe(404);
    expect((await call(sim.url, 'DELETE', '/customers/1677274843291201')).status).toBe(404);
  });

  it('updates only the fields sent, with the same validation rules', async () => {
    const created = (await call(sim.url, 'POST', '/customers', { body: valid })).json as { id: number };
    const updated = await call(sim.url, 'PUT', `/customers/${created.id}`, { body: { email: 'newemail@example.com', phone: '+1234567890' } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ ...valid, email: 'newemail@example.com', phone: '+1234567890' });
    const cleared = await call(sim.url, 'PUT', `/customers/${created.id}`, { body: { address: null } });
    expect(cleared.json).toMatchObject({ address: null, name: valid.name });

    const invalid = await call(sim.url, 'PUT', `/customers/${created.id}`, { body: { phone: '1'.repeat(21), email: 'nope' } });
    expect(invalid.status).toBe(400);
    expect((invalid.json as Problem).errors).toEqual({
      email: ['The email field is not a valid e-mail address.'],
      phone: ['The field phone must be a string with a maximum length of 20.'],
    });
    const objectAddress = await call(sim.url, 'PUT', `/customers/${created.id}`, { body: { address: { street: '1 Main', city: 'X' } } });
    expect(objectAddress.status).toBe(400);
    const nulledName = await call(sim.url, 'PUT', `/customers/${created.id}`, { body: { name: null } });
    expect((nulledName.json as Problem).errors).toEqual({ name: ['The name field is required.'] });
    // Nothing changed by the rejected updates.
    expect((await call(sim.url, 'GET', `/customers/${created.id}`)).json).toMatchObject({ name: valid.name, phone: '+1234567890' });
  });

  it('reads property names case-insensitively like ASP.NET', async () => {
    const response = await call(sim.url, 'POST', '/customers', { headers: { ...API_KEY_HEADERS }, body: { Name: 'Pascal', EMAIL: 'pascal@example.com' } });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: 'Pascal', email: 'pascal@example.com' });
  });
});
