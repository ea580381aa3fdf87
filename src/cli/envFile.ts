/** Reads a `.env` file into a copy of the environment (variables already set win). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The environment with `.env` from `dir` merged under it, and whether a file was read. Uses
 * Node's own parser (the one behind `process.loadEnvFile`) but leaves `process.env` alone, so
 * a test's environment stays its own.
 */
export function withEnvFile(
  env: NodeJS.ProcessEnv,
  dir: string = process.cwd(),
): { env: NodeJS.ProcessEnv; file?: string } {
  const file = join(dir, '.env');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { env };
  }
  const parsed = parseEnv(text) as Record<string, string>;
  return { env: { ...parsed, ...env }, file };
}
