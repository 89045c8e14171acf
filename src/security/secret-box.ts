import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets the gateway must keep in the shared keyv store (consent-notification signing
 * keys, outbound webhook secrets): AES-256-GCM under a key from configuration, so a store dump
 * alone does not reveal them. Sealed form: `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export interface SecretBox {
  seal(plain: string): string;
  /** Throws when the sealed value was not made with this key or was altered. */
  open(sealed: string): string;
}

/** Shortest accepted key material (characters): 32 random bytes as base64 is 44. */
export const MIN_SECRET_KEY_CHARS = 32;

/** @param keyMaterial at least {@link MIN_SECRET_KEY_CHARS} characters; hashed (SHA-256) to the AES key. */
export function createSecretBox(keyMaterial: string): SecretBox {
  if (keyMaterial.length < MIN_SECRET_KEY_CHARS) throw new Error(`secret key must be at least ${MIN_SECRET_KEY_CHARS} characters`);
  const key = createHash('sha256').update(keyMaterial, 'utf8').digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
