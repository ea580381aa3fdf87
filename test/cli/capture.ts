import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

/** A command's exit code and what it wrote. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command against in-memory streams: `stdin` as its input, everything it writes kept. */
export async function capture(
  run: (io: CliIo) => Promise<number>,
  stdin = '',
  env: NodeJS.ProcessEnv = {},
): Promise<Captured> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const io: CliIo = { stdin: Readable.from([stdin]), stdout, stderr, env, isTTY: false };
  const code = await run(io);
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}
