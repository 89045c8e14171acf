import type { MastercardRegion } from './region.js';

/** A merchant the generator draws debits from; amounts in the account currency. */
export interface Merchant {
  payee: string;
  /** Raw descriptor as an FI would print it. */
  descriptor: string;
  category: string;
  type: string;
  min: number;
  max: number;
  city: string;
  state: string;
  postalCode: string;
}

/** A recurring deposit: what the lending helper turns into income streams. */
export interface IncomeSource {
  payer: string;
  descriptor: string;
  category: 'Paycheck' | 'Income' | 'Government Benefits' | 'Rental Income' | 'Interest Income';
  amount: number;
  /** Relative spread of each payment around `amount` (0 = identical every time). */
  jitter: number;
  cadenceDays: 7 | 14 | 30;
  /** Days before the anchor when the stream started / stopped (stopped streams are inactive income). */
  startDaysAgo: number;
  endDaysAgo?: number;
}

export interface RecurringBill {
  payee: string;
  descriptor: string;
  category: string;
  amount: number;
  dayOfMonth: number;
  type: string;
}

// Payee names are real brands so categorisation looks real; everything else is made up.
const US_MERCHANTS: Merchant[] = [
  { payee: 'Whole Foods Market', descriptor: 'WHOLEFDS MKT #10234', category: 'Groceries', type: 'pointOfSale', min: 18, max: 160, city: 'Austin', state: 'TX', postalCode: '78701' },
  { payee: 'Kroger', descriptor: 'KROGER #0412', category: 'Groceries', type: 'pointOfSale', min: 12, max: 140, city: 'Columbus', state: 'OH', postalCode: '43215' },
  { payee: 'Starbucks', descriptor: 'STARBUCKS STORE 08812', category: 'Coffee Shops', type: 'pointOfSale', min: 3.5, max: 14, city: 'Seattle', state: 'WA', postalCode: '98101' },
  { payee: 'Shell', descriptor: 'SHELL OIL 57442381', category: 'Gas & Fuel', type: 'pointOfSale', min: 25, max: 85, city: 'Houston', state: 'TX', postalCode: '77002' },
  { payee: 'Amazon', descriptor: 'AMZN MKTP US*2K4LL0', category: 'Shopping', type: 'debit', min: 9, max: 220, city: 'Seattle', state: 'WA', postalCode: '98109' },
  { payee: 'Target', descriptor: 'TARGET 00023911', category: 'Shopping', type: 'pointOfSale', min: 11, max: 190, city: 'Minneapolis', state: 'MN', postalCode: '55403' },
  { payee: 'Chipotle', descriptor: 'CHIPOTLE 1587', category: 'Restaurants', type: 'pointOfSale', min: 9, max: 38, city: 'Denver', state: 'CO', postalCode: '80202' },
  { payee: 'Uber', descriptor: 'UBER *TRIP HELP.UBER.COM', category: 'Ride Share', type: 'debit', min: 8, max: 54, city: 'San Francisco', state: 'CA', postalCode: '94103' },
  { payee: 'CVS Pharmacy', descriptor: 'CVS/PHARMACY #05521', category: 'Pharmacy', type: 'pointOfSale', min: 6, max: 75, city: 'Boston', state: 'MA', postalCode: '02108' },
  { payee: 'Home Depot', descriptor: 'THE HOME DEPOT #2604', category: 'Home Improvement', type: 'pointOfSale', min: 15, max: 320, city: 'Atlanta', state: 'GA', postalCode: '30303' },
  { payee: 'ATM Withdrawal', descriptor: 'ATM WITHDRAWAL 000917 MAIN ST', category: 'Cash & ATM', type: 'atm', min: 20, max: 200, city: 'Murray', state: 'UT', postalCode: '84123' },
];

const AU_MERCHANTS: Merchant[] = [
  { payee: 'Woolworths', descriptor: 'WOOLWORTHS 1234 SYDNEY', category: 'Groceries', type: 'pointOfSale', min: 15, max: 210, city: 'Sydney', state: 'NSW', postalCode: '2000' },
  { payee: 'Coles', descriptor: 'COLES 0712 MELBOURNE', category: 'Groceries', type: 'pointOfSale', min: 12, max: 180, city: 'Melbourne', state: 'VIC', postalCode: '3000' },
  { payee: 'Aldi', descriptor: 'ALDI STORES - BRISBANE', category: 'Groceries', type: 'pointOfSale', min: 10, max: 120, city: 'Brisbane', state: 'QLD', postalCode: '4000' },
  { payee: 'Bunnings Warehouse', descriptor: 'BUNNINGS 452000 ALEXANDRIA', category: 'Home Improvement', type: 'pointOfSale', min: 8, max: 350, city: 'Alexandria', state: 'NSW', postalCode: '2015' },
  { payee: 'JB Hi-Fi', descriptor: 'JB HI FI CHADSTONE', category: 'Electronics & Software', type: 'pointOfSale', min: 25, max: 600, city: 'Chadstone', state: 'VIC', postalCode: '3148' },
  { payee: 'Chemist Warehouse', descriptor: 'CHEMIST WAREHOUSE PERTH', category: 'Pharmacy', type: 'pointOfSale', min: 6, max: 90, city: 'Perth', state: 'WA', postalCode: '6000' },
  { payee: 'Ampol', descriptor: 'AMPOL FOODARY PARRAMATTA', category: 'Gas & Fuel', type: 'pointOfSale', min: 30, max: 110, city: 'Parramatta', state: 'NSW', postalCode: '2150' },
  { payee: 'Opal Transport', descriptor: 'TRANSPORTFORNSW OPAL', category: 'Public Transportation', type: 'debit', min: 3.2, max: 50, city: 'Sydney', state: 'NSW', postalCode: '2000' },
  { payee: 'Guzman y Gomez', descriptor: 'GUZMAN Y GOMEZ NEWTOWN', category: 'Restaurants', type: 'pointOfSale', min: 12, max: 45, city: 'Newtown', state: 'NSW', postalCode: '2042' },
  { payee: 'Uber Eats', descriptor: 'UBER *EATS HELP.UBER.COM', category: 'Food Delivery', type: 'debit', min: 18, max: 70, city: 'Sydney', state: 'NSW', postalCode: '2000' },
  { payee: 'ATM Withdrawal', descriptor: 'ATM WDL FINBANK GEORGE ST', category: 'Cash & ATM', type: 'atm', min: 20, max: 300, city: 'Sydney', state: 'NSW', postalCode: '2000' },
];

const US_BILLS: RecurringBill[] = [
  { payee: 'Verizon Wireless', descriptor: 'VERIZON WIRELESS PAYMENTS', category: 'Mobile Phone', amount: 85.4, dayOfMonth: 8, type: 'directDebit' },
  { payee: 'Netflix', descriptor: 'NETFLIX.COM', category: 'Streaming Service', amount: 15.49, dayOfMonth: 12, type: 'directDebit' },
  { payee: 'Duke Energy', descriptor: 'DUKE ENERGY PAYMENT', category: 'Utilities', amount: 132.17, dayOfMonth: 18, type: 'directDebit' },
  { payee: 'Geico', descriptor: 'GEICO *AUTO', category: 'Auto Insurance', amount: 118.0, dayOfMonth: 3, type: 'directDebit' },
];

const AU_BILLS: RecurringBill[] = [
  { payee: 'Telstra', descriptor: 'TELSTRA DIRECT DEBIT', category: 'Mobile Phone', amount: 89.0, dayOfMonth: 9, type: 'directDebit' },
  { payee: 'AGL Energy', descriptor: 'AGL ENERGY DD', category: 'Utilities', amount: 164.35, dayOfMonth: 16, type: 'directDebit' },
  { payee: 'Netflix', descriptor: 'NETFLIX.COM MELBOURNE', category: 'Streaming Service', amount: 18.99, dayOfMonth: 12, type: 'directDebit' },
  { payee: 'NRMA Insurance', descriptor: 'NRMA INSURANCE DD', category: 'Auto Insurance', amount: 96.2, dayOfMonth: 4, type: 'directDebit' },
];

export function merchantsFor(region: MastercardRegion): Merchant[] {
  return region === 'US' ? US_MERCHANTS : AU_MERCHANTS;
}

export function billsFor(region: MastercardRegion): RecurringBill[] {
  return region === 'US' ? US_BILLS : AU_BILLS;
}
