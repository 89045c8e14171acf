import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

describe('variable coercion errors', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => gateway?.close());

  it('name the variable and the reason but never print the value (it may hold an SSN)', async () => {
    const ssn = '999-60-7777';
    const answer = await gateway.graphql(
      'mutation($customerId: ID!, $in: ConsumerInput!) { createConsumer(customerId: $customerId, input: $in) { id } }',
      { customerId: 'x', in: { firstName: 'x', ssn, accountNumber: '123456789012' } } as never,
    );
    expect(answer.status).toBe(400);
    const text = JSON.stringify(answer.errors);
    expect(text).not.toContain(ssn);
    expect(text).not.toContain('123456789012');
    expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$in" got an invalid value: Field "\w+" is not defined by type "ConsumerInput"/);
    expect(answer.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
