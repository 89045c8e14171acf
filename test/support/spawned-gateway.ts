import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedGateway {
  readonly child: ChildProcess;
  /** Every stdout and stderr line so far. */
  readonly lines: string[];
  /** The stderr lines only. */
  readonly errorLines: string[];
  /** Resolves with the first line (past or future) that matches; rejects if the process exits first. */
  waitForLine(matches: (line: string) => boolean): Promise<string>;
  /** The GraphQL URL once the gateway logged "gateway listening". */
  listening(): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<SpawnedGateway>();

/** Bundles src into dist/main.js once (what `npm start` does first), for tests that run `node dist/main.js`. */
export async function buildOnce(): Promise<void> {
  await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT });
}

/**
 * Starts the gateway as a separate process: `npm start` exactly as the README says, or the
 * compiled entry point directly. Its own process group, so {@link killAllSpawned} leaves nothing
 * behind even when a test fails half-way.
 */
export function spawnGateway(how: 'npm start' | 'node dist/main.js', env: Record<string, string>): SpawnedGateway {
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const [command, args] = how === 'npm start' ? ['npm', ['start']] : [process.execPath, ['dist/main.js']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...inherited, SANDBOX: 'true', PORT: '0', LOG_LEVEL: 'info', CACHE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const errorLines: string[] = [];
  const waiters: Array<{ matches: (line: string) => boolean; resolve: (line: string) => void }> = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  for (const stream of [child.stdout, child.stderr]) {
    const isStderr = stream === child.stderr;
    let buffered = '';
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (isStderr) errorLines.push(line);
        for (const waiter of [...waiters]) {
          if (waiter.matches(line)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      }
    });
  }
  const spawned: SpawnedGateway = {
    child,
    lines,
    errorLines,
    exited,
    waitForLine(matches) {
      const seen = lines.find(matches);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ matches, resolve });
        void exited.then(({ code }) => reject(new Error(`process exited (${code}) first; output:\n${lines.join('\n')}`)));
      });
    },
    async listening() {
      const line = await spawned.waitForLine((candidate) => candidate.includes('"msg":"gateway listening"'));
      return (JSON.parse(line) as { graphql: string }).graphql;
    },
  };
  running.add(spawned);
  void exited.then(() => running.delete(spawned));
  return spawned;
}

/** SIGKILL to the process group of every gateway still running (afterEach). */
export function killAllSpawned(): void {
  for (const spawned of running) {
    if (spawned.child.pid !== undefined) {
      try {
        process.kill(-spawned.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  running.clear();
}

/** Log lines parsed as JSON (pino), skipping npm's own banner lines. */
export function logRecords(lines: readonly string[]): Array<Record<string, unknown>> {
  return lines.flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
