import { ConfigError } from '../config.js';
import { StartupError } from './startup-error.js';

/** Where the gateway tried to listen, to name it in a listen failure. */
export interface ListenTarget {
  host: string;
  port: number;
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * One line for a start-up failure the operator caused (a bad variable, a port in use, a file that
 * cannot be read), or undefined for anything else (a bug: the caller keeps the stack trace). Exit
 * code 2 goes with these lines (main.ts).
 */
export function describeStartupError(error: unknown, target?: ListenTarget): string | undefined {
  if (error instanceof StartupError) return error.message;
  if (error instanceof ConfigError) return `Invalid configuration: ${error.problems.join('; ')}.`;
  const code = errorCode(error);
  const where = target ? `${target.host}:${target.port}` : 'the configured address';
  const syscall = typeof error === 'object' && error !== null && 'syscall' in error ? String(error.syscall) : undefined;
  if (syscall === 'listen' || code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL') {
    if (code === 'EADDRINUSE') return `Port ${target?.port ?? '?'} is already in use on ${target?.host ?? 'this host'}: stop the other process or set PORT to a free port.`;
    if (code === 'EACCES') return `Not allowed to listen on ${where}: choose a PORT above 1023 or grant the permission.`;
    if (code === 'EADDRNOTAVAIL') return `HOST ${target?.host ?? ''} is not an address of this machine: set HOST to one of its addresses (0.0.0.0 for all).`;
  }
  const path = typeof error === 'object' && error !== null && 'path' in error ? String(error.path) : undefined;
  const fileProblem = code === undefined ? undefined : FILE_PROBLEMS[code];
  if (path !== undefined && fileProblem !== undefined) return `Cannot read ${path}: ${fileProblem}.`;
  if (code === 'ENOTFOUND' && syscall === 'getaddrinfo') return `HOST ${target?.host ?? ''} does not resolve: set HOST to an address of this machine.`;
  return undefined;
}
