import { createSeededRandom } from '../seeded-random.js';
import { SEED_ABNS } from './abn.js';
import { connectInstitution, SANDBOX_APPLICATION } from './connections.js';
import { AU_TEST_PROFILES, auProfilePlans, usPlans } from './profiles.js';
import type { RegionProfile } from './region.js';
import { MastercardStore, type SimAddress, type SimCustomer } from './store.js';

const DAY = 86_400;

const US_PEOPLE: Array<[string, string, string]> = [
  ['John', 'Smith', 'Murray, UT'], ['Maria', 'Garcia', 'Austin, TX'], ['James', 'Johnson', 'Columbus, OH'],
  ['Patricia', 'Brown', 'Denver, CO'], ['Robert', 'Jones', 'Atlanta, GA'], ['Linda', 'Miller', 'Seattle, WA'],
  ['Michael', 'Davis', 'Boston, MA'], ['Barbara', 'Wilson', 'Phoenix, AZ'], ['William', 'Moore', 'Portland, OR'],
  ['Elizabeth', 'Taylor', 'Nashville, TN'], ['David', 'Anderson', 'Chicago, IL'], ['Jennifer', 'Thomas', 'Raleigh, NC'],
  ['Richard', 'Jackson', 'Provo, UT'], ['Susan', 'White', 'Madison, WI'], ['Joseph', 'Harris', 'Tampa, FL'],
  ['Jessica', 'Martin', 'Omaha, NE'], ['Thomas', 'Thompson', 'Boise, ID'], ['Sarah', 'Martinez', 'San Diego, CA'],
  ['Charles', 'Robinson', 'Richmond, VA'], ['Karen', 'Clark', 'Tulsa, OK'], ['Daniel', 'Lewis', 'Reno, NV'],
  ['Nancy', 'Walker', 'Albany, NY'], ['Matthew', 'Hall', 'Louisville, KY'], ['Lisa', 'Young', 'Des Moines, IA'],
  ['Anthony', 'King', 'Salt Lake City, UT'],
];

const AU_PEOPLE: Record<string, [string, string, string, string]> = {
  profile_4110: ['Olivia', 'Nguyen', 'Sydney', 'NSW'],
  profile_4111: ['Jack', 'Williams', 'Melbourne', 'VIC'],
  profile_4112: ['Charlotte', 'Brown', 'Brisbane', 'QLD'],
  profile_4113: ['Noah', 'Wilson', 'Perth', 'WA'],
  profile_4114: ['Amelia', 'Taylor', 'Adelaide', 'SA'],
  profile_4115: ['William', 'Anderson', 'Hobart', 'TAS'],
  profile_4116: ['Isla', 'Thomas', 'Canberra', 'ACT'],
  profile_4117: ['Lucas', 'Martin', 'Darwin', 'NT'],
  profile_4118: ['Harbourside', 'Trading Pty Ltd', 'Sydney', 'NSW'],
  profile_voi_001: ['Mia', 'Kelly', 'Newcastle', 'NSW'],
  profile_voi_002: ['Ethan', 'Walsh', 'Geelong', 'VIC'],
  profile_voi_003: ['Grace', 'Ryan', 'Gold Coast', 'QLD'],
  profile_voi_004: ['Henry', 'Campbell', 'Wollongong', 'NSW'],
};

const POSTCODES: Record<string, string> = { NSW: '2000', VIC: '3000', QLD: '4000', WA: '6000', SA: '5000', TAS: '7000', ACT: '2600', NT: '0800' };

/** FinBank institution each AU profile signs in at; 4112 has a second arrangement at FinBank Aus B. */
const AU_LOGINS: Record<string, string[]> = {
  profile_4112: ['200003', '2002119'],
  profile_4114: ['2002120'],
};

/**
 * Builds the deterministic seed for one region: a pure function of (seed, anchor). `anchor` is a
 * UTC midnight in epoch seconds; every history ends before it.
 */
export function buildSeedStore(profile: RegionProfile, seed: number, anchor: number): MastercardStore {
  const store = new MastercardStore(profile.region);
  if (profile.region === 'US') seedUs(store, profile, seed, anchor);
  else seedAu(store, profile, seed, anchor);
  return store;
}

function seedUs(store: MastercardStore, profile: RegionProfile, seed: number, anchor: number): void {
  US_PEOPLE.forEach(([firstName, lastName, place], index) => {
    const rng = createSeededRandom(seed + index * 7919);
    const [city, state] = place.split(', ') as [string, string];
    const created = anchor - 400 * DAY + index * 3600;
    const customer: SimCustomer = {
      id: store.newCustomerId(),
      username: `${firstName.toLowerCase()}.${lastName.toLowerCase()}${index + 1}`,
      firstName,
      lastName,
      phone: `1-801-555-${String(1000 + index).padStart(4, '0')}`,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com`,
      type: 'testing',
      createdDate: created,
      lastModifiedDate: created,
      category: 'INDIVIDUAL',
      address: { line1: `${100 + index * 7} W Main St`, city, state, postalCode: String(84000 + index * 37).padStart(5, '0'), country: 'USA' },
    };
    store.customers.set(customer.id, customer);
    connectInstitution(store, profile, rng, {
      customerId: customer.id,
      institutionId: index % 5 === 4 ? '102105' : '4222',
      profile: `profile_0${(index % 9) + 1}`,
      plans: usPlans(index, rng),
      createdDate: anchor - 210 * DAY,
      anchor,
      aggregationReadyAt: anchor - 210 * DAY,
      withConsent: false,
    });
  });
}

function seedAu(store: MastercardStore, profile: RegionProfile, seed: number, anchor: number): void {
  AU_TEST_PROFILES.forEach((testProfile, index) => {
    const rng = createSeededRandom(seed + 104729 + index * 7919);
    const [firstName, lastName, city, state] = AU_PEOPLE[testProfile] as [string, string, string, string];
    const created = anchor - 420 * DAY + index * 3600;
    const address: SimAddress = { line1: `${12 + index * 3} George St`, city, state, postalCode: POSTCODES[state] ?? '2000', country: 'AUS' };
    const isBusiness = testProfile === 'profile_4118';
    const customer: SimCustomer = {
      id: store.newCustomerId(),
      username: `customer_${testProfile}`,
      firstName,
      lastName,
      phone: `04${String(12345600 + index).padStart(8, '0')}`,
      email: `${testProfile}@example.com.au`,
      applicationId: SANDBOX_APPLICATION.id,
      type: 'testing',
      createdDate: created,
      lastModifiedDate: created,
      category: isBusiness ? 'BUSINESS' : 'INDIVIDUAL',
      abn: isBusiness ? SEED_ABNS.profile4118 : undefined,
      address,
    };
    store.customers.set(customer.id, customer);
    const institutions = AU_LOGINS[testProfile] ?? ['200003'];
    institutions.forEach((institutionId, n) => {
      const connected = anchor - (210 - n * 20) * DAY;
      connectInstitution(store, profile, rng, {
        customerId: customer.id,
        institutionId,
        profile: testProfile,
        plans: auProfilePlans(testProfile, rng),
        createdDate: connected,
        anchor,
        aggregationReadyAt: connected,
        withConsent: true,
      });
    });
  });
}
