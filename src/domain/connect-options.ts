import { badInput } from './errors.js';
import type { ConnectUrlRequest } from './connect.port.js';

/**
 * Checks of the custom Connect options before any provider call (seed 002, "Custom Webhooks" and
 * "Institution Settings"; openbanking-us.yaml WebhookData, WebhookHeaders, InstitutionSettings,
 * SingleUseUrl). The documents give these objects no size limits; the bounds below are ours, so a
 * caller learns here rather than from an opaque provider refusal. Errors name fields and header
 * names, never a header value (they carry secrets such as `webhookServerKey`).
 */

/** `webhookData` is echoed in every event body: small enough to stay a correlation id, not a payload. */
export const WEBHOOK_DATA_MAX_BYTES = 2048;
const WEBHOOK_DATA_MAX_DEPTH = 5;
export const WEBHOOK_HEADERS_MAX = 10;
const HEADER_NAME_MAX = 64;
const HEADER_VALUE_MAX = 1000;
const INSTITUTION_SETTINGS_MAX = 100;

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII and spaces/tabs inside (RFC 9110 field-value without obs-text). */
const HEADER_VALUE = /^[\x21-\x7e]([\x20-\x7e\t]*[\x21-\x7e])?$/;
/**
 * Headers the sender sets itself (transport, content, the `X-Signature` that proves the event):
 * a custom header of that name would clash with them or let a session forge its own signature.
 */
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'host', 'content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'connection',
  'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'x-signature', 'user-agent', 'accept',
]);

function depthOf(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object') return depth;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return children.reduce<number>((max, child) => Math.max(max, depthOf(child, depth + 1)), depth + 1);
}

/** `webhookData`: a JSON object (the spec's WebhookData is `type: object`), ≤ 2 KiB serialised, ≤ 5 levels deep. */
export function checkWebhookData(value: unknown, field: string): Readonly<Record<string, unknown>> | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw badInput(`${field} must be a JSON object`, field);
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > WEBHOOK_DATA_MAX_BYTES) throw badInput(`${field} is ${bytes} bytes as JSON; at most ${WEBHOOK_DATA_MAX_BYTES} are accepted`, field);
  if (depthOf(value) > WEBHOOK_DATA_MAX_DEPTH) throw badInput(`${field} nests deeper than ${WEBHOOK_DATA_MAX_DEPTH} levels`, field);
  return value as Record<string, unknown>;
}

/**
 * `webhookHeaders` as name/value pairs: names are HTTP tokens, unique (case-insensitive), not a
 * header the sender sets itself; values are visible ASCII without line breaks (a CR/LF would split
 * the header). At most 10 headers of 1000 characters each (the input-limits default).
 */
export function checkWebhookHeaders(headers: ReadonlyArray<{ name: string; value: string }> | null, field: string): Record<string, string> | null {
  if (headers === null || headers.length === 0) return null;
  if (headers.length > WEBHOOK_HEADERS_MAX) throw badInput(`${field} takes at most ${WEBHOOK_HEADERS_MAX} headers`, field);
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  headers.forEach(({ name, value }, index) => {
    const at = `${field}[${index}]`;
    if (name.length === 0 || name.length > HEADER_NAME_MAX || !HEADER_NAME.test(name)) {
      throw badInput(`${at}.name must be an HTTP header name (letters, digits and !#$%&'*+-.^_\`|~, at most ${HEADER_NAME_MAX})`, `${at}.name`);
    }
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) throw badInput(`${at}.name: ${name} is set by the sender itself and cannot be a custom header`, `${at}.name`);
    if (seen.has(lower)) throw badInput(`${at}.name: ${name} is given twice`, `${at}.name`);
    seen.add(lower);
    // The value is never quoted back: it may be a secret the caller's receiver checks.
    if (value.length === 0 || value.length > HEADER_VALUE_MAX || !HEADER_VALUE.test(value)) {
      throw badInput(`${at}.value (header ${name}) must be 1–${HEADER_VALUE_MAX} visible ASCII characters without line breaks`, `${at}.value`);
    }
    out[name] = value;
  });
  return out;
}

/** `institutionSettings`: numeric institution id → `hidden` | `visible` (seed 002, Institution Settings). */
export function checkInstitutionSettings(
  settings: ReadonlyArray<{ institutionId: string; visibility: 'hidden' | 'visible' }> | null,
  field: string,
): ConnectUrlRequest['institutionSettings'] {
  if (settings === null || settings.length === 0) return null;
  if (settings.length > INSTITUTION_SETTINGS_MAX) throw badInput(`${field} takes at most ${INSTITUTION_SETTINGS_MAX} institutions`, field);
  const out: Record<string, 'hidden' | 'visible'> = {};
  settings.forEach(({ institutionId, visibility }, index) => {
    const id = institutionId.trim();
    if (!/^\d{1,12}$/.test(id)) throw badInput(`${field}[${index}].institutionId must be a numeric institution id`, `${field}[${index}].institutionId`);
    if (out[id] !== undefined && out[id] !== visibility) throw badInput(`${field}: institution ${id} is both hidden and visible`, `${field}[${index}]`);
    out[id] = visibility;
  });
  return out;
}
