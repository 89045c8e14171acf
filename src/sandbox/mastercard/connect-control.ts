import type { FastifyReply } from 'fastify';
import { sendError } from './errors.js';
import type { SimConnectSession } from './connect-sessions.js';
import type { SimContext } from './sim-context.js';

/**
 * `/_sandbox/connect` stands in for a customer using a Connect link. With `link` (a URL Generate
 * Connect URL answered) it opens that link; without, the customer's newest link if it is still open
 * (none: the old behaviour, no events). A link that was altered answers Connect's 10039 "Tampered Connect link"
 * (seed 002, Common Connect Status Codes); an expired link ("valid for 2 hours", seed 002, Session
 * time-out), a used single-use link (openbanking-us.yaml SingleUseUrl) and an institution the
 * session's `institutionSettings` hides are refused with 400 and a sandbox message: the customer
 * could not get that far. Answers undefined after sending the refusal.
 */
export function openConnectLink(
  ctx: SimContext,
  reply: FastifyReply,
  body: Record<string, unknown>,
  customerId: string,
  institutionId: string,
): { session: SimConnectSession | null } | undefined {
  let signature: string | undefined;
  if (body.link !== undefined) {
    const link = typeof body.link === 'string' && URL.canParse(body.link) ? new URL(body.link) : undefined;
    signature = link?.searchParams.get('signature') ?? '';
    if (link?.searchParams.get('customerId') !== customerId) signature = '';
  }
  const session = ctx.connect.sessions.find(customerId, signature);
  if (signature !== undefined && session === undefined) {
    sendError(reply, 400, '10039', 'Tampered Connect link');
    return undefined;
  }
  if (session === undefined) return { session: null };
  // Without `link`, only a link still open plays its events; an old one is simply not in use.
  if (signature === undefined && (session.expiresAt <= ctx.now() || session.used)) return { session: null };
  if (session.expiresAt <= ctx.now()) {
    sendError(reply, 400, '10039', 'Sandbox: this Connect link has expired (links are valid for 2 hours)');
    return undefined;
  }
  if (session.used) {
    sendError(reply, 400, '10039', 'Sandbox: this single-use Connect link already completed a session');
    return undefined;
  }
  if (session.institutionSettings[institutionId] === 'hidden') {
    sendError(reply, 400, 10100, 'Sandbox: institutionSettings hides this institution in the session');
    return undefined;
  }
  return { session };
}
