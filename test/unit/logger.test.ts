import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSensitive } from '../../src/observability/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('log redaction', () => {
  it('blanks secrets and personal data at any depth, in arrays and in any letter case', () => {
    const { stream, text } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        ssn: '123-45-6789',
        variables: { input: { ssn: '987654321', firstName: 'Ada' } },
        body: [{ SSN: '111223333' }, { partnerSecret: 'hunter2-secret' }],
        headers: { 'Finicity-App-Key': 'app-key-value', 'x-api-key': 'caibo-key-value', DirectLogin: 'token=abc-token' },
        account: { realAccountNumber: '2000123456789', accountNumber: '002343534556', numberMasked: '…6789' },
      },
      'request',
    );
    const out = text();
    for (const secret of ['123-45-6789', '987654321', '111223333', 'hunter2-secret', 'app-key-value', 'caibo-key-value', 'abc-token', '2000123456789', '002343534556']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('Ada');
    expect(out).toContain('…6789');
    expect(out).toContain('[redacted]');
  });

  it('copes with cycles and keeps errors intact', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const scrubbed = scrubSensitive({ cyclic, err: new Error('boom') }) as { cyclic: { self: unknown }; err: Error };
    expect(scrubbed.cyclic.self).toBe('[circular]');
    expect(scrubbed.err).toBeInstanceOf(Error);
  });
});

describe('request log lines', () => {
  it('keep method, path and status but never the query string', () => {
    const { stream, text } = capture();
    const logger = createLogger('info', stream);
    logger.info({ req: Object.assign(Object.create({ kind: 'IncomingMessage' }), { method: 'GET', url: '/graphql?variables=%7B%22ssn%22%3A%22123456789%22%7D', id: 'r1' }) }, 'incoming request');
    logger.info({ res: Object.assign(Object.create({ kind: 'ServerResponse' }), { statusCode: 200 }) }, 'request completed');
    const out = text();
    expect(out).toContain('"method":"GET"');
    expect(out).toContain('"path":"/graphql"');
    expect(out).toContain('"statusCode":200');
    expect(out).not.toContain('123456789');
    expect(out).not.toContain('variables');
  });
});
