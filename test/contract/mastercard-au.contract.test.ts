import { ref } from '../../src/domain/global-id.js';
import { createMastercardAuAdapter } from '../../src/providers/mastercard/au-adapter.js';
import { AU_REGION } from '../../src/providers/mastercard/au.js';
import { createMastercardConnect } from '../../src/providers/mastercard/connect-module.js';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, startMastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { adapterDependencies } from '../support/sandbox-deps.js';
import { runProviderContract } from './provider-contract.js';

let run = 0;

runProviderContract('Mastercard AU', async () => {
  const clock = { ms: Date.now() };
  const simulator = await startMastercardSimulator({ region: 'AU', now: () => clock.ms });
  const deps = adapterDependencies();
  const au = createMastercardAuAdapter({
    baseUrl: simulator.url,
    credentials: MASTERCARD_AU_SANDBOX_CREDENTIALS,
    accessModel: 'CDR_REPRESENTATIVE',
    ...deps,
  });
  // Connect is composed onto the adapter as the module does (src/providers/mastercard/module.ts).
  const adapter = { ...au, ...createMastercardConnect(AU_REGION, au.client, MASTERCARD_AU_SANDBOX_CREDENTIALS, { ...deps, publicBaseUrl: () => undefined }) };
  // customer_profile_4110: FinBank Aus OAuth, every AU account type, AUD.
  const list = await adapter.customerList!.list({ search: null, username: 'customer_profile_4110' }, { offset: 0, limit: 1 });
  const known = list.items[0]!;
  const now = Date.now();
  return {
    adapter,
    expectedCapabilities: [
      'CUSTOMER_LIST',
      'CUSTOMER_READ',
      'CUSTOMER_WRITE',
      'CUSTOMER_DELETE',
      'ACCOUNTS',
      'TRANSACTIONS',
      'CUSTOMER_TRANSACTIONS',
      'INSTITUTIONS',
      'CONSENTS',
      'CONNECT_URL',
      'PAYMENT_DETAILS',
      'AVAILABLE_BALANCE',
      'LIVE_BALANCE',
      'ACCOUNT_OWNER',
      'ACCOUNT_FILTERS',
      'ACCOUNT_REFRESH',
      'ACCOUNT_HISTORY',
      'APPLICATIONS',
    ],
    knownCustomer: known.ref,
    unknownCustomer: ref('MASTERCARD_AU', 'Customer', '9999999999'),
    unknownAccount: ref('MASTERCARD_AU', 'Account', '9999999999', known.providerId),
    transactionWindow: { from: new Date(now - 200 * 86_400_000), to: new Date(now) },
    customerSearch: { text: known.lastName ?? known.username ?? '', expected: [known.providerId] },
    expireToken: (ms: number) => {
      clock.ms += ms;
    },
    validCreate: () => ({
      kind: 'TESTING',
      username: `contract-au-${process.pid}-${(run += 1)}`,
      firstName: 'Contract',
      lastName: 'Test',
      name: null,
      email: null,
      phone: null,
      category: 'BUSINESS',
      details: { provider: 'MASTERCARD_AU', applicationId: null, abn: '51 824 753 556' },
    }),
    // Under CDR representative an ABN is not validated (seed 000); an ABN on an INDIVIDUAL customer still is refused.
    invalidCreate: {
      input: { kind: 'TESTING', username: 'contract-au-bad-abn', firstName: null, lastName: null, name: null, email: null, phone: null, category: 'INDIVIDUAL', details: { provider: 'MASTERCARD_AU', applicationId: null, abn: '51824753556' } },
      field: 'input.mastercardAu.abn',
    },
    async close() {
      await adapter.close();
      await simulator.close();
    },
  };
});
