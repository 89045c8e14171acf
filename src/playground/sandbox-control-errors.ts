import { GatewayError } from '../domain/errors.js';
import type { ProviderKey } from '../domain/provider.js';

/**
 * The simulator's refusal of `/_sandbox/connect`, as the gateway's own error: the simulator answers
 * in Mastercard's error format (`{code, message}`, seed 002 "API status codes"), which never reaches
 * the caller as it is. The code says which input was wrong; the message is the gateway's, naming the
 * field and where the valid values are listed.
 */
export function connectRefusal(provider: ProviderKey, status: number, body: unknown): GatewayError {
  const code = String((body as { code?: unknown } | null)?.code ?? '');
  const message = String((body as { message?: unknown } | null)?.message ?? '');
  const details = { provider, providerStatus: status, ...(code === '' ? {} : { providerCode: code }) };
  if (status >= 500 || status < 400) {
    return new GatewayError('PROVIDER_UNAVAILABLE', `The ${provider} simulator could not finish Connect (HTTP ${status})`, details);
  }
  if (code === '14001') return new GatewayError('NOT_FOUND', `customerId: the ${provider} simulator has no such customer`, { ...details, field: 'customerId' });
  // 14006 (no such institution) and 10100 on institutionId (not a FinBank test institution).
  if (code === '14006' || message.includes('(institutionId)')) {
    return new GatewayError('BAD_USER_INPUT', `institutionId: not a FinBank test institution of ${provider}; GET /sandbox/profiles lists them`, { ...details, field: 'institutionId' });
  }
  if (message.includes('(profile)')) {
    return new GatewayError('BAD_USER_INPUT', `profile: not a FinBank test profile of ${provider}; GET /sandbox/profiles lists them`, { ...details, field: 'profile' });
  }
  return new GatewayError('BAD_USER_INPUT', `The ${provider} simulator refused this Connect (HTTP ${status}${code === '' ? '' : `, code ${code}`})`, details);
}

/** The names of the inputs a simulator's control refusal points at: zod `issues[].path` or ProblemDetails `errors` keys. */
function fieldsNamed(body: unknown): string[] {
  if (body === null || typeof body !== 'object') return [];
  const { issues, errors } = body as { issues?: unknown; errors?: unknown };
  const names = Array.isArray(issues) ? issues.map((issue) => String((issue as { path?: unknown }).path ?? '')) : errors && typeof errors === 'object' ? Object.keys(errors) : [];
  return [...new Set(names.filter((name) => /^[A-Za-z0-9_.]{1,40}$/.test(name)))];
}

/**
 * Any other control the simulator refused (faults, a payment request's status): the gateway's code by
 * HTTP status and the names of the inputs it points at, never the simulator's body.
 */
export function controlRefusal(provider: ProviderKey, status: number, body: unknown): GatewayError {
  const details = { provider, providerStatus: status };
  if (status === 404) return new GatewayError('NOT_FOUND', `The ${provider} simulator has no such object`, details);
  if (status >= 500 || status < 400) return new GatewayError('PROVIDER_UNAVAILABLE', `The ${provider} simulator failed this control (HTTP ${status})`, details);
  const fields = fieldsNamed(body);
  const which = fields.length === 0 ? '' : `; check ${fields.join(', ')} (GET /sandbox lists what each control takes)`;
  return new GatewayError('BAD_USER_INPUT', `The ${provider} simulator refused this control (HTTP ${status})${which}`, { ...details, ...(fields.length === 1 ? { field: fields[0] } : {}) });
}
