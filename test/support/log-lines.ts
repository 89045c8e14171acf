import { Writable } from 'node:stream';

/** A stream to give a test logger, and the log lines written to it so far (one JSON line each). */
export function logLineSink(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}
