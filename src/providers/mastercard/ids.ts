import { pathSegmentMatching } from '../../domain/native-id.js';

/**
 * Mastercard (Finicity platform) ids as the documents show them: numeric customer, account,
 * transaction and institution(-login) ids, UUID consent receipts and consumer ids, report ids such
 * as `p9xmmk4ky2jn-voa` (seed 002, us-notes.md). No dots, no separators.
 */
export const MASTERCARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** An id checked against {@link MASTERCARD_ID_PATTERN} and encoded for a path; else BAD_USER_INPUT. */
export const mastercardPathSegment = pathSegmentMatching(MASTERCARD_ID_PATTERN, 'Mastercard');
