import type { FastifyInstance } from 'fastify';
import { providerIso } from './authorization-details.routes.js';
import type { LendingState } from './lending-state.js';

/** Sandbox-only controls under `/_sandbox/` (never a provider path). */
export function registerLendingControlRoutes(app: FastifyInstance, state: LendingState): void {
  const prefix = '/_sandbox/mastercard/lending';

  /** Finish a report now (status success, or failure under the documented failure rule). */
  app.post<{ Params: { reportId: string } }>(`${prefix}/reports/:reportId/finish`, async (request, reply) => {
    const report = state.reports.finish(request.params.reportId);
    if (!report) return reply.code(404).send({ message: 'No such report.' });
    return reply.send({ id: report.id, status: report.status, ...(report.failureReason ? { failureReason: report.failureReason } : {}) });
  });

  /** Every report event delivery attempt, oldest first. */
  app.get(`${prefix}/report-events`, async (_request, reply) => reply.send({ attempts: state.sender.attempts() }));

  /**
   * Set a login's authorization period (`{authorizationStartDate, authorizationEndDate}`, ISO) or
   * make its details missing (`{"detailsFound": false}` → 3004).
   */
  app.put<{ Params: { institutionLoginId: string }; Body: Record<string, unknown> | undefined }>(
    `${prefix}/authorization-details/:institutionLoginId`,
    async (request, reply) => {
      const id = Number(request.params.institutionLoginId);
      const body = request.body ?? {};
      if (!Number.isSafeInteger(id)) return reply.code(400).send({ message: 'institutionLoginId must be an integer.' });
      if (body.detailsFound === false) {
        state.authorizations.set(id, null);
        return reply.send({ institutionLoginId: id, detailsFound: false });
      }
      const start = Date.parse(String(body.authorizationStartDate));
      const end = Date.parse(String(body.authorizationEndDate));
      if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
        return reply.code(400).send({ message: 'authorizationStartDate and authorizationEndDate must be ISO dates, start before end.' });
      }
      state.authorizations.set(id, { start, end });
      return reply.send({ institutionLoginId: id, authorizationStartDate: providerIso(start), authorizationEndDate: providerIso(end) });
    },
  );
}
