import type { CaiboCredentials } from '../../src/providers/caibo/credentials.js';
import { ref } from '../../src/domain/global-id.js';
import { createCaiboAdapter } from '../../src/providers/caibo/adapter.js';
import { CAIBO_SANDBOX_CREDENTIALS, CAIBO_SEED_CUSTOMER_IDS, startCaiboSimulator } from '../../src/sandbox/caibo/index.js';
import { adapterDependencies } from '../support/sandbox-deps.js';
import { runProviderContract } from './provider-contract.js';

let run = 0;

const API_KEY: CaiboCredentials = { kind: 'apiKey', apiKey: CAIBO_SANDBOX_CREDENTIALS.apiKey };
const LOGIN: CaiboCredentials = { kind: 'login', email: CAIBO_SANDBOX_CREDENTIALS.email, password: CAIBO_SANDBOX_CREDENTIALS.password };

/** Caibo has no customer list/delete and no bank accounts: those capabilities are absent, not faked. */
for (const [mode, credentials] of [
  ['API key', API_KEY],
  ['login', LOGIN],
] as const) {
  runProviderContract(`Caibo IPG (${mode})`, async () => {
    const clock = { ms: Date.now() };
    const simulator = await startCaiboSimulator({ now: () => clock.ms });
    const adapter = createCaiboAdapter({ baseUrl: simulator.url, credentials, ...adapterDependencies() });
    const now = Date.now();
    const blank = { kind: null, username: null, firstName: null, lastName: null, phone: null, category: null } as const;
    return {
      adapter,
      expectedCapabilities: ['CUSTOMER_READ', 'CUSTOMER_WRITE', 'CUSTOMER_TRANSACTIONS', 'PAYMENT_REQUESTS', 'SAVED_PAYMENT_METHODS'],
      knownCustomer: ref('CAIBO_IPG', 'Customer', String(CAIBO_SEED_CUSTOMER_IDS.janeDoe)),
      unknownCustomer: ref('CAIBO_IPG', 'Customer', '9999999999999999'),
      transactionWindow: { from: new Date(now - 200 * 86_400_000), to: new Date(now + 86_400_000) },
      // Only a login has a token that expires; an API key never does.
      ...(credentials.kind === 'login'
        ? {
            expireToken: (ms: number) => {
              clock.ms += ms;
            },
          }
        : {}),
      validCreate: () => ({
        ...blank,
        name: 'Contract Test',
        email: `contract-${process.pid}-${(run += 1)}@example.com`,
        details: { provider: 'CAIBO_IPG', memberId: `M-${run}`, address: null },
      }),
      invalidCreate: {
        input: { ...blank, name: 'x'.repeat(101), email: 'ok@example.com', details: null },
        field: 'input.name',
      },
      async close() {
        await adapter.close();
        await simulator.close();
      },
    };
  });
}
