import type { GraphiQLPlugin } from '@graphiql/react';
import { useState, type FormEvent, type ReactNode } from 'react';

/**
 * The "Sandbox" sidebar of the playground: forms over the gateway's `/sandbox` controls (see
 * `src/playground/sandbox-controls.routes.ts`), each showing the JSON answer.
 */
const PROVIDERS = ['MASTERCARD_AU', 'MASTERCARD_US', 'CAIBO_IPG', 'OBP'] as const;
const PAYMENT_STATUSES = ['waiting', 'pending', 'approved', 'declined', 'cancelled'] as const;

export function sandboxControlsPlugin(sandboxPath: string, headersJson: string): GraphiQLPlugin {
  return {
    title: 'Sandbox controls',
    icon: SandboxIcon,
    content: () => <SandboxPanel sandboxPath={sandboxPath} headersJson={headersJson} />,
  };
}

function SandboxIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
      <path d="M3 17h18M5 17l2-9h10l2 9M9 8V5h6v3" />
    </svg>
  );
}

type Send = (method: string, path: string, body?: Record<string, unknown>) => Promise<void>;

function SandboxPanel({ sandboxPath, headersJson }: { sandboxPath: string; headersJson: string }) {
  const [result, setResult] = useState<string>('');
  const send: Send = async (method, path, body) => {
    setResult('…');
    try {
      const headers: Record<string, string> = { ...(JSON.parse(headersJson) as Record<string, string>) };
      if (body) headers['content-type'] = 'application/json';
      const response = await fetch(`${sandboxPath}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      setResult(`${response.status} ${method} ${sandboxPath}${path}\n${pretty(text)}`);
    } catch (error) {
      setResult(String(error));
    }
  };
  return (
    <div className="sandbox-panel" data-testid="sandbox-panel">
      <div className="graphiql-doc-explorer-title">Sandbox controls</div>
      <p>
        Simulated providers only. Documented in the README (<code>{sandboxPath}</code>); JSON index at{' '}
        <a href={sandboxPath} target="_blank" rel="noreferrer">{sandboxPath}</a>.
      </p>
      <button type="button" className="graphiql-button" onClick={() => void send('GET', '/profiles')}>
        Test profiles and credentials
      </button>
      <ConnectForm send={send} />
      <PaymentStatusForm send={send} />
      <ProviderForm send={send} />
      <button type="button" className="graphiql-button" onClick={() => void send('POST', '/reset')}>
        Reset controls (faults, counters, lock-outs)
      </button>
      {result ? <pre data-testid="sandbox-result">{result}</pre> : null}
    </div>
  );
}

function ConnectForm({ send }: { send: Send }) {
  const [customerId, setCustomerId] = useState('');
  const [profile, setProfile] = useState('');
  return (
    <Section title="Simulate Connect (Mastercard)" onSubmit={() => send('POST', '/connect', { customerId, ...(profile ? { profile } : {}) })}>
      <input type="text" placeholder="Customer id" value={customerId} onChange={(e) => setCustomerId(e.target.value)} />
      <input type="text" placeholder="profile (optional)" value={profile} onChange={(e) => setProfile(e.target.value)} />
    </Section>
  );
}

function PaymentStatusForm({ send }: { send: Send }) {
  const [id, setId] = useState('');
  const [status, setStatus] = useState<string>('approved');
  return (
    <Section title="Move a Caibo payment request" onSubmit={() => send('POST', `/payment-requests/${encodeURIComponent(id)}/status`, { status })}>
      <input type="text" placeholder="PaymentRequest id" value={id} onChange={(e) => setId(e.target.value)} />
      <Select value={status} options={PAYMENT_STATUSES} onChange={setStatus} />
    </Section>
  );
}

function ProviderForm({ send }: { send: Send }) {
  const [provider, setProvider] = useState<string>(PROVIDERS[0]);
  const [mode, setMode] = useState<string>('fail');
  const [calls, setCalls] = useState('3');
  const [amount, setAmount] = useState('503');
  const base = `/providers/${provider}`;
  const fault = mode === 'slow' ? { mode, calls: Number(calls), delayMs: Number(amount) } : { mode, calls: Number(calls), status: Number(amount) };
  return (
    <Section title="Provider faults and tokens" onSubmit={() => send('PUT', `${base}/faults`, fault)} submitLabel="Set fault">
      <Select value={provider} options={PROVIDERS} onChange={setProvider} />
      <Select value={mode} options={['fail', 'slow']} onChange={(value) => { setMode(value); setAmount(value === 'slow' ? '3000' : '503'); }} />
      <label>calls <input type="number" min="1" value={calls} onChange={(e) => setCalls(e.target.value)} style={{ width: '4em' }} /></label>
      <label>{mode === 'slow' ? 'delay ms' : 'status'} <input type="number" value={amount} onChange={(e) => setAmount(e.target.value)} style={{ width: '5em' }} /></label>
      <button type="button" className="graphiql-button" onClick={() => void send('DELETE', `${base}/faults`)}>Clear fault</button>
      <button type="button" className="graphiql-button" onClick={() => void send('POST', `${base}/expire-tokens`)}>Expire tokens</button>
    </Section>
  );
}

function Section(props: { title: string; onSubmit: () => Promise<void>; submitLabel?: string; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  return (
    <fieldset>
      <legend>{props.title}</legend>
      <form onSubmit={submit}>
        {props.children}
        <button type="submit" className="graphiql-button">{props.submitLabel ?? 'Send'}</button>
      </form>
    </fieldset>
  );
}

function Select(props: { value: string; options: readonly string[]; onChange: (value: string) => void }) {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.options.map((option) => <option key={option} value={option}>{option}</option>)}
    </select>
  );
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
