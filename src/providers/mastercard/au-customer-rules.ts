import { badInput } from '../../domain/errors.js';
import { inputDetailsFor, type CreateCustomerInput } from '../../domain/ports.js';
import { isValidAbn, normalizeAbn } from './abn.js';
import type { AuAccessModel } from './au.js';

/**
 * Mastercard AU customer rules checked before any call, so a caller learns which field is wrong
 * without a round trip (seed 000, Customer Records):
 * - `category` is INDIVIDUAL (default) or BUSINESS; an `abn` belongs to a BUSINESS customer;
 * - BCDC partners "must set the customer category to BUSINESS";
 * - under BCDC the ABN is mandatory for ACTIVE customers ("test customers only require a
 *   username", so a TESTING one may omit it) and must be valid and active;
 * - active customers belong to a registered application (`applicationId`; seed 002, Applications).
 * The ABN is checked only where the provider checks it: under BCDC ("validated against the Australian
 * Business Register and must be valid and active"), the ABR check digit is verified here and the
 * provider answers whether it is active (10100). Under OSP and CDR representative "the ABN is not
 * validated" (seed 000), so it is passed on as typed, spaces removed (issue 16, row 4).
 * Returns the input with the ABN normalised (spaces removed).
 */
export function checkAuCustomer(input: CreateCustomerInput, accessModel: AuAccessModel): CreateCustomerInput {
  const details = inputDetailsFor(input.details, 'MASTERCARD_AU');
  if (input.kind === 'ACTIVE' && !details?.applicationId) {
    throw badInput('MASTERCARD_AU active customers need the applicationId of a registered application', 'input.mastercardAu.applicationId');
  }
  const rawAbn = details?.abn;
  const abn = rawAbn === undefined || rawAbn === null || rawAbn.trim() === '' ? undefined : normalizeAbn(rawAbn);
  if (accessModel === 'BCDC' && input.category !== 'BUSINESS') {
    throw badInput('Under the BCDC access model MASTERCARD_AU customers must have category BUSINESS', 'input.category');
  }
  if (abn !== undefined) {
    if (input.category !== 'BUSINESS') throw badInput('An ABN belongs to a BUSINESS customer: set category BUSINESS', 'input.mastercardAu.abn');
    if (accessModel === 'BCDC' && !isValidAbn(abn)) throw badInput('abn is not a valid Australian Business Number (11 digits, ABR check digit)', 'input.mastercardAu.abn');
  } else if (accessModel === 'BCDC' && input.kind === 'ACTIVE') {
    throw badInput('Under the BCDC access model active MASTERCARD_AU customers need an abn', 'input.mastercardAu.abn');
  }
  return details === null ? input : { ...input, details: { ...details, abn: abn ?? null } };
}
