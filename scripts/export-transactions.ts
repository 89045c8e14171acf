/**
 * `npm run export -- [options]`: downloads GET /export/transactions into a file, for analysts who
 * prefer a file to paging (README, For BI). A progress bar on a TTY (cli-progress), plain progress
 * lines otherwise (CI, cron, `> log`). Exit codes: 0 complete; 1 the export ended incomplete (a
 * provider failed: see the error records in the file) or was cut off; 2 the gateway refused the
 * request (bad parameters, credentials) or could not be reached.
 *
 *   GATEWAY_API_KEY=… npm run export -- --url http://localhost:4000 --format csv --out tx.csv \
 *     --from 2026-01-01T00:00:00Z --providers OBP,MASTERCARD_AU --text coffee
 *
 * Every `--name value` other than --url, --out and --key is passed on as the query parameter
 * `name` (the export's filter: from, to, statuses, pending, sort, providers, customers, minAmount,
 * maxAmount, text, format). The key comes from GATEWAY_API_KEY (or --key; an environment variable
 * stays out of the shell history and `ps`).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { SingleBar } from 'cli-progress';
import { request } from 'undici';

interface Options {
  url: string;
  out: string;
  key: string | undefined;
  params: URLSearchParams;
}

function parseArgs(argv: readonly string[]): Options {
  const params = new URLSearchParams();
  let url = process.env.GATEWAY_URL ?? 'http://localhost:4000';
  let out: string | undefined;
  let key = process.env.GATEWAY_API_KEY;
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`expected --name value pairs, got ${flag}`);
    const name = flag.slice(2);
    if (name === 'url') url = value;
    else if (name === 'out') out = value;
    else if (name === 'key') key = value;
    else params.append(name, value);
  }
  const format = params.get('format') ?? 'ndjson';
  return { url: url.replace(/\/+$/, ''), out: out ?? `transactions.${format}`, key, params };
}

/** Progress: a bar on a TTY, else one line every 10 s and at the end. */
function createProgress(stream: NodeJS.WriteStream) {
  const started = Date.now();
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: 'export | {rows} rows | {mib} MiB | {rate} rows/s | {duration_formatted}', hideCursor: true, stream },
      { format: '', barCompleteChar: '#', barIncompleteChar: '-' },
    );
    bar.start(1, 0, { rows: 0, mib: '0.0', rate: 0 });
    return {
      update(rows: number, bytes: number) {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(0, { rows, mib: (bytes / 1048576).toFixed(1), rate: Math.round(rows / seconds) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastLine = started;
  const line = (rows: number, bytes: number) =>
    stream.write(`export: ${rows} rows, ${(bytes / 1048576).toFixed(1)} MiB, ${Math.round((Date.now() - started) / 1000)} s\n`);
  let latest: [number, number] = [0, 0];
  return {
    update(rows: number, bytes: number) {
      latest = [rows, bytes];
      if (Date.now() - lastLine >= 10_000) {
        lastLine = Date.now();
        line(rows, bytes);
      }
    },
    stop() {
      line(...latest);
    },
  };
}

/** Rows and the final line of the body as it streams (NDJSON records or CSV lines). */
function createTally(format: string) {
  let rows = 0;
  let rest = '';
  let last = '';
  const header = format === 'csv' ? 1 : 0;
  const take = (line: string) => {
    if (line.trim() === '') return;
    last = line;
    if (format === 'csv' ? !line.startsWith('#') : line.startsWith('{"type":"transaction"')) rows += 1;
  };
  return {
    push(text: string) {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(take);
    },
    end() {
      take(rest);
      rest = '';
    },
    get rows() {
      return Math.max(rows - header, 0);
    },
    /** 'complete', 'incomplete' or 'cut off' (no end record: never trust such a file). */
    get outcome(): 'complete' | 'incomplete' | 'cut off' {
      if (format === 'csv') {
        if (!last.startsWith('#end')) return 'cut off';
        return last.includes('complete=true') ? 'complete' : 'incomplete';
      }
      try {
        const record = JSON.parse(last) as { type?: string; complete?: boolean };
        if (record.type !== 'end') return 'cut off';
        return record.complete ? 'complete' : 'incomplete';
      } catch {
        return 'cut off';
      }
    },
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (!options.key) {
    process.stderr.write('Set GATEWAY_API_KEY (or pass --key) to an API key with the read scope\n');
    return 2;
  }
  const format = options.params.get('format') ?? 'ndjson';
  const response = await request(`${options.url}/export/transactions?${options.params.toString()}`, {
    headers: { 'x-api-key': options.key },
    // The gateway bounds each upstream page; the export as a whole may take long.
    bodyTimeout: 120_000,
  });
  if (response.statusCode !== 200) {
    const text = await response.body.text();
    let message = text;
    try {
      const body = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      message = body.errors?.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('\n') ?? text;
    } catch {
      // not JSON: shown as it is
    }
    process.stderr.write(`The gateway refused the export (HTTP ${response.statusCode}):\n${message}\n`);
    return 2;
  }
  const file = createWriteStream(options.out);
  const progress = createProgress(process.stderr);
  const tally = createTally(format);
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    tally.push(decoder.write(buffer));
    progress.update(tally.rows, bytes);
    // Backpressure: wait for the file to drain before reading more.
    if (!file.write(buffer)) await once(file, 'drain');
  }
  tally.push(decoder.end());
  tally.end();
  progress.update(tally.rows, bytes);
  progress.stop();
  file.end();
  await once(file, 'finish');
  const outcome = tally.outcome;
  process.stderr.write(`${options.out}: ${tally.rows} rows, ${outcome}\n`);
  if (outcome === 'complete') return 0;
  process.stderr.write(
    outcome === 'cut off'
      ? 'The export was cut off (no end record): the file is incomplete; run it again\n'
      : 'Some providers failed or could not take part: see the error records in the file\n',
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
