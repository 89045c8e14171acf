import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import { z } from 'zod/v4';
import type { Report, ReportEventOutcome, ReportStatus } from '../../../domain/lending.port.js';
import type { ProviderKey } from '../../../domain/provider.js';
import type { PurgeScope, PurgeTarget } from '../../../domain/purge.js';
import { encodeGlobalId, ref } from '../../../domain/global-id.js';
import type { GatewayEvents } from '../../../events/gateway-events.js';

/**
 * What the gateway knows about the reports it generated, kept in the keyv store (shared across
 * instances with CACHE_URL) so `report(id) { status }` can answer without an upstream call.
 *
 * Report events carry no signature: the Connect webhooks are signed (`X-Signature`, HMAC-SHA256 with
 * the partner secret), but the report webhook docs define no signature, no event id and no header
 * (seed 002, "Report Webhooks" and "Webhook Reports Events List"), and the sandbox sends none. So the
 * callback URL itself is the credential: each generation gets its own unguessable token
 * (256 random bits) in the URL path, bound to the customer and then to the one report id the
 * provider acknowledged. An event is accepted only on a token the gateway issued, for that
 * customer and that report; everything else is refused. Replays change nothing: a status only
 * moves forward (IN_PROGRESS → SUCCESS | FAILURE) and a repeated event is a no-op.
 */

/** How long an unused callback token stays valid: generation takes seconds to minutes. */
const CALLBACK_TTL_MS = 24 * 60 * 60 * 1000;
/** How long the gateway remembers a report's status; a finished status never changes. */
const REPORT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

export interface TrackedReport {
  reportId: string;
  customerId: string;
  consumerId: string | null;
  providerType: string | null;
  status: ReportStatus;
  createdAtMs: number | null;
  title: string | null;
  requestId: string | null;
  /** When the status last changed or was confirmed (epoch ms). */
  updatedAtMs: number;
  /** The provider posts this report's events to the gateway (so an IN_PROGRESS here is live). */
  awaitingEvents: boolean;
}

interface CallbackRecord {
  customerId: string;
  reportId: string | null;
}

export interface IssuedCallback {
  token: string;
  url: string;
}

export interface ReportTracker {
  /** A fresh callback URL for one generation, or null when the gateway's public URL is unknown. */
  issueCallback(customerId: string): Promise<IssuedCallback | null>;
  /** The generation failed: the token will never be used. */
  discardCallback(token: string): Promise<void>;
  /** The provider acknowledged a generation. */
  generated(report: Report, callbackToken: string | null): Promise<void>;
  /** The provider answered a report's status on a read: remember it if this report is tracked. */
  observed(report: Report): Promise<void>;
  lookup(reportId: string): Promise<TrackedReport | undefined>;
  /** A report event posted to the gateway's callback URL. */
  receive(callbackToken: string, body: unknown): Promise<ReportEventOutcome>;
  /**
   * The purge target `report-status:<provider>`: a report derives from every account of its
   * customer, so any ended arrangement of the customer purges all of the customer's report statuses.
   */
  readonly purgeTarget: PurgeTarget;
}

export interface ReportTrackerOptions {
  provider: ProviderKey;
  store: Keyv;
  /** The gateway's public base URL (`https://gateway.example.com`), when known. */
  publicBaseUrl: () => string | undefined;
  now?: () => number;
  /** The gateway's event bus: `report.ready` when a tracked report becomes SUCCESS (outbound webhooks). */
  events?: GatewayEvents;
}

/** The path the webhook route listens on (src/webhooks/mastercard-reports.route.ts). */
export const REPORT_CALLBACK_PATH = '/webhooks/mastercard/reports';

/**
 * `{eventName, id, consumerId, type, status, customerId}` (seed 002, "Webhook Reports Events List");
 * "If you request more than one report, the payload is an array".
 */
const eventSchema = z.object({
  eventName: z.enum(['inProgress', 'done', 'failed']),
  id: z.union([z.string(), z.number().transform(String)]),
  consumerId: z.string().nullish(),
  type: z.string().nullish(),
  status: z.enum(['inProgress', 'success', 'failure']).nullish(),
  customerId: z.union([z.string(), z.number().transform(String)]),
});
const eventsSchema = z.union([eventSchema.transform((event) => [event]), z.array(eventSchema).min(1).max(50)]);

// OTHER (a status the documents do not list) never replaces a known one.
const RANK: Record<ReportStatus, number> = { OTHER: -1, IN_PROGRESS: 0, SUCCESS: 1, FAILURE: 1 };

function statusOfEvent(event: z.infer<typeof eventSchema>): ReportStatus {
  const name = event.eventName;
  switch (name) {
    case 'inProgress':
      return 'IN_PROGRESS';
    case 'done':
      // `done` means finished; its `status` says how (the docs' example: "success").
      return event.status === 'failure' ? 'FAILURE' : 'SUCCESS';
    case 'failed':
      return 'FAILURE';
    default: {
      const unknown: never = name;
      throw new TypeError(`unknown report event ${String(unknown)}`);
    }
  }
}

export function createReportTracker(options: ReportTrackerOptions): ReportTracker {
  const { store, provider } = options;
  const now = options.now ?? Date.now;
  const callbackKey = (token: string) => `lending:report-callback:${provider}:${token}`;
  const reportKey = (reportId: string) => `lending:report:${provider}:${reportId}`;

  // The report ids of one customer, so a consent purge can find them (keyv cannot list keys).
  const customerKey = (customerId: string) => `lending:reports-of:${provider}:${customerId}`;
  const reportsOf = async (customerId: string) => (await store.get<string[]>(customerKey(customerId))) ?? [];

  const lookup = async (reportId: string) => (await store.get<TrackedReport>(reportKey(reportId))) ?? undefined;
  const save = async (record: TrackedReport) => {
    const known = await reportsOf(record.customerId);
    if (!known.includes(record.reportId)) await store.set(customerKey(record.customerId), [...known, record.reportId], REPORT_TTL_MS);
    await store.set(reportKey(record.reportId), record, REPORT_TTL_MS);
  };

  async function countOrPurge(scope: PurgeScope, purge: boolean): Promise<number> {
    if (scope.provider !== provider) return 0;
    let found = 0;
    for (const reportId of await reportsOf(scope.customerId)) {
      const record = await lookup(reportId);
      if (record?.customerId !== scope.customerId) continue;
      found += 1;
      if (purge) await store.delete(reportKey(reportId));
    }
    if (purge) await store.delete(customerKey(scope.customerId));
    return found;
  }

  /** Moves a status forward only; answers whether anything changed. */
  async function advance(reportId: string, patch: Partial<TrackedReport> & Pick<TrackedReport, 'customerId' | 'status'>): Promise<boolean> {
    const existing = await lookup(reportId);
    const base: TrackedReport = existing ?? {
      reportId,
      customerId: patch.customerId,
      consumerId: null,
      providerType: null,
      status: patch.status,
      createdAtMs: null,
      title: null,
      requestId: null,
      updatedAtMs: now(),
      awaitingEvents: false,
    };
    const forward = existing === undefined || RANK[patch.status] > RANK[existing.status];
    const merged: TrackedReport = {
      ...base,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null && value !== undefined)),
      status: forward ? patch.status : base.status,
      updatedAtMs: forward || patch.status === base.status ? now() : base.updatedAtMs,
      awaitingEvents: base.awaitingEvents || patch.awaitingEvents === true,
    } as TrackedReport;
    await save(merged);
    const changed = forward && (existing === undefined || existing.status !== patch.status);
    if (changed && merged.status === 'SUCCESS') publishReady(merged);
    return changed;
  }

  /** `report.ready` with global ids a caller can query (`report(id:)`, `customer(id:)`); no report content. */
  function publishReady(record: TrackedReport): void {
    options.events?.publish('report.ready', {
      provider,
      reportId: encodeGlobalId(ref(provider, 'Report', record.reportId, record.customerId)),
      customerId: encodeGlobalId(ref(provider, 'Customer', record.customerId)),
      providerReportId: record.reportId,
      reportType: record.providerType,
      status: record.status,
    });
  }

  return {
    async issueCallback(customerId) {
      const base = options.publicBaseUrl();
      if (base === undefined) return null;
      const token = randomBytes(32).toString('base64url');
      const record: CallbackRecord = { customerId, reportId: null };
      await store.set(callbackKey(token), record, CALLBACK_TTL_MS);
      return { token, url: `${base.replace(/\/+$/, '')}${REPORT_CALLBACK_PATH}/${token}` };
    },
    async discardCallback(token) {
      await store.delete(callbackKey(token));
    },
    async generated(report, callbackToken) {
      if (callbackToken !== null) {
        const record: CallbackRecord = { customerId: report.customerRef.id, reportId: report.providerId };
        await store.set(callbackKey(callbackToken), record, CALLBACK_TTL_MS);
      }
      await advance(report.providerId, {
        customerId: report.customerRef.id,
        consumerId: report.consumerRef?.id ?? null,
        providerType: report.providerType,
        status: report.status,
        createdAtMs: report.createdAt?.getTime() ?? null,
        title: report.title,
        requestId: report.requestId,
        awaitingEvents: callbackToken !== null,
      });
    },
    async observed(report) {
      const existing = await lookup(report.providerId);
      if (existing === undefined || existing.customerId !== report.customerRef.id) return;
      await advance(report.providerId, { customerId: existing.customerId, status: report.status });
    },
    lookup,
    async receive(callbackToken, body) {
      if (!TOKEN_PATTERN.test(callbackToken)) return { accepted: false, reason: 'unknown-callback' };
      const callback = await store.get<CallbackRecord>(callbackKey(callbackToken));
      if (!callback) return { accepted: false, reason: 'unknown-callback' };
      const parsed = eventsSchema.safeParse(body);
      if (!parsed.success) return { accepted: false, reason: 'malformed' };
      const events = parsed.data;
      for (const event of events) {
        if (event.customerId !== callback.customerId) return { accepted: false, reason: 'foreign-report' };
        if (callback.reportId !== null && event.id !== callback.reportId) return { accepted: false, reason: 'foreign-report' };
      }
      if (callback.reportId === null) {
        // The provider can post `inProgress` before its 202 reaches us: the first event binds the token.
        const ids = new Set(events.map((event) => event.id));
        if (ids.size !== 1) return { accepted: false, reason: 'foreign-report' };
        await store.set(callbackKey(callbackToken), { ...callback, reportId: events[0]!.id }, CALLBACK_TTL_MS);
      }
      const changed: string[] = [];
      const unchanged: string[] = [];
      for (const event of events) {
        const moved = await advance(event.id, {
          customerId: callback.customerId,
          consumerId: event.consumerId ?? null,
          providerType: event.type ?? null,
          status: statusOfEvent(event),
          awaitingEvents: true,
        });
        (moved ? changed : unchanged).push(event.id);
      }
      return { accepted: true, changed, unchanged };
    },
    purgeTarget: {
      name: `report-status:${provider}`,
      count: (scope) => countOrPurge(scope, false),
      purge: (scope) => countOrPurge(scope, true),
    },
  };
}
