/**
 * Timers for retry loops that must stop at once on close: `sleep(ms)` resolves after `ms` (the timer
 * never keeps the process alive), `wakeAll()` resolves every pending sleep now. Used by the webhook
 * senders (outbound deliveries, the simulators' event senders) so a shutdown never waits out a
 * backoff.
 */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
  wakeAll(): void;
}

export function createSleeper(): Sleeper {
  const sleeping = new Map<NodeJS.Timeout, () => void>();
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          sleeping.delete(timer);
          resolve();
        }, ms);
        timer.unref();
        sleeping.set(timer, resolve);
      }),
    wakeAll() {
      for (const [timer, wake] of sleeping) {
        clearTimeout(timer);
        wake();
      }
      sleeping.clear();
    },
  };
}
