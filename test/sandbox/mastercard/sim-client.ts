import {
  MASTERCARD_AU_SANDBOX_CREDENTIALS,
  MASTERCARD_US_SANDBOX_CREDENTIALS,
  startMastercardSimulator,
  type MastercardSimulator,
  type MastercardSimulatorOptions,
} from '../../../src/sandbox/mastercard/index.js';

export const ANCHOR = new Date('2025-06-01T00:00:00Z');
export const ANCHOR_S = ANCHOR.getTime() / 1000;

/** A controllable clock: tests move `clock.ms` to expire tokens or finish aggregations. */
export interface Clock {
  ms: number;
}

export interface TestSim {
  sim: MastercardSimulator;
  clock: Clock;
  headers: Record<string, string>;
  get(path: string, extra?: Record<string, string>): Promise<Reply>;
  send(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<Reply>;
  token(): Promise<string>;
}

export interface Reply {
  status: number;
  contentType: string;
  text: string;
  // Response bodies are arbitrary JSON; tests assert on them field by field.
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function startTestSim(options: Partial<MastercardSimulatorOptions> & { region: 'US' | 'AU' }): Promise<TestSim> {
  const clock: Clock = { ms: ANCHOR.getTime() + 10 * 3600 * 1000 };
  const sim = await startMastercardSimulator({ anchorDate: ANCHOR, now: () => clock.ms, ...options });
  const creds = options.credentials ?? (options.region === 'US' ? MASTERCARD_US_SANDBOX_CREDENTIALS : MASTERCARD_AU_SANDBOX_CREDENTIALS);
  const keyHeader = options.region === 'US' ? 'Finicity-App-Key' : 'App-Key';
  const tokenHeader = options.region === 'US' ? 'Finicity-App-Token' : 'App-Token';
  const headers: Record<string, string> = { [keyHeader]: creds.appKey };

  // AU data calls need `Consent-Receipt-Id` (seed 002): sent here like the gateway sends it, from the
  // customer's newest consent, unless the test passes its own (an empty value sends none).
  const consentHeader = async (path: string, extra: Record<string, string>): Promise<Record<string, string>> => {
    const customer = /\/customers\/(\d+)\//.exec(path)?.[1];
    if (options.region !== 'AU' || customer === undefined || 'Consent-Receipt-Id' in extra) return {};
    const res = await fetch(`${sim.url}/data-sharing-consents?customer_id=${customer}`, { headers: { accept: 'application/json', ...headers } });
    const receipt = res.ok ? ((await res.json()) as { consents: Array<{ consentReceiptId: string }> }).consents[0]?.consentReceiptId : undefined;
    return receipt === undefined ? {} : { 'Consent-Receipt-Id': receipt };
  };
  const send = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Reply> => {
    const consent = await consentHeader(path, extra);
    const given = Object.fromEntries(Object.entries(extra).filter(([name, value]) => name !== 'Consent-Receipt-Id' || value !== ''));
    const res = await fetch(sim.url + path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers, ...consent, ...given },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return { status: res.status, contentType, text, json: contentType.includes('json') && text ? JSON.parse(text) : undefined };
  };
  const token = async (): Promise<string> => {
    const r = await send('POST', '/aggregation/v2/partners/authentication', { partnerId: creds.partnerId, partnerSecret: creds.partnerSecret });
    if (r.status !== 200) throw new Error(`auth failed: ${r.status} ${r.text}`);
    return r.json.token as string;
  };
  headers[tokenHeader] = await token();
  return { sim, clock, headers, get: (path, extra) => send('GET', path, undefined, extra), send, token };
}
