import { createSeededRandom, type SeededRandom } from '../../seeded-random.js';

/** 32-bit FNV-1a: turns any string into a seed, so ids derived from content are stable. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const HEX = '0123456789abcdef';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

export function randomString(random: SeededRandom, alphabet: string, length: number): string {
  let out = '';
  for (let index = 0; index < length; index += 1) out += alphabet[random.int(0, alphabet.length - 1)];
  return out;
}

/** UUID v4 layout, as the stream ids of the AU examples ("50fc5a76-158d-488d-b6a3-1c288fb0a0e5"). */
export function stableUuid(text: string): string {
  const random = createSeededRandom(hashSeed(text));
  const hex = randomString(random, HEX, 32).split('');
  hex[12] = '4';
  hex[16] = HEX[(random.int(0, 15) & 0x3) | 0x8] as string;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Id generators of one simulator instance: deterministic for a given seed and call order. */
export interface IdFactory {
  /** 32 hex characters, like "0bf46322c167b562e6cbed9d40e19a4c". */
  consumerId(): string;
  /** 12 base-36 characters, like "u4hstnnak45g". */
  reportBase(): string;
  /** 10 base-36 characters, like "sfb7xp439w". */
  requestId(): string;
  /** Small numeric string, like "1112". */
  businessId(): string;
}

export function createIdFactory(seed: number): IdFactory {
  const random = createSeededRandom(seed);
  let nextBusiness = 1100 + random.int(0, 99);
  return {
    consumerId: () => randomString(random, HEX, 32),
    reportBase: () => randomString(random, BASE36, 12),
    requestId: () => randomString(random, BASE36, 10),
    businessId: () => String((nextBusiness += 1)),
  };
}
