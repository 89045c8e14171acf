import type { ObpBank } from './model.js';

/** BankJson400 (GET /obp/v4.0.0/banks, JSONFactory400.createBanksJson in the extract). */
export const bankJson400 = (bank: ObpBank): Record<string, unknown> => ({
  id: bank.id,
  short_name: bank.shortName,
  full_name: bank.fullName,
  logo: bank.logo,
  website: bank.website,
  bank_routings: bank.routings,
  attributes: bank.attributes,
});

/** BankJson500 (GET /obp/v5.0.0/banks/BANK_ID, JSONFactory500.createBankJSON500): bank_code, no short_name. */
export const bankJson500 = (bank: ObpBank): Record<string, unknown> => ({
  id: bank.id,
  bank_code: bank.bankCode,
  full_name: bank.fullName,
  logo: bank.logo,
  website: bank.website,
  bank_routings: bank.routings,
  attributes: bank.attributes,
});
