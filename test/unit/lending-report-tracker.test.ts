import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { ref } from '../../src/domain/global-id.js';
import type { Report } from '../../src/domain/lending.port.js';
import { createReportTracker } from '../../src/providers/mastercard/lending/report-tracker.js';

const report = (status: Report['status'], id = 'u4hstnnaewetr-voi'): Report => ({
  ref: ref('MASTERCARD_US', 'Report', id, '1005061234'),
  provider: 'MASTERCARD_US',
  providerId: id,
  kind: 'VOI',
  providerType: 'voi',
  status,
  createdAt: new Date('2025-06-30T12:00:00Z'),
  customerRef: ref('MASTERCARD_US', 'Customer', '1005061234'),
  consumerRef: null,
  title: null,
  requestId: 'abc',
});
/** The AU docs' event shape (seed 002, "Webhook Reports Events List"). */
const event = (eventName: string, status: string, id = 'u4hstnnaewetr-voi', customerId: number | string = 1005061234) => ({
  eventName,
  id,
  consumerId: '515909541562f11486e572f073ef5dce',
  type: 'voi',
  status,
  customerId,
});

function tracker(base: string | null = 'https://gateway.example.com/') {
  return createReportTracker({ provider: 'MASTERCARD_US', store: new Keyv(), publicBaseUrl: () => base ?? undefined });
}

async function issued(subject: ReturnType<typeof tracker>): Promise<string> {
  const callback = await subject.issueCallback('1005061234');
  expect(callback!.url).toBe(`https://gateway.example.com/webhooks/mastercard/reports/${callback!.token}`);
  return callback!.token;
}

describe('report tracker (gateway callback URLs and report events)', () => {
  it('issues no callback when the public URL is unknown', async () => {
    expect(await tracker(null).issueCallback('1005061234')).toBeNull();
  });

  it('moves IN_PROGRESS → SUCCESS on `done`; replays and late events change nothing', async () => {
    const subject = tracker();
    const token = await issued(subject);
    await subject.generated(report('IN_PROGRESS'), token);
    expect(await subject.lookup('u4hstnnaewetr-voi')).toMatchObject({ status: 'IN_PROGRESS', awaitingEvents: true, providerType: 'voi' });
    expect(await subject.receive(token, event('done', 'success'))).toEqual({ accepted: true, changed: ['u4hstnnaewetr-voi'], unchanged: [] });
    expect(await subject.receive(token, event('done', 'success'))).toEqual({ accepted: true, changed: [], unchanged: ['u4hstnnaewetr-voi'] });
    expect(await subject.receive(token, event('inProgress', 'inProgress'))).toMatchObject({ accepted: true, changed: [] });
    expect(await subject.receive(token, event('failed', 'failure'))).toMatchObject({ accepted: true, changed: [] });
    expect((await subject.lookup('u4hstnnaewetr-voi'))!.status).toBe('SUCCESS');
  });

  it('accepts only its own tokens, the token\'s customer and the token\'s report', async () => {
    const subject = tracker();
    const token = await issued(subject);
    await subject.generated(report('IN_PROGRESS'), token);
    expect(await subject.receive('A'.repeat(43), event('done', 'success'))).toEqual({ accepted: false, reason: 'unknown-callback' });
    expect(await subject.receive('../../etc', event('done', 'success'))).toEqual({ accepted: false, reason: 'unknown-callback' });
    expect(await subject.receive(token, event('done', 'success', 'other-report'))).toEqual({ accepted: false, reason: 'foreign-report' });
    expect(await subject.receive(token, event('done', 'success', 'u4hstnnaewetr-voi', 42))).toEqual({ accepted: false, reason: 'foreign-report' });
    expect(await subject.receive(token, { eventType: 'generating', payload: {} })).toEqual({ accepted: false, reason: 'malformed' });
    expect((await subject.lookup('other-report'))).toBeUndefined();
    expect((await subject.lookup('u4hstnnaewetr-voi'))!.status).toBe('IN_PROGRESS');
  });

  it('binds the token to the first report when `inProgress` arrives before the 202, and takes arrays', async () => {
    const subject = tracker();
    const token = await issued(subject);
    expect(await subject.receive(token, [event('inProgress', 'inProgress', 'early-voi', '1005061234')])).toMatchObject({ accepted: true });
    expect(await subject.receive(token, event('done', 'success', 'another'))).toEqual({ accepted: false, reason: 'foreign-report' });
    expect(await subject.receive(token, event('failed', 'failure', 'early-voi'))).toMatchObject({ accepted: true, changed: ['early-voi'] });
    // The acknowledgement arrives late: it completes the record without undoing the FAILURE.
    await subject.generated(report('IN_PROGRESS', 'early-voi'), token);
    expect(await subject.lookup('early-voi')).toMatchObject({ status: 'FAILURE', requestId: 'abc', customerId: '1005061234' });
  });

  it('remembers what a read observed only for reports it tracks', async () => {
    const subject = tracker();
    await subject.generated(report('IN_PROGRESS'), null);
    await subject.observed(report('SUCCESS'));
    await subject.observed(report('SUCCESS', 'not-ours'));
    expect(await subject.lookup('u4hstnnaewetr-voi')).toMatchObject({ status: 'SUCCESS', awaitingEvents: false });
    expect(await subject.lookup('not-ours')).toBeUndefined();
  });
});
