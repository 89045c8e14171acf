import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * The two error shapes the Caibo sources show, and where each one is used.
 *
 * - RFC 7807 `ProblemDetails` (seed 003, OpenAPI `components.schemas.ProblemDetails`): the 400 and 401
 *   answers of `POST /customers`. The FinHub API is ASP.NET (Swashbuckle's `application/json-patch+json`,
 *   `text/json`, `application/*+json` request types give it away), so the bodies follow ASP.NET Core's
 *   defaults: `type` is the RFC 9110 section, `title` the reason phrase, plus `traceId`, and `errors`
 *   keyed by field for validation failures (`ValidationProblemDetails`). No Caibo page showed a filled-in
 *   error body (caibo-notes.md, Errors), so the concrete texts are ASP.NET's, not Caibo's.
 * - `{"error": {"code", "message", "details"}}` (seed 003, "Error Response Format"): shown next to
 *   "Customer Not Found: HTTP 404", so the simulator uses it for not-found answers on existing routes.
 */

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  traceId: string;
  errors?: Record<string, string[]>;
}

/** Field name -> messages, ASP.NET `ModelStateDictionary` style. */
export type FieldErrors = Record<string, string[]>;

const RFC9110 = 'https://tools.ietf.org/html/rfc9110';

// ASP.NET Core's ClientErrorMapping (ProblemDetailsClientErrorFactory) for the statuses we answer.
const CLIENT_ERRORS: Record<number, { section: string; title: string }> = {
  400: { section: '15.5.1', title: 'Bad Request' },
  401: { section: '15.5.2', title: 'Unauthorized' },
  403: { section: '15.5.4', title: 'Forbidden' },
  404: { section: '15.5.5', title: 'Not Found' },
  409: { section: '15.5.10', title: 'Conflict' },
  413: { section: '15.5.14', title: 'Payload Too Large' },
  415: { section: '15.5.16', title: 'Unsupported Media Type' },
  500: { section: '15.6.1', title: 'An error occurred while processing your request.' },
};

/** W3C trace-context id, the format ASP.NET puts in `traceId` (`00-<trace>-<span>-00`). */
function newTraceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

export function problem(status: number, detail?: string): ProblemDetails {
  const known = CLIENT_ERRORS[status] ?? { section: '15.6.1', title: 'Error' };
  return {
    type: `${RFC9110}#section-${known.section}`,
    title: known.title,
    status,
    ...(detail === undefined ? {} : { detail }),
    traceId: newTraceId(),
  };
}

/** ASP.NET `ValidationProblemDetails`: the answer of `[ApiController]` model validation. */
export function validationProblem(errors: FieldErrors): ProblemDetails {
  return { ...problem(400), title: 'One or more validation errors occurred.', errors };
}

export function sendProblem(reply: FastifyReply, body: ProblemDetails): FastifyReply {
  // ASP.NET writes problem bodies as application/problem+json even where the OpenAPI file says
  // application/json (seed 003 lists `application/json` for the 400/401 content).
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Seed 003 "Error Response Format", e.g. code `CUSTOMER_NOT_FOUND`. */
export interface CaiboErrorBody {
  error: { code: string; message: string; details: Record<string, string> };
}

export function sendNotFound(
  reply: FastifyReply,
  code: string,
  message: string,
  details: Record<string, string>,
  at: Date,
): FastifyReply {
  const body: CaiboErrorBody = { error: { code, message, details: { ...details, timestamp: isoSeconds(at) } } };
  return reply.code(404).type('application/json; charset=utf-8').send(body);
}

/** Seed 003 timestamps have whole seconds: `2024-01-15T10:30:00Z`. */
export function isoSeconds(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
