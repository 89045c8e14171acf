import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, validationProblem, type ProblemDetails } from './problem-details.js';

/**
 * Request bodies the way ASP.NET's `SystemTextJsonInputFormatter` reads them.
 *
 * Seed 003's OpenAPI lists four request content types for `POST /customers`:
 * `application/json-patch+json`, `application/json`, `text/json` and `application/*+json`. The first is a
 * special case of the last (Swashbuckle lists it separately), so the accepted set is `application/json`,
 * `text/json` and any `application/<something>+json`, with or without a charset. Anything else, or no
 * Content-Type at all with a body, is 415 like ASP.NET.
 */

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; problem: ProblemDetails };

/** Takes every body raw so the routes decide 415/400 themselves with ASP.NET's answers. */
export function registerRawBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

export function isAcceptedJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || mediaType === 'text/json') return true;
  return /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(mediaType);
}

export function readJsonBody(request: FastifyRequest): JsonBodyResult {
  if (!isAcceptedJsonType(request.headers['content-type'])) return { ok: false, problem: problem(415) };
  const raw = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
  if (raw.trim() === '') {
    // ASP.NET's message for an empty body bound with [FromBody].
    return { ok: false, problem: validationProblem({ '': ['A non-empty request body is required.'] }) };
  }
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    // System.Text.Json reports syntax errors under the `$` JSON path.
    return { ok: false, problem: validationProblem({ $: ['The request body is not valid JSON. Path: $'] }) };
  }
}

/**
 * ASP.NET's web JSON defaults read property names case-insensitively (`JsonSerializerDefaults.Web`), so
 * `{"Name": …}` binds like `{"name": …}`. Returns the value of the first key matching `field`.
 */
export function fieldOf(body: Record<string, unknown>, field: string): unknown {
  const lower = field.toLowerCase();
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

export function hasField(body: Record<string, unknown>, field: string): boolean {
  const lower = field.toLowerCase();
  return Object.keys(body).some((key) => key.toLowerCase() === lower);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
