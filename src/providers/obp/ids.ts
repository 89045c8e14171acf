import { pathSegmentMatching } from '../../domain/native-id.js';

/**
 * OBP ids (seed 004, OBP-30111 for BANK_ID, the same rule for ACCOUNT_ID and the UUIDs of
 * customers and transactions): 0-9, a-z, A-Z, '-', '.', '_', shorter than 255 — and never only
 * dots, which the OBP rule alone would let through as a `..` path segment.
 */
export const OBP_ID_PATTERN = /^(?!\.+$)[0-9A-Za-z._-]{1,254}$/;

/** An id checked against {@link OBP_ID_PATTERN} and encoded for a path; else BAD_USER_INPUT. */
export const obpPathSegment = pathSegmentMatching(OBP_ID_PATTERN, 'OBP');
