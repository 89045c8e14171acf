import type { Logger } from '../observability/logger.js';

export interface Stoppable {
  /** Stops accepting, lets in-flight requests finish for up to `graceMs`, then releases everything. */
  close(options: { graceMs: number }): Promise<{ forced: boolean }>;
}

export interface ShutdownOptions {
  logger: Logger;
  graceMs: number;
  /** Run after the gateway closed (tracing flush). */
  after?: () => Promise<void>;
  exit?: (code: number) => void;
}

/**
 * SIGTERM/SIGINT: log "shutting down", close the gateway (in-flight requests get SHUTDOWN_GRACE_MS),
 * log "stopped", exit 0 — or 1 when the grace period ran out and requests were cut. A second
 * signal during shutdown exits at once (1). `npm start` execs node, so a signal sent to the npm
 * process is forwarded straight here.
 */
export function installShutdown(target: Stoppable, options: ShutdownOptions): void {
  const { logger, graceMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal during shutdown; stopping now');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal, graceMs }, 'shutting down');
    void (async () => {
      let code = 0;
      try {
        const { forced } = await target.close({ graceMs });
        if (forced) {
          logger.warn({ graceMs }, 'grace period over; open requests were cut');
          code = 1;
        }
        await options.after?.();
      } catch (error) {
        logger.error({ err: error }, 'error while shutting down');
        code = 1;
      }
      logger.info({ exitCode: code }, 'stopped');
      exit(code);
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
