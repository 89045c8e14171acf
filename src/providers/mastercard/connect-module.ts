import type { AdapterDependencies } from '../module.js';
import { createConnectEvents } from './connect-events.js';
import { createConnectSessions } from './connect-sessions.js';
import { createConnectPort } from './connect.js';
import type { FinicityClient, FinicityCredentials } from './finicity-client.js';
import type { MastercardRegion } from './region.js';

/**
 * Connect (links, dashboard, session status) and the Connect webhook events of one Mastercard
 * credential, composed onto its adapter like lending: the session records live in the keyv store
 * and register as a purge target.
 */
export function createMastercardConnect(region: MastercardRegion, client: FinicityClient, credentials: FinicityCredentials, deps: AdapterDependencies) {
  const now = deps.now ?? Date.now;
  const sessions = createConnectSessions({ provider: region.provider, store: deps.store, now });
  deps.purge.register(sessions.purgeTarget);
  return {
    connect: createConnectPort({ region, client, partnerId: credentials.partnerId, now, publicBaseUrl: deps.publicBaseUrl, sessions }),
    connectEvents: createConnectEvents({ partnerSecret: credentials.partnerSecret, sessions }),
  };
}
