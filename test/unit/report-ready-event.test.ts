import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { decodeGlobalId, ref } from '../../src/domain/global-id.js';
import type { Report } from '../../src/domain/lending.port.js';
import { createGatewayEvents, type GatewayEvent } from '../../src/events/gateway-events.js';
import { createReportTracker } from '../../src/providers/mastercard/lending/report-tracker.js';

const report = (status: Report['status']): Report => ({
  ref: ref('MASTERCARD_AU', 'Report', 'u4hstnnaewetr-voa', '1005061234'),
  provider: 'MASTERCARD_AU',
  providerId: 'u4hstnnaewetr-voa',
  kind: 'VOA',
  providerType: 'voa',
  status,
  createdAt: new Date('2025-06-30T12:00:00Z'),
  customerRef: ref('MASTERCARD_AU', 'Customer', '1005061234'),
  consumerRef: null,
  title: null,
  requestId: 'abc',
});
const done = { eventName: 'done', id: 'u4hstnnaewetr-voa', type: 'voa', status: 'success', customerId: '1005061234' };

/** A tracker on an event bus, with one report generated on its own callback. */
async function trackedReport() {
  const events = createGatewayEvents();
  const seen: GatewayEvent[] = [];
  events.subscribe((event) => void seen.push(event));
  const tracker = createReportTracker({ provider: 'MASTERCARD_AU', store: new Keyv(), publicBaseUrl: () => 'https://gw.example.com', events });
  const callback = await tracker.issueCallback('1005061234');
  await tracker.generated(report('IN_PROGRESS'), callback!.token);
  return { seen, tracker, callback };
}

describe('report.ready on the gateway event bus', () => {
  it('is published once when a tracked report becomes SUCCESS, with ids a caller can query', async () => {
    const { seen, tracker, callback } = await trackedReport();
    expect(await tracker.receive(callback!.token, { ...done, eventName: 'inProgress', status: 'inProgress' })).toMatchObject({ accepted: true });
    await tracker.receive(callback!.token, done);
    await tracker.receive(callback!.token, done); // a replay publishes nothing
    await tracker.observed(report('SUCCESS'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.map((event) => event.type)).toEqual(['report.ready']);
    const data = seen[0]!.data as Record<string, string>;
    expect(data).toMatchObject({ provider: 'MASTERCARD_AU', providerReportId: 'u4hstnnaewetr-voa', reportType: 'voa', status: 'SUCCESS' });
    expect(decodeGlobalId(data.reportId!, 'Report')).toMatchObject({ id: 'u4hstnnaewetr-voa' });
    expect(decodeGlobalId(data.customerId!, 'Customer')).toMatchObject({ id: '1005061234' });
  });

  it('is not published for a failed report', async () => {
    const { seen, tracker, callback } = await trackedReport();
    await tracker.receive(callback!.token, { ...done, eventName: 'failed', status: 'failure' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
  });
});
