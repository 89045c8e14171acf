import { z } from 'zod/v4';
import { moneyOf } from '../../domain/money.js';
import type { AvailableBalance, AvailableBalancePort, LiveBalancePort } from '../../domain/account-details.port.js';
import { decimalFromNumber } from '../../domain/decimal.js';
import { badInput } from '../../domain/errors.js';
import type { NativeRef } from '../../domain/global-id.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import { asBillable } from '../../observability/tracing.js';
import { accountScope, nullWhenUnsupportedType } from './account-scope.js';
import { epochToDate } from './customers.mapper.js';
import type { FinicityClient, FinicityRequest } from './finicity-client.js';
import { segment, type MastercardRegion } from './region.js';
import { readOne } from '../record-reader.js';
import { epochSeconds, recordBodySchema } from './wire.js';

/**
 * Account Balance (seed 002). Cached and live are both "a billable event each time the API is
 * called" in the AU docs (the US spec: "billable per every successful API call"), so each success
 * is counted in `gateway_billable_calls_total`, and none is retried by the HTTP layer: a retry after
 * a lost answer could be billed twice.
 */
const balanceSchema = z
  .object({
    availableBalance: z.number(),
    availableBalanceDate: epochSeconds.nullish(),
    clearedBalance: z.number().nullish(),
    clearedBalanceDate: epochSeconds.nullish(),
    currency: z.string().nullish(),
  })
  .passthrough();

/** balance_cache_interval: minutes, 0 (always live) … 1440 (openbanking-us.yaml AllowedBalanceCacheInterval). */
export const MAX_BALANCE_CACHE_MINUTES = 1440;

export function billable(region: MastercardRegion, client: FinicityClient, metrics: GatewayMetrics) {
  return async <T>(request: FinicityRequest, schema: z.ZodType<T>): Promise<T> => {
    const body = await asBillable(() => client.callJson({ ...request, idempotent: false }, schema));
    metrics.billableCalls.inc({ provider: region.provider, operation: request.operation });
    return body;
  };
}

function toBalance(region: MastercardRegion, wire: z.infer<typeof balanceSchema>, live: boolean): AvailableBalance {
  const currency = wire.currency && /^[A-Z]{3}$/.test(wire.currency) ? wire.currency : region.defaultCurrency;
  return {
    available: moneyOf(decimalFromNumber(wire.availableBalance), currency),
    availableAt: epochToDate(wire.availableBalanceDate),
    cleared: wire.clearedBalance == null ? null : moneyOf(decimalFromNumber(wire.clearedBalance), currency),
    clearedAt: epochToDate(wire.clearedBalanceDate),
    live,
  };
}

const balancePath = (account: NativeRef, customerId: string): string =>
  `/aggregation/v1/customers/${segment(customerId)}/accounts/${segment(account.id)}/availableBalance`;

export function createAvailableBalancePort(region: MastercardRegion, client: FinicityClient, metrics: GatewayMetrics): AvailableBalancePort {
  const call = billable(region, client, metrics);
  return {
    async get(account) {
      const data = accountScope(account);
      return nullWhenUnsupportedType(
        call({ operation: 'balance.cached', method: 'GET', path: balancePath(account, data.customerId), data }, recordBodySchema).then((body) =>
          readOne(balanceSchema, body, { provider: region.provider, operation: 'balance.cached' }, (wire) => toBalance(region, wire, false)),
        ),
      );
    },
  };
}

export function createLiveBalancePort(region: MastercardRegion, client: FinicityClient, metrics: GatewayMetrics): LiveBalancePort {
  const call = billable(region, client, metrics);
  return {
    async get(account, maxCacheAgeMinutes) {
      if (!Number.isInteger(maxCacheAgeMinutes) || maxCacheAgeMinutes < 0 || maxCacheAgeMinutes > MAX_BALANCE_CACHE_MINUTES) {
        throw badInput(`maxCacheAgeMinutes must be between 0 and ${MAX_BALANCE_CACHE_MINUTES}`, 'maxCacheAgeMinutes');
      }
      const data = accountScope(account);
      return nullWhenUnsupportedType(
        call(
          {
            operation: 'balance.live',
            method: 'GET',
            path: `${balancePath(account, data.customerId)}/live`,
            // Sent explicitly: the platform's default changes from 0 to 30 min on 30 June 2026 (openbanking-us.yaml GetAvailableBalanceLive).
            query: { balance_cache_interval: maxCacheAgeMinutes },
            data,
          },
          recordBodySchema,
        ).then((body) =>
          readOne(balanceSchema, body, { provider: region.provider, operation: 'balance.live' }, (wire) =>
            toBalance(region, wire, maxCacheAgeMinutes === 0),
          ),
        ),
      );
    },
  };
}
