import type { Readable } from 'node:stream';

/** The body passed `maxBytes`: reading stopped there and the connection was dropped. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upstream body exceeded ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads an upstream body as UTF-8 text, at most `maxBytes` bytes: a declared `content-length` over
 * the cap is refused before reading, and a body that grows past it (chunked, or lying about its
 * length) is destroyed at the chunk that crosses it, so one provider cannot fill the gateway's memory.
 * Throws {@link BodyTooLargeError}; timeouts and aborts surface as undici's own errors.
 */
export async function readBodyCapped(body: Readable, contentLength: string | string[] | undefined, maxBytes: number): Promise<string> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(buffer);
  }
  // Most bodies arrive in one chunk: decoded as it is, without a copy.
  return (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8');
}
