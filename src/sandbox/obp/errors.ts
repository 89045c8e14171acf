import type { FastifyReply } from 'fastify';
import { OBP_ERRORS, type ObpErrorDefinition, type ObpErrorName } from './error-catalog.js';

/**
 * OBP's error body: `{"code": <HTTP status>, "message": "OBP-xxxxx: …"}`
 * (obp-resource-docs-extract.json meta.errorBody; ErrorMessage(code: Int, message: String)).
 */
export interface ObpErrorBody {
  code: number;
  message: string;
}

/**
 * Thrown by route handlers and turned into the OBP body by the app's error handler, so a handler
 * reads like OBP's own for-comprehensions: the first failing check wins.
 */
export class ObpError extends Error {
  readonly httpStatus: number;
  readonly obpCode: string;
  readonly headers: Record<string, string>;

  constructor(error: ObpErrorName | ObpErrorDefinition, detail = '', headers: Record<string, string> = {}) {
    const definition = typeof error === 'string' ? OBP_ERRORS[error] : error;
    // Handlers append context to the constant text (meta.runtimeErrorMessageFormats).
    super(definition.message + detail);
    this.name = 'ObpError';
    this.httpStatus = definition.httpStatus;
    this.obpCode = definition.code;
    this.headers = headers;
  }

  /** A few OBP handlers fail with a literal message that has no OBP-xxxxx constant. */
  static literal(httpStatus: number, message: string): ObpError {
    return new ObpError({ code: '', message, httpStatus });
  }

  toBody(): ObpErrorBody {
    return { code: this.httpStatus, message: this.message };
  }
}

export function sendObpError(reply: FastifyReply, error: ObpError): FastifyReply {
  return reply.code(error.httpStatus).headers(error.headers).type('application/json; charset=utf-8').send(error.toBody());
}

// The runtime message formats below are the ones OBP's NewStyle helpers produce
// (obp-resource-docs-extract.json meta.runtimeErrorMessageFormats).

export const bankNotFound = (bankId: string): ObpError => new ObpError('BankNotFound', ` Current BankId is ${bankId}`);

export const customerNotFoundById = (customerId: string): ObpError =>
  new ObpError('CustomerNotFoundByCustomerId', `. Current CustomerId(${customerId})`);

export const bankAccountNotFound = (bankId: string, accountId: string): ObpError =>
  new ObpError('BankAccountNotFound', ` Current BankId is ${bankId} and Current AccountId is ${accountId}`);

export const noViewAccess = (viewId: string): ObpError =>
  new ObpError('UserNoPermissionAccessView', ` Current ViewId is ${viewId}`);

/** OBP-20001 also carries a WWW-Authenticate challenge (obp-notes.md, Auth errors). */
export const userNotLoggedIn = (): ObpError =>
  new ObpError('UserNotLoggedIn', '', {
    'www-authenticate': 'OAuth realm="OBP-API", Bearer realm="OBP-API", DirectLogin realm="OBP-API"',
  });
