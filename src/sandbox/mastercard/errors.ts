import type { FastifyReply } from 'fastify';

/**
 * The Finicity error body: `{code, message}`, optionally with `status`, `user_message`
 * (us-notes.md, Errors). `code` is documented as number OR string and both occur in the spec's
 * examples; we keep whichever type the matching example uses, so clients must accept both.
 */
export interface FinicityErrorBody {
  code: number | string;
  message: string;
  status?: string;
  user_message?: string;
}

export function sendError(
  reply: FastifyReply,
  httpStatus: number,
  code: number | string,
  message: string,
  extra: Omit<FinicityErrorBody, 'code' | 'message'> = {},
): FastifyReply {
  return reply.code(httpStatus).type('application/json').send({ code, message, ...extra });
}

/** Real Finicity answers some 401s with a bare text body, e.g. `Invalid (Finicity-App-Key)` (us-notes.md, Auth). */
export function sendPlainText(reply: FastifyReply, httpStatus: number, text: string): FastifyReply {
  return reply.code(httpStatus).type('text/plain; charset=utf-8').send(text);
}

export const missingParameter = (reply: FastifyReply, name: string): FastifyReply =>
  // 10005 Missing Parameter, HTTP 400 (error-examples.json MissingFieldExample; seed 002, API Status Codes)
  sendError(reply, 400, '10005', `Missing parameter (${name})`);

export const invalidParameter = (reply: FastifyReply, name: string): FastifyReply =>
  // 10100 "Invalid parameter (<parameter name>)" (error-examples.json InvalidParameterExample)
  sendError(reply, 400, 10100, `Invalid parameter (${name})`);

export const customerNotFound = (reply: FastifyReply): FastifyReply =>
  // 14001 (error-examples.json CustomerNotFoundExample)
  sendError(reply, 404, '14001', 'Customer not found.');

export const accountNotFound = (reply: FastifyReply, customerId: string, accountId: string): FastifyReply =>
  // 38003 with the spec's own message wording (error-examples.json InvalidAccountIdExample)
  sendError(
    reply,
    404,
    '38003',
    `customer does not have given account (customerId = ${customerId}, accountId = [${accountId}]`,
  );

export const accountTypeNotSupported = (reply: FastifyReply): FastifyReply =>
  // error-examples.json AccountTypeNotSupportedExample
  sendError(reply, 400, '14020', 'Bad request. (Account type not supported).');
