import type { SeededRandom } from '../seeded-random.js';
import type { Routing } from './model.js';
import type { BankProfile } from './seed-banks.js';

/** ISO 13616 check digits, so seeded IBANs pass any validator the gateway or a partner runs. */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  const rearranged = `${bban}${countryCode}00`.toUpperCase();
  const numeric = [...rearranged].map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch)).join('');
  const remainder = Number(BigInt(numeric) % 97n);
  return String(98 - remainder).padStart(2, '0');
}

const digits = (random: SeededRandom, count: number): string =>
  Array.from({ length: count }, () => String(random.int(0, 9))).join('');

/**
 * Account number and account_routings as OBP reports them ({scheme, address}; the resource docs
 * show `AccountNumber`, OBP's import data `IBAN`): IBAN-countries get an IBAN, the others a plain
 * account number, and every account also gets its local `AccountNumber`.
 */
export function createAccountNumber(random: SeededRandom, bank: BankProfile): { number: string; routings: Routing[] } {
  switch (bank.countryCode) {
    case 'GB': {
      const number = digits(random, 8);
      const bban = `${bank.bankCode}${bank.nationalBankCode}${number}`;
      return {
        number,
        routings: [
          { scheme: 'IBAN', address: `GB${ibanCheckDigits('GB', bban)}${bban}` },
          { scheme: 'AccountNumber', address: number },
        ],
      };
    }
    case 'DE': {
      const number = digits(random, 10);
      const bban = `${bank.nationalBankCode}${number}`;
      return {
        number,
        routings: [
          { scheme: 'IBAN', address: `DE${ibanCheckDigits('DE', bban)}${bban}` },
          { scheme: 'AccountNumber', address: number },
        ],
      };
    }
    case 'US': {
      const number = digits(random, 12);
      return { number, routings: [{ scheme: 'AccountNumber', address: number }] };
    }
    case 'SG': {
      const number = `${digits(random, 3)}-${digits(random, 6)}-${digits(random, 1)}`;
      return { number, routings: [{ scheme: 'AccountNumber', address: number }] };
    }
  }
}
