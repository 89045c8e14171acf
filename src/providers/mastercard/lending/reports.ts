import { GatewayError, nullWhenNotFound } from '../../../domain/errors.js';
import type { NativeRef } from '../../../domain/global-id.js';
import type { Report, ReportContent, ReportsPort } from '../../../domain/lending.port.js';
import type { UpstreamResponse } from '../../../http/http-client.js';
import type { FinicityClient, FinicityRequest } from '../finicity-client.js';
import { segment } from '../region.js';
import { toReportContent } from './report-content.mapper.js';
import { toReportBody } from './report-input.js';
import type { ReportTracker, TrackedReport } from './report-tracker.js';
import { GENERATE_SEGMENT, toReport } from './reports.mapper.js';
import { scopeCustomerId } from './lending-refs.js';
import type { LendingRegion } from './region.js';
import { readRecord, readRecords, type ReadContext } from '../../record-reader.js';
import { reportAckSchema, reportListSchema, reportSummarySchema } from './wire.js';

/**
 * How long an IN_PROGRESS learnt from report events is trusted before a read asks the provider
 * again. Events are delivered once with three retries (seed 002, "Report Webhooks"), so one can be
 * lost; 30 s bounds how stale a lost `done` leaves a poller while keeping polls free of upstream calls.
 */
export const IN_PROGRESS_TRUSTED_MS = 30_000;
/** A polite first retry for REPORT_NOT_READY; the docs give no generation time. */
const NOT_READY_RETRY_AFTER_MS = 5_000;
/** 18001 "Report being generated" (seed 002, API Status Codes). */
const BEING_GENERATED = '18001';
/** With HTTP 404: "Cannot find consumer for customer with id …" (US spec, lending 404 examples). */
const CONSUMER_MISSING = '10100';

export interface ReportsPortOptions {
  tracker: ReportTracker;
  now: () => number;
}

function fromTracked(region: LendingRegion, tracked: TrackedReport): Report {
  return toReport(
    region,
    {
      id: tracked.reportId,
      type: tracked.providerType ?? 'unknown',
      status: { IN_PROGRESS: 'inProgress', SUCCESS: 'success', FAILURE: 'failure', OTHER: 'other' }[tracked.status],
      consumerId: tracked.consumerId,
      createdDate: tracked.createdAtMs === null ? null : Math.floor(tracked.createdAtMs / 1000),
      title: tracked.title,
      requestId: tracked.requestId,
    },
    tracked.customerId,
  );
}

export function createReportsPort(client: FinicityClient, region: LendingRegion, options: ReportsPortOptions): ReportsPort {
  const { tracker, now } = options;

  /** Get Report by Customer: v3 (US spec) or v4 (AU docs). Answers 202 + 18001 while generating. */
  async function fetchReport(target: NativeRef): Promise<{ report: Report; response: UpstreamResponse; generating: boolean }> {
    const customerId = scopeCustomerId(target, 'Report');
    const request: FinicityRequest = {
      operation: 'reports.get',
      method: 'GET',
      path: `/decisioning/${region.reportVersion}/customers/${segment(customerId)}/reports/${segment(target.id)}`,
      data: { customerId },
    };
    const response = await client.call(request);
    const context: ReadContext = { provider: region.provider, operation: 'reports.get' };
    const head = readRecord(reportAckSchema, response.json, context);
    if (head === undefined) {
      throw new GatewayError('PROVIDER_UNAVAILABLE', `${region.provider}: reports.get answered an unexpected body`, {
        provider: region.provider,
        providerStatus: response.status,
      });
    }
    const report = toReport(region, head, customerId, context);
    // A 2xx is not enough: the body may say "Report being generated" (code 18001, HTTP 202).
    const generating = String(head.code ?? '') === BEING_GENERATED || response.status === 202 || report.status === 'IN_PROGRESS';
    await tracker.observed(report);
    return { report, response, generating };
  }

  return {
    generatableKinds: region.generatableKinds,
    async generate(customer, input) {
      const body = toReportBody(region, input, now());
      const callback = input.callbackUrl === null ? await tracker.issueCallback(customer.id) : null;
      const callbackUrl = input.callbackUrl ?? callback?.url;
      try {
        const ack = await client.callJson(
          {
            operation: `reports.generate.${GENERATE_SEGMENT[input.kind]}`,
            method: 'POST',
            path: `/decisioning/v2/customers/${segment(customer.id)}/${GENERATE_SEGMENT[input.kind]}`,
            query: { callbackUrl },
            body,
            data: { customerId: customer.id },
          },
          reportAckSchema,
        );
        const report = toReport(region, ack, customer.id, { provider: region.provider, operation: 'reports.generate' });
        await tracker.generated(report, callback?.token ?? null);
        return report;
      } catch (error) {
        if (callback) await tracker.discardCallback(callback.token);
        // 404 10100 "Cannot find consumer for customer with id …": VOA, VOI and personal cash flow
        // "require a Consumer to be created for a Customer" (seed 002, Consumers).
        if (error instanceof GatewayError && error.code === 'NOT_FOUND' && error.providerCode === CONSUMER_MISSING) {
          throw new GatewayError('CONFLICT', `${input.kind} reports need the customer's consumer first: create the consumer (createConsumer), then the report`, {
            provider: region.provider,
            ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
            providerCode: CONSUMER_MISSING,
          });
        }
        throw error;
      }
    },
    async listForCustomer(customer) {
      const body = await client.callJson(
        { operation: 'reports.list-for-customer', method: 'GET', path: `/decisioning/v1/customers/${segment(customer.id)}/reports` },
        reportListSchema,
      );
      const context: ReadContext = { provider: region.provider, operation: 'reports.list-for-customer' };
      return readRecords(reportSummarySchema, body.reports, context, (wire) => toReport(region, wire, customer.id, context));
    },
    async listForConsumer(consumer) {
      const customerId = scopeCustomerId(consumer, 'Consumer');
      const body = await client.callJson(
        { operation: 'reports.list-for-consumer', method: 'GET', path: `/decisioning/v1/consumers/${segment(consumer.id)}/reports` },
        reportListSchema,
      );
      const context: ReadContext = { provider: region.provider, operation: 'reports.list-for-consumer' };
      return readRecords(reportSummarySchema, body.reports, context, (wire) =>
        toReport(region, { ...wire, consumerId: wire.consumerId ?? consumer.id }, customerId, context),
      );
    },
    async get(target) {
      const customerId = scopeCustomerId(target, 'Report');
      const tracked = await tracker.lookup(target.id);
      if (tracked !== undefined && tracked.customerId === customerId && tracked.providerType !== null) {
        const settled = tracked.status !== 'IN_PROGRESS';
        const live = tracked.awaitingEvents && now() - tracked.updatedAtMs < IN_PROGRESS_TRUSTED_MS;
        if (settled || live) return fromTracked(region, tracked);
      }
      return nullWhenNotFound(fetchReport(target).then(({ report }) => report));
    },
    async content(target): Promise<ReportContent> {
      const { report, response, generating } = await fetchReport(target);
      if (generating) {
        throw new GatewayError('REPORT_NOT_READY', 'The report is still being generated; ask again shortly', {
          provider: region.provider,
          providerStatus: response.status,
          providerCode: BEING_GENERATED,
          retryable: true,
          retryAfterMs: NOT_READY_RETRY_AFTER_MS,
        });
      }
      return toReportContent(region, report, response.json);
    },
  };
}
