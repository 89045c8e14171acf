import type { AuthorizationPeriod } from './lending.port.js';

const DAY_MS = 86_400_000;

/**
 * How early a frontend should prompt the customer to re-authorize. The provider gives no figure
 * (seed 001 only says to prompt "before their authorization expires"); 30 days leaves time for an
 * email reminder and a follow-up, and is a common notice period for one-year consents.
 */
export const EXPIRING_SOON_DAYS = 30;

export interface AuthorizationStatus {
  /** Whole days until the end, rounded down: 0 on the last day, negative once it has ended. */
  expiresInDays: number;
  isExpired: boolean;
  /** Not yet ended, and ends within EXPIRING_SOON_DAYS. */
  isExpiringSoon: boolean;
}

/** Derived from the request clock, so every field of one request agrees. */
export function authorizationStatus(period: Pick<AuthorizationPeriod, 'endsAt'>, nowMs: number): AuthorizationStatus {
  const remainingMs = period.endsAt.getTime() - nowMs;
  const isExpired = remainingMs <= 0;
  return {
    expiresInDays: Math.floor(remainingMs / DAY_MS),
    isExpired,
    isExpiringSoon: !isExpired && remainingMs <= EXPIRING_SOON_DAYS * DAY_MS,
  };
}
