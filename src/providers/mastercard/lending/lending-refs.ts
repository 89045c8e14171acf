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
