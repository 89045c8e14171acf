import { GatewayError } from '../../../domain/errors.js';
import type { NativeRef } from '../../../domain/global-id.js';

/** The customer id a lending ref carries as its first scope entry (consumers, businesses, reports). */
export function scopeCustomerId(target: NativeRef, what: string): string {
  const customerId = target.scope[0];
  if (customerId === undefined) {
    throw new GatewayError('BAD_USER_INPUT', `Malformed ${what} ID: it names no customer`, { field: 'id' });
  }
  return customerId;
}

/**
 * The lending endpoints answer "not found" with HTTP 404 and codes the shared error map reads
 * otherwise: 10100 "Cannot find consumer for customer with id …" is also the code of format errors
 * (400), 10002/10003 (customer / business not found) and 3003/3004 are not in it. The status decides.
 */
export function isNotFound(error: unknown): error is GatewayError {
  return error instanceof GatewayError && (error.code === 'NOT_FOUND' || error.providerStatus === 404);
}

export function nullWhenNotFound<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
}

/** Re-reads a lending 404 as NOT_FOUND (see isNotFound), keeping the provider details. */
export function notFoundBy404(error: unknown, message?: string): unknown {
  if (!isNotFound(error) || error.code === 'NOT_FOUND') return error;
  return new GatewayError('NOT_FOUND', message ?? error.message, {
    ...(error.provider === undefined ? {} : { provider: error.provider }),
    ...(error.providerStatus === undefined ? {} : { providerStatus: error.providerStatus }),
    ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    cause: error,
  });
}
