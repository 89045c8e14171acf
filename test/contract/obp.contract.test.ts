import { ref } from '../../src/domain/global-id.js';
import { createObpAdapter } from '../../src/providers/obp/adapter.js';
import { OBP_CANONICAL_VERSION, OBP_SANDBOX_CONSUMER_KEY, OBP_SANDBOX_USERS, startObpSimulator } from '../../src/sandbox/obp/index.js';
import { adapterDependencies } from '../support/sandbox-deps.js';
import { runProviderContract } from './provider-contract.js';

const admin = OBP_SANDBOX_USERS[0]!;
const blank = { kind: null, username: null, firstName: null, lastName: null, email: null, category: null } as const;
const obpDetails = {
  provider: 'OBP',
  bankId: 'gh.29.uk',
  customerNumber: null,
  dateOfBirth: null,
  relationshipStatus: null,
  kycStatus: null,
  employmentStatus: null,
} as const;
let run = 0;

/** OBP has no customer delete through the gateway and no customer-wide transaction endpoint. */
runProviderContract('Open Bank Project', async () => {
  const clock = { ms: Date.now() };
  const simulator = await startObpSimulator({ now: () => clock.ms });
  const adapter = createObpAdapter({
    baseUrl: simulator.url,
    credentials: { username: admin.username, password: admin.password, consumerKey: OBP_SANDBOX_CONSUMER_KEY },
    bankIds: null,
    apiVersion: OBP_CANONICAL_VERSION,
    ...adapterDependencies(),
  });
  const list = await adapter.customerList!.list({ search: null, username: null }, { offset: 0, limit: 1 });
  const known = list.items[0]!;
  const now = Date.now();
  return {
    adapter,
    expectedCapabilities: ['CUSTOMER_LIST', 'CUSTOMER_READ', 'CUSTOMER_WRITE', 'ACCOUNTS', 'TRANSACTIONS', 'BANKS', 'USER_CUSTOMER_LINKS', 'SOCIAL_MEDIA_HANDLES', 'CRM_EVENTS', 'MY_CUSTOMERS'],
    knownCustomer: known.ref,
    unknownCustomer: ref('OBP', 'Customer', '00000000-0000-5000-8000-000000000000', 'gh.29.uk'),
    unknownAccount: ref('OBP', 'Account', '00000000-0000-5000-8000-000000000000', 'gh.29.uk'),
    transactionWindow: { from: new Date(now - 200 * 86_400_000), to: new Date(now) },
    customerSearch: { text: (known.name ?? '').split(' ').at(-1) ?? '', expected: [known.providerId] },
    expireToken: (ms: number) => {
      clock.ms += ms;
    },
    validCreate: () => ({
      ...blank,
      name: `Contract Test ${(run += 1)}`,
      phone: '+44 7700 900123',
      details: obpDetails,
    }),
    invalidCreate: { input: { ...blank, name: 'No Phone', phone: null, details: obpDetails }, field: 'input.phone' },
    async close() {
      await adapter.close();
      await simulator.close();
    },
  };
});
