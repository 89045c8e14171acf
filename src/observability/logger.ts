import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks in every log line. Secrets (partner secrets, tokens, app keys, passwords) and
 * personal data (SSN, full account numbers) must never reach a log, whatever object carries them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.partnerSecret',
  '*.newPartnerSecret',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.appKey',
  '*.ssn',
  '*.accountNumber',
  '*.realAccountNumber',
  'headers["finicity-app-key"]',
  'headers["finicity-app-token"]',
  'headers["app-key"]',
  'headers["app-token"]',
  'headers["x-api-key"]',
  'headers.directlogin',
  'headers.authorization',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'open-finance-gateway' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination as DestinationStream | undefined,
  );
}
