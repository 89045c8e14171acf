import { circuitBreaker, ConsecutiveBreaker, handleAll } from 'cockatiel';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createProviderHealthBoard } from '../../src/observability/provider-health.js';

describe('provider health board', () => {
  it('follows the breaker: open while calls are refused, half-open once its pause is over, closed after a success', async () => {
    let now = 1_000_000;
    const registry = new Registry();
    const board = createProviderHealthBoard(registry, () => now);
    const breaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(1) });
    board.watchBreaker('OBP', breaker, 10_000);
    expect(board.read('OBP')).toEqual({ breaker: 'closed', lastSuccessAt: null, lastFailureAt: null });
    expect(board.read('CAIBO_IPG')).toBeUndefined();

    board.failed('OBP');
    await expect(breaker.execute(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(board.read('OBP')).toMatchObject({ breaker: 'open', lastFailureAt: now });
    expect(await registry.getSingleMetricAsString('gateway_provider_breaker_open')).toContain('gateway_provider_breaker_open{provider="OBP"} 1');

    now += 10_001;
    expect(board.read('OBP')?.breaker).toBe('half-open');

    board.succeeded('OBP');
    expect(board.read('OBP')?.lastSuccessAt).toBe(now);
    expect(await registry.getSingleMetricAsString('gateway_provider_last_success_timestamp_seconds')).toContain(`{provider="OBP"} ${now / 1000}`);
  });
});
