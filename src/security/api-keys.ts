import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod/v4';
import { isProviderKey } from '../domain/provider.js';
import { StartupError } from '../lifecycle/startup-error.js';
import { SCOPES, type Caller } from './caller.js';

/**
 * One entry of API_KEYS_FILE: the key itself is never stored, only the SHA-256 of its UTF-8 bytes
 * in lowercase hex (`printf %s "$KEY" | sha256sum`). `providers` absent = every provider.
 */
const apiKeyEntry = z
  .object({
    id: z.string().trim().min(1).max(64),
    sha256: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-hex-digit SHA-256 of the key')
      .transform((hex) => hex.toLowerCase()),
    scopes: z.array(z.enum(SCOPES)),
    // Keys of provider modules (src/providers/modules.ts); a key no module has grants nothing.
    providers: z.array(z.string().refine(isProviderKey, 'must be a provider key such as MASTERCARD_AU')).optional(),
  })
  .strict();
const apiKeysFile = z.array(apiKeyEntry);

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The API keys the gateway accepts, looked up by the hash of the presented key. */
export interface ApiKeyStore {
  /** The caller a presented `X-API-Key` value belongs to, or undefined. */
  find(presentedKey: string): Caller | undefined;
  /** Re-reads API_KEYS_FILE; on an invalid file the previous keys stay and the error is thrown. */
  reload(): Promise<number>;
}

/**
 * Reads `file` (if set) and adds the sandbox key (if set) with every scope. An unreadable or invalid
 * file is an error at start-up naming the problem (never a key or hash).
 */
export async function createApiKeyStore(file: string | undefined, sandboxKey: string | undefined): Promise<ApiKeyStore> {
  let byHash = new Map<string, Caller>();
  // The id carries a hash prefix so sandboxes sharing one Redis (tests) keep separate rate limits.
  const sandboxHash = sandboxKey ? sha256Hex(sandboxKey) : undefined;
  const sandbox: Array<[string, Caller]> = sandboxHash
    ? [[sandboxHash, { id: `sandbox-${sandboxHash.slice(0, 8)}`, kind: 'api-key', scopes: new Set(SCOPES), providers: null }]]
    : [];
  async function load(): Promise<Map<string, Caller>> {
    const entries: Array<[string, Caller]> = [...sandbox];
    if (file) {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const problem = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? 'not valid JSON';
        throw new StartupError(`API_KEYS_FILE ${file} cannot be read: ${problem}.`);
      }
      const parsed = apiKeysFile.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StartupError(`API_KEYS_FILE ${file}: entry ${issue?.path.join('.')}: ${issue?.message}.`);
      }
      for (const entry of parsed.data) {
        entries.push([
          entry.sha256,
          { id: entry.id, kind: 'api-key', scopes: new Set(entry.scopes), providers: entry.providers ? new Set(entry.providers) : null },
        ]);
      }
    }
    return new Map(entries);
  }
  byHash = await load();
  return {
    find: (presentedKey) => byHash.get(sha256Hex(presentedKey)),
    async reload() {
      byHash = await load();
      return byHash.size;
    },
  };
}
