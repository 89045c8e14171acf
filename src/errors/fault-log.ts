import { faultOwner, type GatewayError } from '../domain/errors.js';
import type { Logger } from '../observability/logger.js';

/**
 * Logs a GatewayError by whose fault it is (src/domain/errors.ts, `faultOwner`): a caller's fault at
 * `callerLevel` (info for a refused request, debug for one failed field) with its code, field and
 * the message the caller reads, no stack — it is an answer, not an incident; a provider's fault at
 * warn and the gateway's own at error, each with its cause (stack included) for whoever is on call.
 * A state the provider documents and ends by itself (`stillPreparing`: an AU account in its first
 * aggregation, seed 002 325/5006) is nobody's fault: info, no stack, with the caller's message.
 * `log` carries the request id and operation name (the caller's child logger).
 */
export function logFault(log: Logger, error: GatewayError, fields: Record<string, unknown>, message: string, callerLevel: 'info' | 'debug' = 'info'): void {
  const owner = faultOwner(error);
  const about = {
    code: error.code,
    ...(error.provider === undefined ? {} : { provider: error.provider }),
    ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
    ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    ...fields,
  };
  // The message is the one the caller reads (written to carry no secret), not the stack.
  if (owner === 'nobody') log.info({ ...about, reason: error.message }, message);
  else if (owner === 'caller') log[callerLevel]({ ...about, ...(error.field === undefined ? {} : { field: error.field }), reason: error.message }, message);
  else log[owner === 'internal' ? 'error' : 'warn']({ ...about, err: error.cause ?? error }, message);
}
