/** Caibo ids are 64-bit integers, kept as decimal strings (beyond 2^53 they stay exact). */
export const CAIBO_ID_PATTERN = /^\d{1,19}$/;
