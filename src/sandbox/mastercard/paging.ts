import type { FastifyReply } from 'fastify';
import { invalidParameter, sendError } from './errors.js';

export interface Paging {
  /** 1-based index of the first record (customers, transactions) or of the page (institutions). */
  start: number;
  limit: number;
}

/** Spec maximum for `limit` everywhere (us-notes.md, Customers/Transactions). */
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 25;

/**
 * Reads `start`/`limit`. Below 1 they are 41003 / 41004 (error-examples.json InvalidStartIndexExample,
 * InvalidLimitExample). Above 1000 the docs give no error, so we cap at 1000 as the schema's maximum.
 */
export function parsePaging(query: Record<string, string | undefined>, reply: FastifyReply): Paging | undefined {
  const start = parseOptionalInt(query.start, 1);
  const limit = parseOptionalInt(query.limit, DEFAULT_LIMIT);
  if (start === undefined) {
    invalidParameter(reply, 'start');
    return undefined;
  }
  if (limit === undefined) {
    invalidParameter(reply, 'limit');
    return undefined;
  }
  if (start < 1) {
    sendError(reply, 400, '41003', 'Start index cannot be less than one.');
    return undefined;
  }
  if (limit < 1) {
    sendError(reply, 400, '41004', 'Limit cannot be less than one.');
    return undefined;
  }
  return { start, limit: Math.min(limit, MAX_LIMIT) };
}

/** Integer query value, the fallback when absent, undefined when malformed. */
export function parseOptionalInt(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** Boolean query value (`true`/`false`, any case); undefined when malformed. */
export function parseOptionalBool(raw: string | undefined, fallback: boolean): boolean | undefined {
  if (raw === undefined || raw === '') return fallback;
  const v = raw.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}
