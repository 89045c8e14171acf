/**
 * The custom Connect options of Generate Connect URL as openbanking-us.yaml types them
 * (ConnectParameters / LiteConnectParameters): `webhook` a URL, `webhookData`, `webhookHeaders` and
 * `institutionSettings` objects, `singleUseUrl` a boolean. Lite takes no `institutionSettings`.
 * Values of `institutionSettings` are `hidden` or `visible` (seed 002, Institution Settings).
 * Anything else is the field-validation error, naming the field (never a header value).
 */
export interface ConnectOptions {
  webhook?: string;
  webhookData?: Record<string, unknown>;
  webhookHeaders: Record<string, string>;
  institutionSettings: Record<string, 'hidden' | 'visible'>;
  singleUseUrl: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readConnectOptions(body: Record<string, unknown>, lite: boolean): ConnectOptions | { invalid: string } {
  const options: ConnectOptions = { webhookHeaders: {}, institutionSettings: {}, singleUseUrl: false };
  if (body.webhook !== undefined) {
    if (typeof body.webhook !== 'string' || !/^https?:\/\//.test(body.webhook) || !URL.canParse(body.webhook)) return { invalid: 'webhook must be an http(s) URL' };
    options.webhook = body.webhook;
  }
  if (body.webhookData !== undefined) {
    if (!isObject(body.webhookData)) return { invalid: 'webhookData must be an object' };
    options.webhookData = body.webhookData;
  }
  if (body.webhookHeaders !== undefined) {
    if (!isObject(body.webhookHeaders)) return { invalid: 'webhookHeaders must be an object' };
    for (const [name, value] of Object.entries(body.webhookHeaders)) {
      if (typeof value !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[\r\n\0]/.test(value)) {
        return { invalid: `webhookHeaders.${name.replace(/[^\w-]/g, '?')} must be a header name with a string value` };
      }
      options.webhookHeaders[name] = value;
    }
  }
  if (body.institutionSettings !== undefined) {
    if (lite) return { invalid: 'institutionSettings is not a Connect Lite parameter' };
    if (!isObject(body.institutionSettings)) return { invalid: 'institutionSettings must be an object' };
    for (const [id, value] of Object.entries(body.institutionSettings)) {
      if (!/^\d+$/.test(id) || (value !== 'hidden' && value !== 'visible')) return { invalid: 'institutionSettings maps institution ids to "hidden" or "visible"' };
      options.institutionSettings[id] = value;
    }
  }
  if (body.singleUseUrl !== undefined) {
    if (typeof body.singleUseUrl !== 'boolean') return { invalid: 'singleUseUrl must be a boolean' };
    options.singleUseUrl = body.singleUseUrl;
  }
  return options;
}
