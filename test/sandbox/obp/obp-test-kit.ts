import {
  OBP_SANDBOX_CONSUMER_KEY,
  OBP_SANDBOX_USERS,
  startObpSimulator,
  type ObpSimulator,
  type ObpSimulatorOptions,
} from '../../../src/sandbox/obp/index.js';

/** Fixed so seeded ids and dates are exact in assertions. */
export const ANCHOR = new Date('2025-03-15T00:00:00Z');

export interface ObpResponse {
  status: number;
  headers: Headers;
  // `any` on purpose: bodies are arbitrary provider JSON and the tests assert on their shape.
  json: any;
}

export interface ObpTestKit {
  sim: ObpSimulator;
  /** Clock the simulator reads; tests move it to expire tokens. */
  clock: { ms: number };
  login(username?: string, password?: string): Promise<string>;
  request(method: string, path: string, options?: { token?: string; headers?: Record<string, string>; body?: unknown }): Promise<ObpResponse>;
  get(path: string, token?: string, headers?: Record<string, string>): Promise<ObpResponse>;
}

export async function startKit(options: ObpSimulatorOptions = {}): Promise<ObpTestKit> {
  const clock = { ms: ANCHOR.getTime() + 9 * 3600_000 };
  const sim = await startObpSimulator({ anchorDate: ANCHOR, now: () => clock.ms, ...options });

  const request: ObpTestKit['request'] = async (method, path, { token, headers = {}, body } = {}) => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        ...(token ? { DirectLogin: `token=${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  };

  const login = async (username = OBP_SANDBOX_USERS[0]!.username, password = 'Sandbox-Passw0rd!'): Promise<string> => {
    const r = await request('POST', '/my/logins/direct', {
      headers: { DirectLogin: `username="${username}", password="${password}", consumer_key="${OBP_SANDBOX_CONSUMER_KEY}"` },
    });
    if (r.status !== 201) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json.token as string;
  };

  return { sim, clock, login, request, get: (path, token, headers) => request('GET', path, { token, headers }) };
}

/** Sums a decimal string list exactly (in minor units). */
export const toMinor = (amount: string): number => Math.round(Number(amount) * 100);
