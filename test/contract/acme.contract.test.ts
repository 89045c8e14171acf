import Keyv from 'keyv';
import { ref } from '../../src/domain/global-id.js';
import { acmeModule } from '../fixtures/acme/module.js';
import { adapterDependencies } from '../support/sandbox-deps.js';
import { runProviderContract } from './provider-contract.js';

/** The test-only fifth provider, built from its module alone, passes the same contract as the real four. */
runProviderContract('Acme Bank (test-only module)', async () => {
  const clock = { ms: Date.now() };
  const { simulator, endpoint } = await acmeModule.startSimulator({}, { now: () => clock.ms, knobs: { tokenTtlSeconds: 60 } });
  const adapter = acmeModule.createAdapter({ ...endpoint, settings: {} }, { ...adapterDependencies(), store: new Keyv(), publicBaseUrl: () => undefined, now: () => clock.ms });
  const now = clock.ms;
  return {
    adapter,
    expectedCapabilities: ['CUSTOMER_LIST', 'CUSTOMER_READ', 'ACCOUNTS', 'TRANSACTIONS'],
    knownCustomer: ref('ACME', 'Customer', 'cus_1'),
    unknownCustomer: ref('ACME', 'Customer', 'cus_404'),
    unknownAccount: ref('ACME', 'Account', 'acc_404', 'cus_1'),
    transactionWindow: { from: new Date(now - 200 * 86_400_000), to: new Date(now) },
    providerPageSize: 50,
    customerSearch: { text: 'roadrunner', expected: ['cus_4'] },
    expireToken: (ms: number) => {
      clock.ms += ms;
    },
    async close() {
      await adapter.close();
      await simulator.close();
    },
  };
});
