/**
 * The sandbox's own banks (not OBP's `obp-bank-x-gh` import data). `gh.29.uk` is the BANK_ID every
 * OBP resource doc uses in its examples, so partners can paste those examples unchanged.
 * Names, codes and BICs are invented; phone numbers use ranges reserved for fiction
 * (UK 07700 900xxx, US 555-01xx) and e-mail addresses use example.com.
 */
export interface BankProfile {
  id: string;
  shortName: string;
  fullName: string;
  bankCode: string;
  bic: string;
  countryCode: 'GB' | 'DE' | 'US' | 'SG';
  currency: string;
  /** A second currency some accounts are held in, to exercise multi-currency banks. */
  foreignCurrency: string;
  website: string;
  /** National bank routing (sort code / BLZ / ABA / bank code) used in account numbers. */
  nationalBankCode: string;
  branchPrefix: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  phone: (n: number) => string;
  merchants: readonly string[];
  employers: readonly string[];
  utilities: readonly string[];
  housing: string;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const BANK_PROFILES: readonly BankProfile[] = [
  {
    id: 'gh.29.uk',
    shortName: 'Thames Mutual',
    fullName: 'Thames Mutual Bank plc',
    bankCode: 'THMU',
    bic: 'THMUGB2L',
    countryCode: 'GB',
    currency: 'GBP',
    foreignCurrency: 'EUR',
    website: 'https://www.thames-mutual.example',
    nationalBankCode: '402915',
    branchPrefix: 'THMU-LDN',
    firstNames: ['Amelia', 'Oliver', 'Priya', 'Callum', 'Eleanor', 'Kwame', 'Isla', 'Rhys'],
    lastNames: ['Ashworth', 'Okafor', 'Pemberton', 'Sinclair', 'Haworth', 'Mensah', 'Llewellyn', 'Barlow'],
    phone: (n) => `+44 7700 900${pad(n % 1000, 3)}`,
    merchants: ['Tesco Metro', 'Pret A Manger', 'TfL Travel', 'Boots', "Sainsbury's", 'Waterstones', 'Shell Fuel'],
    employers: ['Brightwater Logistics Ltd', 'NHS Trust Payroll', 'Kestrel Analytics Ltd'],
    utilities: ['Thames Water', 'Octopus Energy', 'Council Tax Camden', 'Vodafone UK'],
    housing: 'Greenleaf Lettings',
  },
  {
    id: 'de.17.ber',
    shortName: 'Spreeufer Bank',
    fullName: 'Spreeufer Bank AG',
    bankCode: 'SPRE',
    bic: 'SPREDEBBXXX',
    countryCode: 'DE',
    currency: 'EUR',
    foreignCurrency: 'USD',
    website: 'https://www.spreeufer-bank.example',
    nationalBankCode: '10017000',
    branchPrefix: 'SPRE-BER',
    firstNames: ['Lena', 'Jonas', 'Mila', 'Felix', 'Hannah', 'Emre', 'Clara', 'Lukas'],
    lastNames: ['Hoffmann', 'Yilmaz', 'Becker', 'Schulte', 'Krüger', 'Neumann', 'Wagner', 'Lorenz'],
    phone: (n) => `+49 30 901820${pad(n % 100, 2)}`,
    merchants: ['Edeka', 'dm-drogerie', 'BVG Ticket', 'Rossmann', 'Lidl', 'Dussmann', 'Aral Tankstelle'],
    employers: ['Havelwerk GmbH', 'Charité Gehaltsabrechnung', 'Kiezlabs GmbH'],
    utilities: ['Berliner Wasserbetriebe', 'Vattenfall', 'Rundfunkbeitrag', 'Telekom'],
    housing: 'Hausverwaltung Spreebogen',
  },
  {
    id: 'us.42.nyc',
    shortName: 'Hudson Ledger',
    fullName: 'Hudson Ledger Bank, N.A.',
    bankCode: 'HUDL',
    bic: 'HUDLUS33',
    countryCode: 'US',
    currency: 'USD',
    foreignCurrency: 'USD',
    website: 'https://www.hudson-ledger.example',
    nationalBankCode: '026042973',
    branchPrefix: 'HUDL-NYC',
    firstNames: ['Maya', 'Ethan', 'Sofia', 'Marcus', 'Grace', 'Diego', 'Naomi', 'Tyler'],
    lastNames: ['Whitaker', 'Castillo', 'Brennan', 'Okonkwo', 'Lindqvist', 'Moreno', 'Caldwell', 'Park'],
    phone: (n) => `+1 212 555 01${pad(n % 100, 2)}`,
    merchants: ["Trader Joe's", 'MTA MetroCard', 'Duane Reade', 'Blue Bottle Coffee', 'Whole Foods', 'Strand Books'],
    employers: ['Riverside Health Payroll', 'Gotham Freight LLC', 'Lumen Data Inc'],
    utilities: ['Con Edison', 'Verizon Fios', 'NYC Water Board', 'T-Mobile'],
    housing: 'Bowery Property Mgmt',
  },
  {
    id: 'sg.08.sgp',
    shortName: 'Merlion Digital',
    fullName: 'Merlion Digital Bank Ltd',
    bankCode: 'MERL',
    bic: 'MERLSGSG',
    countryCode: 'SG',
    currency: 'SGD',
    foreignCurrency: 'USD',
    website: 'https://www.merlion-digital.example',
    nationalBankCode: '7408',
    branchPrefix: 'MERL-SGP',
    firstNames: ['Wei Ling', 'Arjun', 'Siti', 'Jun Hao', 'Mei', 'Ravi', 'Nur', 'Darren'],
    lastNames: ['Tan', 'Raman', 'Abdullah', 'Lim', 'Ong', 'Pillai', 'Rahman', 'Goh'],
    phone: (n) => `+65 9${pad((n * 7919) % 10_000_000, 7)}`,
    merchants: ['FairPrice', 'Grab Transport', 'Kopitiam', 'Guardian Pharmacy', 'Cold Storage', 'SimplyGo'],
    employers: ['Straits Maritime Pte Ltd', 'Kallang Software Pte Ltd', 'Marina Health Payroll'],
    utilities: ['SP Group', 'Singtel', 'Town Council S&CC', 'StarHub'],
    housing: 'HDB Rental',
  },
];
