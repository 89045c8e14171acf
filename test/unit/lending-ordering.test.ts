import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod/v4';
import { GatewayError } from '../../src/domain/errors.js';
import { ref } from '../../src/domain/global-id.js';
import type { UpstreamResponse } from '../../src/http/http-client.js';
import { toGatewayError } from '../../src/providers/mastercard/errors.mapper.js';
import type { FinicityClient, FinicityRequest } from '../../src/providers/mastercard/finicity-client.js';
import { createBusinessesPort } from '../../src/providers/mastercard/lending/businesses.js';
import { AU_LENDING, US_LENDING } from '../../src/providers/mastercard/lending/region.js';
import { TOO_MANY_INTERVAL_TYPES, toReportBody } from '../../src/providers/mastercard/lending/report-input.js';
import { createReportTracker } from '../../src/providers/mastercard/lending/report-tracker.js';
import { createReportsPort } from '../../src/providers/mastercard/lending/reports.js';

type Answer = { status: number; json?: unknown };

/** A FinicityClient over canned answers, mapping errors like the real one. */
function fakeClient(answer: (request: FinicityRequest) => Answer): FinicityClient & { calls: FinicityRequest[] } {
  const calls: FinicityRequest[] = [];
  const call = async (request: FinicityRequest): Promise<UpstreamResponse> => {
    calls.push(request);
    const { status, json } = answer(request);
    const response: UpstreamResponse = { status, headers: {}, contentType: 'application/json', text: JSON.stringify(json ?? ''), json };
    if (status >= 300) throw toGatewayError('MASTERCARD_US', response, request.operation);
    return response;
  };
  return {
    calls,
    call,
    async callJson<T>(request: FinicityRequest, schema: ZodType<T>): Promise<T> {
      return schema.parse((await call(request)).json);
    },
  };
}

const customer = ref('MASTERCARD_US', 'Customer', '1005061234');
const business = {
  name: 'ABC Tires Inc',
  personallyLiable: true,
  address: { addressLine1: '434 W Ascension Way', city: 'Murray', state: 'UT', country: 'US', postalCode: '84123' },
  phoneNumber: { countryCode: '1', phoneNo: '8042221111' },
};
/** The simulator's (and the spec's only) 409 for AddBusinessDetails: code 11000 whatever the reason. */
const conflict: Answer = { status: 409, json: { code: '11000', message: 'A consumer already exists for customer 1005061234' } };

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the consumer/business ordering rule (seed 001, Businesses)', () => {
  it('a 409 for a personally liable business without a consumer says to create the consumer first', async () => {
    const client = fakeClient((request) =>
      request.method === 'POST' ? conflict : { status: 404, json: { code: '10100', message: 'Cannot find consumer for customer with id 1005061234.' } },
    );
    const error = await refusal(createBusinessesPort(client, US_LENDING).create(customer, business));
    expect(error).toMatchObject({ code: 'CONFLICT', provider: 'MASTERCARD_US', providerStatus: 409, providerCode: '11000' });
    expect(error.message).toMatch(/consumer first/);
    expect(client.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /business-services/customers/1005061234/businesses',
      'GET /decisioning/v1/customers/1005061234/consumer',
    ]);
  });

  it('with the consumer present, the 409 is the one-business-per-customer rule', async () => {
    const client = fakeClient((request) =>
      request.method === 'POST' ? conflict : { status: 200, json: { id: 'c1', customerId: 1005061234, firstName: 'A', lastName: 'B' } },
    );
    const error = await refusal(createBusinessesPort(client, US_LENDING).create(customer, business));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already has a business/);
  });

  it('a business that is not personally liable needs no consumer lookup', async () => {
    const client = fakeClient(() => conflict);
    const error = await refusal(createBusinessesPort(client, US_LENDING).create(customer, { ...business, personallyLiable: false }));
    expect(error.message).toMatch(/already has a business/);
    expect(client.calls).toHaveLength(1);
  });

  it('a report that needs a consumer (404 10100) is a CONFLICT naming what to create first', async () => {
    const client = fakeClient(() => ({ status: 404, json: { code: '10100', message: 'Cannot find consumer for customer with id 1005061234.' } }));
    const tracker = createReportTracker({ provider: 'MASTERCARD_US', store: new Keyv(), publicBaseUrl: () => 'https://gateway.example.com' });
    const reports = createReportsPort(client, US_LENDING, { tracker, now: Date.now });
    const error = await refusal(reports.generate(customer, { kind: 'VOA', fromDate: null, accountIds: [], intervalTypes: [], callbackUrl: null }));
    expect(error).toMatchObject({ code: 'CONFLICT', providerCode: '10100' });
    expect(error.message).toMatch(/consumer first/);
    // The callback issued for the failed generation is gone: nothing can post to it.
    const url = new URL(String(client.calls[0]!.query!.callbackUrl));
    expect(url.pathname.startsWith('/webhooks/mastercard/reports/')).toBe(true);
    const token = url.pathname.split('/').at(-1)!;
    expect(await tracker.receive(token, { eventName: 'done', id: 'x', status: 'success', customerId: 1005061234 })).toEqual({
      accepted: false,
      reason: 'unknown-callback',
    });
  });
});

describe('report generation options', () => {
  const base = { fromDate: null, accountIds: [], intervalTypes: [], callbackUrl: null } as const;
  const NOW = Date.parse('2025-06-30T12:00:00Z');

  it('VOI: at most two interval types, with the provider message; MONTHLY_CALENDAR by default', () => {
    expect(() => toReportBody(US_LENDING, { ...base, kind: 'VOI', intervalTypes: ['DAILY', 'WEEKLY_CALENDAR', 'ANNUALLY'] }, NOW)).toThrow(
      TOO_MANY_INTERVAL_TYPES,
    );
    expect(TOO_MANY_INTERVAL_TYPES).toBe('More than 2 intervalTypes passed request.');
    expect(toReportBody(US_LENDING, { ...base, kind: 'VOI' }, NOW)).toEqual({ intervalTypes: ['MONTHLY_CALENDAR'] });
    expect(toReportBody(AU_LENDING, { ...base, kind: 'VOI', intervalTypes: ['MONTHLY_ROLLING_30', 'HISTORICALLY'] }, NOW)).toEqual({
      intervalTypes: ['MONTHLY_ROLLING_30', 'HISTORICALLY'],
    });
  });

  it('refuses interval types on other kinds, a future fromDate and kinds the region lacks', () => {
    expect(() => toReportBody(US_LENDING, { ...base, kind: 'VOA', intervalTypes: ['DAILY'] }, NOW)).toThrow(/VOI reports only/);
    expect(() => toReportBody(US_LENDING, { ...base, kind: 'VOA', fromDate: new Date(NOW + 1000) }, NOW)).toThrow(/future/);
    expect(toReportBody(US_LENDING, { ...base, kind: 'VOA', fromDate: new Date('2025-01-01T00:00:00Z'), accountIds: ['1', '2'] }, NOW)).toEqual({
      fromDate: 1735689600,
      accountIds: '1 2',
    });
    const error = (() => {
      try {
        toReportBody(AU_LENDING, { ...base, kind: 'CASH_FLOW_PERSONAL' }, NOW);
      } catch (caught) {
        return caught as GatewayError;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'UNSUPPORTED_BY_PROVIDER', provider: 'MASTERCARD_AU' });
  });
});
