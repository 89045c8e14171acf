import { ref } from '../../src/domain/global-id.js';
import { createMastercardAdapter } from '../../src/providers/mastercard/adapter.js';
import { US_REGION } from '../../src/providers/mastercard/us.js';
import { MASTERCARD_US_SANDBOX_CREDENTIALS, startMastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { adapterDependencies } from '../support/sandbox-deps.js';
import { runProviderContract } from './provider-contract.js';

let run = 0;

runProviderContract('Mastercard US', async () => {
  const clock = { ms: Date.now() };
  const simulator = await startMastercardSimulator({ region: 'US', now: () => clock.ms });
  const adapter = createMastercardAdapter({
    region: US_REGION,
    baseUrl: simulator.url,
    credentials: MASTERCARD_US_SANDBOX_CREDENTIALS,
    ...adapterDependencies(),
  });
  const list = await adapter.customerList!.list({ search: null, username: null }, { offset: 0, limit: 1 });
  const known = list.items[0]!;
  const now = Date.now();
  return {
    adapter,
    expectedCapabilities: ['CUSTOMER_LIST', 'CUSTOMER_READ', 'CUSTOMER_WRITE', 'CUSTOMER_DELETE', 'ACCOUNTS', 'TRANSACTIONS', 'CUSTOMER_TRANSACTIONS'],
    knownCustomer: known.ref,
    unknownCustomer: ref('MASTERCARD_US', 'Customer', '9999999999'),
    unknownAccount: ref('MASTERCARD_US', 'Account', '9999999999', known.providerId),
    transactionWindow: { from: new Date(now - 200 * 86_400_000), to: new Date(now) },
    customerSearch: { text: known.lastName ?? known.username ?? '', expected: [known.providerId] },
    expireToken: (ms: number) => {
      clock.ms += ms;
    },
    validCreate: () => ({
      kind: 'TESTING',
      username: `contract-${process.pid}-${(run += 1)}`,
      firstName: 'Contract',
      lastName: 'Test',
      name: null,
      email: null,
      phone: null,
      category: null,
      details: null,
    }),
    invalidCreate: {
      input: { kind: 'TESTING', username: 'short', firstName: null, lastName: null, name: null, email: null, phone: null, category: null, details: null },
      field: 'input.username',
    },
    async close() {
      await adapter.close();
      await simulator.close();
    },
  };
});
