import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';

/**
 * The GraphQL-over-HTTP conformance audit of the `graphql-http` package against the sandbox
 * gateway (issue 18): every MUST passes, and at least 20 of the 23 SHOULDs. The three SHOULDs left
 * are "use 200 on a document parsing / validation / variable coercion failure when accepting
 * application/json": Apollo Server answers 400 there, which the spec allows (MAY) and which
 * makes a refused request visible in HTTP metrics.
 */
describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => gateway?.close());

  it('passes every MUST and at least 20 of 23 SHOULDs', async () => {
    const results: Array<{ name: string; status: string; reason?: string }> = [];
    // Every audit request goes as a signed-in caller (the sandbox key).
    const fetchFn: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(gateway.authHeaders)) headers.set(name, value);
      return fetch(input, { ...init, headers });
    };
    for (const audit of serverAudits({ url: `${gateway.url}/graphql`, fetchFn })) {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, ...(result.status === 'ok' ? {} : { reason: result.reason }) });
    }
    const of = (level: string) => results.filter((result) => result.name.startsWith(`${level} `));
    const musts = of('MUST');
    const shoulds = of('SHOULD');
    expect(musts).toHaveLength(13);
    expect(musts.filter((result) => result.status !== 'ok')).toEqual([]);
    expect(shoulds).toHaveLength(23);
    const failedShoulds = shoulds.filter((result) => result.status !== 'ok');
    expect(failedShoulds.length, JSON.stringify(failedShoulds, null, 2)).toBeLessThanOrEqual(3);
  });
});
