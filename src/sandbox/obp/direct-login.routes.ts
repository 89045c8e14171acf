import type { FastifyInstance } from 'fastify';
import type { ObpContext } from './route-context.js';

/** `POST /my/logins/direct` (no /obp/vX prefix), empty body -> 201 {"token": …} (obp-notes.md, Auth). */
export function registerDirectLoginRoutes(app: FastifyInstance, ctx: ObpContext): void {
  app.post('/my/logins/direct', async (request, reply) => {
    const token = ctx.auth.login(request.headers);
    ctx.onLogin();
    return reply.code(201).send({ token });
  });
}
