import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

/** A command's exit code and what it wrote. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** In-memory streams for a command: `stdin` as its input, what it writes readable as it goes. */
export function captureIo(
  stdin: NodeJS.ReadableStream | string = '',
  env: NodeJS.ProcessEnv = {},
  isTTY = false,
): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const input = typeof stdin === 'string' ? Readable.from([stdin]) : stdin;
  return {
    io: { stdin: input, stdout, stderr, env, isTTY },
    out: () => Buffer.concat(out).toString('utf8'),
    err: () => Buffer.concat(err).toString('utf8'),
  };
}

/** Runs a command against in-memory streams and returns its exit code and output. */
export async function capture(
  run: (io: CliIo) => Promise<number>,
  stdin = '',
  env: NodeJS.ProcessEnv = {},
): Promise<Captured> {
  const c = captureIo(stdin, env);
  const code = await run(c.io);
  return { code, stdout: c.out(), stderr: c.err() };
}

/** The keys of `triage --json`, in order (DESIGN.md contract plus `approximate`); `live --json` adds `host`. */
export const TRIAGE_JSON_KEYS: readonly string[] = Object.freeze([
  'format',
  'os',
  'counts',
  'total',
  'severity',
  'findings',
  'warnings',
  'approximate',
]);
