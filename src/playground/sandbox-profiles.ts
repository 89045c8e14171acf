import { CAIBO_SANDBOX_CREDENTIALS } from '../sandbox/caibo/index.js';
import { MASTERCARD_AU_SANDBOX_CREDENTIALS, MASTERCARD_US_SANDBOX_CREDENTIALS } from '../sandbox/mastercard/index.js';
import { institutionsFor } from '../sandbox/mastercard/institutions.js';
import { AU_TEST_PROFILE_PURPOSES, AU_TEST_PROFILES } from '../sandbox/mastercard/profiles.js';
import { OBP_SANDBOX_CONSUMER_KEY, OBP_SANDBOX_USERS } from '../sandbox/obp/index.js';
import type { RunningSandbox } from '../sandbox/start-all.js';

/**
 * `GET /sandbox/profiles`: what a partner needs to try the sandbox by hand — the FinBank test
 * profiles a customer signs in with at Connect (AU: seed 002, Test Profiles; the password equals the
 * username) and every simulator's base URL with its sandbox credentials (for calling a provider's own
 * API directly). All of it is sandbox-only data that also lives in `src/sandbox/<provider>/index.ts`.
 */
export function sandboxProfiles(sandbox: RunningSandbox) {
  const testInstitutions = (region: 'AU' | 'US') =>
    institutionsFor(region).filter((institution) => institution.testInstitution).map((institution) => ({ id: String(institution.id), name: institution.name }));
  const url = (provider: string) => sandbox.simulators[provider]?.url ?? null;
  return {
    connect: {
      MASTERCARD_AU: {
        institutions: testInstitutions('AU'),
        profiles: AU_TEST_PROFILES.map((profile) => ({ username: profile, password: profile, purpose: AU_TEST_PROFILE_PURPOSES[profile] })),
        defaultProfile: 'profile_4110',
      },
      MASTERCARD_US: {
        institutions: testInstitutions('US'),
        profiles: [{ username: 'profile_03', password: 'profile_03', purpose: 'Checking, savings and mortgage accounts with six months of transactions (the simulator accepts any profile name)' }],
        defaultProfile: 'profile_03',
      },
    },
    simulators: {
      MASTERCARD_US: { url: url('MASTERCARD_US'), credentials: MASTERCARD_US_SANDBOX_CREDENTIALS, headers: ['Finicity-App-Key', 'Finicity-App-Token'] },
      MASTERCARD_AU: { url: url('MASTERCARD_AU'), credentials: MASTERCARD_AU_SANDBOX_CREDENTIALS, headers: ['App-Key', 'App-Token'] },
      CAIBO_IPG: { url: url('CAIBO_IPG'), credentials: CAIBO_SANDBOX_CREDENTIALS, headers: ['X-API-Key', 'Authorization: Bearer'] },
      OBP: {
        url: url('OBP'),
        credentials: {
          consumerKey: OBP_SANDBOX_CONSUMER_KEY,
          users: OBP_SANDBOX_USERS.map((user) => ({ username: user.username, password: user.password, roles: user.roles.length })),
        },
        headers: ['DirectLogin'],
      },
    },
  };
}
