import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/domain/errors.js';
import type { NativeRef } from '../../src/domain/global-id.js';
import { createMastercardAdapter, type MastercardAdapter } from '../../src/providers/mastercard/adapter.js';
import { createBusinessesPort } from '../../src/providers/mastercard/lending/businesses.js';
import { createConsumersPort } from '../../src/providers/mastercard/lending/consumers.js';
import { US_LENDING } from '../../src/providers/mastercard/lending/region.js';
import { createReportTracker } from '../../src/providers/mastercard/lending/report-tracker.js';
import { createReportsPort } from '../../src/providers/mastercard/lending/reports.js';
import { US_REGION } from '../../src/providers/mastercard/us.js';
import { MASTERCARD_US_SANDBOX_CREDENTIALS, startMastercardSimulator, type MastercardSimulator } from '../../src/sandbox/mastercard/index.js';
import { adapterDependencies } from '../support/sandbox-deps.js';

/**
 * The consumer/business ordering rule (seed 001, Businesses) and the consumer a report needs, on the
 * real Finicity client against the US simulator: the simulator's route counters show which calls
 * the ports make.
 */
let simulator: MastercardSimulator;
let adapter: MastercardAdapter;
let created = 0;

beforeAll(async () => {
  simulator = await startMastercardSimulator({ region: 'US' });
  adapter = createMastercardAdapter({
    region: US_REGION,
    baseUrl: simulator.url,
    credentials: MASTERCARD_US_SANDBOX_CREDENTIALS,
    ...adapterDependencies(),
  });
});
afterAll(async () => {
  await adapter.close();
  await simulator.close();
});

async function freshCustomer(): Promise<NativeRef> {
  created += 1;
  const customer = await adapter.customerWrite!.create({
    kind: 'TESTING',
    username: `ordering-${process.pid}-${created}`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    name: null,
    email: null,
    phone: null,
    category: null,
    details: null,
  });
  return customer.ref;
}

const business = {
  name: 'ABC Tires Inc',
  personallyLiable: true,
  address: { addressLine1: '434 W Ascension Way', city: 'Murray', state: 'UT', country: 'US', postalCode: '84123' },
  phoneNumber: { countryCode: '1', phoneNo: '8042221111' },
};
const consumer = { firstName: 'Ada', lastName: 'Lovelace', state: 'UT', email: 'ada@example.com', birthday: { year: 1990, month: 1, dayOfMonth: 2 } };

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

const BUSINESS_CREATE = 'POST /business-services/customers/:customerId/businesses';
const CONSUMER_GET = 'GET /decisioning/v1/customers/:customerId/consumer';

describe('the consumer/business ordering rule', () => {
  it('a personally liable business before the consumer is CONFLICT saying to create the consumer first', async () => {
    const customer = await freshCustomer();
    simulator.resetStats();
    const error = await refusal(createBusinessesPort(adapter.client, US_LENDING).create(customer, business));
    expect(error).toMatchObject({ code: 'CONFLICT', provider: 'MASTERCARD_US', providerStatus: 409 });
    expect(error.message).toMatch(/consumer first/);
    expect(simulator.stats().byRoute[BUSINESS_CREATE]).toBe(1);
    expect(simulator.stats().byRoute[CONSUMER_GET]).toBe(1);
  });

  it('with the consumer present, the business is created; a second one is the one-business rule', async () => {
    const customer = await freshCustomer();
    await createConsumersPort(adapter.client, US_LENDING, Date.now).create(customer, consumer);
    const businesses = createBusinessesPort(adapter.client, US_LENDING);
    const first = await businesses.create(customer, business);
    expect(first.name).toBe('ABC Tires Inc');
    const error = await refusal(businesses.create(customer, business));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already has a business/);
  });

  it('a business that is not personally liable needs no consumer lookup', async () => {
    const customer = await freshCustomer();
    simulator.resetStats();
    await createBusinessesPort(adapter.client, US_LENDING).create(customer, { ...business, personallyLiable: false });
    expect(simulator.stats().byRoute[BUSINESS_CREATE]).toBe(1);
    expect(simulator.stats().byRoute[CONSUMER_GET] ?? 0).toBe(0);
  });

  it('a report that needs a consumer is CONFLICT naming what to create first, and its callback dies with it', async () => {
    const customer = await freshCustomer();
    const tracker = createReportTracker({ provider: 'MASTERCARD_US', store: new Keyv(), publicBaseUrl: () => 'https://gateway.example.com' });
    const issued: string[] = [];
    const recording = {
      ...tracker,
      async issueCallback(customerId: string) {
        const callback = await tracker.issueCallback(customerId);
        if (callback) issued.push(callback.token);
        return callback;
      },
    };
    const reports = createReportsPort(adapter.client, US_LENDING, { tracker: recording, now: Date.now });
    const error = await refusal(reports.generate(customer, { kind: 'VOA', fromDate: null, accountIds: [], intervalTypes: [], callbackUrl: null }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/consumer first/);
    expect(issued).toHaveLength(1);
    expect(await tracker.receive(issued[0]!, { eventName: 'done', id: 'x', status: 'success', customerId: Number(customer.id) })).toEqual({
      accepted: false,
      reason: 'unknown-callback',
    });
  });
});
