import type { ReportType } from './report-accounts.js';
import type { ReportEvent, ReportEventSender } from './report-events.js';

export type ReportStatus = 'inProgress' | 'success' | 'failure';

/** A generated report: its acknowledgement fields, its options, and (once done) its body. */
export interface ReportRecord {
  id: string;
  type: ReportType;
  customerId: string;
  consumerId?: string;
  /** Last four digits of the consumer's SSN, as `consumerSsn`. */
  consumerSsn?: string;
  customerType: 'testing' | 'active';
  requestId: string;
  requesterName: string;
  portfolioId: string;
  title: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms after which the report is finished on the simulated clock. */
  readyAt: number;
  status: ReportStatus;
  constraints: Record<string, unknown>;
  callbackUrl?: string;
  /** Computed when the report finishes. */
  body?: Record<string, unknown>;
  /** Why a failed report failed (sandbox detail, shown as `errorMessage`). */
  failureReason?: string;
}

export type ReportOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export interface ReportStoreOptions {
  now: () => number;
  delayMs: number;
  sender: ReportEventSender;
  /** Computes the report from the customer's data at completion time. */
  generate(report: ReportRecord): ReportOutcome;
}

export interface ReportStore {
  add(report: ReportRecord): ReportRecord;
  /** The report, finished first if its time has come on the simulated clock. */
  get(id: string): ReportRecord | undefined;
  list(predicate: (report: ReportRecord) => boolean): ReportRecord[];
  /** Finishes a report now, whatever the clocks say (sandbox control). */
  finish(id: string): ReportRecord | undefined;
  close(): Promise<void>;
}

/**
 * Report lifecycle: `inProgress` on creation, then `success` or `failure`. It finishes when the
 * simulated clock (`now()`) passes `readyAt` (checked lazily on every read) or when a real timer of
 * the same delay fires, whichever comes first, so report events reach the callback without anyone
 * polling and tests with a frozen clock still see progress.
 */
export function createReportStore(options: ReportStoreOptions): ReportStore {
  const reports = new Map<string, ReportRecord>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const event = (report: ReportRecord, eventName: ReportEvent['eventName']): ReportEvent => ({
    eventName,
    id: report.id,
    ...(report.consumerId !== undefined ? { consumerId: report.consumerId } : {}),
    type: report.type,
    status: report.status,
    customerId: /^\d+$/.test(report.customerId) ? Number(report.customerId) : report.customerId,
  });

  const notify = (report: ReportRecord, eventName: ReportEvent['eventName']): void => {
    if (report.callbackUrl && !closed) void options.sender.send(report.callbackUrl, event(report, eventName));
  };

  function settle(report: ReportRecord): void {
    if (report.status !== 'inProgress') return;
    let outcome: ReportOutcome;
    try {
      outcome = options.generate(report);
    } catch (error) {
      outcome = { ok: false, reason: error instanceof Error ? error.message : 'report generation failed' };
    }
    if (outcome.ok) {
      report.status = 'success';
      report.body = outcome.body;
      notify(report, 'done');
    } else {
      report.status = 'failure';
      report.failureReason = outcome.reason;
      notify(report, 'failed');
    }
  }

  const settleIfDue = (report: ReportRecord): ReportRecord => {
    if (report.status === 'inProgress' && options.now() >= report.readyAt) settle(report);
    return report;
  };

  return {
    add(report) {
      reports.set(report.id, report);
      notify(report, 'inProgress');
      const timer = setTimeout(() => {
        timers.delete(timer);
        settle(report);
      }, options.delayMs);
      timer.unref();
      timers.add(timer);
      return report;
    },
    get: (id) => {
      const report = reports.get(id);
      return report ? settleIfDue(report) : undefined;
    },
    list: (predicate) => [...reports.values()].filter(predicate).map(settleIfDue),
    finish(id) {
      const report = reports.get(id);
      if (report) settle(report);
      return report;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await options.sender.close();
    },
  };
}
