import type { FastifyInstance } from 'fastify';
import { registerAuthorizationDetailsRoutes } from './authorization-details.routes.js';
import { registerBusinessRoutes } from './businesses.routes.js';
import { registerConsumerRoutes } from './consumers.routes.js';
import type { LendingOptions, LendingRouteContext } from './data-source.js';
import type { LendingState } from './lending-state.js';
import { generateReport } from './report-generation.js';
import { createReportEventSender, type DeliveryAttempt } from './report-events.js';
import { createReportStore, type ReportRecord } from './report-store.js';
import { registerReportRoutes } from './reports.routes.js';
import { registerLendingControlRoutes } from './sandbox-control.routes.js';
import { createIdFactory } from './stable-ids.js';

export type { LendingAccount, LendingCustomer, LendingDataSource, LendingOptions, LendingRouteContext, LendingTransaction } from './data-source.js';
export { splitIntoPeriods, TIME_INTERVAL_TYPES, type Period, type TimeIntervalType } from './time-intervals.js';

/** A handle on the lending simulator, for tests and the sandbox runner. */
export interface LendingHandle {
  /** Finishes a report now; undefined when no such report. */
  finishReport(reportId: string): ReportRecord | undefined;
  /** Every report event delivery attempt so far. */
  reportEventAttempts(): readonly DeliveryAttempt[];
}

/**
 * Registers the Mastercard lending endpoints (consumers, reports in both regions; businesses and
 * authorization details in the US) and the `/_sandbox/mastercard/lending/*` controls on `app`.
 * Options may come on `ctx` or as the third argument (the argument wins). Report timers and event
 * deliveries stop when `app` closes.
 */
export function registerLendingRoutes(
  app: FastifyInstance,
  ctx: LendingRouteContext & LendingOptions,
  options: LendingOptions = {},
): LendingHandle {
  const merged: LendingOptions = {
    reportDelayMs: ctx.reportDelayMs,
    callbackRetryDelayMs: ctx.callbackRetryDelayMs,
    callbackTimeoutMs: ctx.callbackTimeoutMs,
    seed: ctx.seed,
    requesterName: ctx.requesterName,
    reseller: ctx.reseller,
    ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
  };
  const sender = createReportEventSender({
    retryDelayMs: merged.callbackRetryDelayMs ?? 1000,
    timeoutMs: merged.callbackTimeoutMs ?? 5000,
    now: () => ctx.now(),
  });
  // The store needs the state and the state holds the store: tie the knot through a late binding.
  let state: LendingState | undefined;
  const reports = createReportStore({
    now: () => ctx.now(),
    delayMs: merged.reportDelayMs ?? 3000,
    sender,
    generate: (report) => generateReport(state as LendingState, report),
  });
  state = {
    ctx,
    options: {
      reportDelayMs: merged.reportDelayMs ?? 3000,
      callbackRetryDelayMs: merged.callbackRetryDelayMs ?? 1000,
      callbackTimeoutMs: merged.callbackTimeoutMs ?? 5000,
      requesterName: merged.requesterName ?? 'Open Finance Gateway Sandbox',
      reseller: merged.reseller ?? false,
    },
    ids: createIdFactory(merged.seed ?? 6),
    consumers: new Map(),
    consumerIdByCustomer: new Map(),
    businesses: new Map(),
    businessIdByCustomer: new Map(),
    authorizations: new Map(),
    knownCustomerIds: new Set(),
    reports,
    sender,
  };

  registerConsumerRoutes(app, state);
  registerReportRoutes(app, state);
  if (ctx.region === 'US') {
    // Businesses and authorization details are US-only (US spec: "Supported regions: 🇺🇸").
    registerBusinessRoutes(app, state);
    registerAuthorizationDetailsRoutes(app, state);
  }
  registerLendingControlRoutes(app, state);
  app.addHook('onClose', async () => {
    await reports.close();
  });

  return {
    finishReport: (reportId) => reports.finish(reportId),
    reportEventAttempts: () => sender.attempts(),
  };
}
