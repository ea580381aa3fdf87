import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listArticleFilesSync } from './files.js';

// Bump when a cached shape changes; code changes are caught by the module-file stamps.
const CACHE_FORMAT = 2;

/**
 * Where a command line keeps parsed articles and search records between runs:
 * $TCP_TRIAGE_CACHE_DIR, else $XDG_CACHE_HOME/tcp-triage, else ~/.cache/tcp-triage.
 * `TCP_TRIAGE_CACHE_DIR=off` (or empty) disables caching.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.TCP_TRIAGE_CACHE_DIR;
  if (explicit !== undefined) return explicit === '' || explicit === 'off' ? null : explicit;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'tcp-triage');
}

/** A short hex digest of the given parts. */
export function digest(...parts: readonly unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, ...parts]))
    .digest('hex');
}

// The cache exists for a fast cold start, so its checks use plain synchronous calls: a few
// dozen stats cost less than handing each to the thread pool and waiting.
function stamp(path: string): string {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

/**
 * Size and mtime of every compiled .js file in the folder of `moduleUrl` (and below): code
 * that changes invalidates what it produced.
 */
export async function codeStamp(moduleUrl: string): Promise<string> {
  const dir = dirname(fileURLToPath(moduleUrl));
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .sort();
  return digest(files.map((f) => `${f}=${stamp(join(dir, f))}`));
}

/** A fingerprint of the articles under `dir` (path, size, mtime) and of the kb loader's code. */
export async function kbFingerprint(dir: string): Promise<string> {
  const files = listArticleFilesSync(dir);
  const parts = files.map((f) => `${f}=${stamp(join(dir, f))}`);
  return digest(dir, parts, await codeStamp(import.meta.url));
}

function cachePath(root: string, key: string): string {
  return join(root, `${key.replace(/[^a-z0-9-]/gi, '_')}.json`);
}

/** The value cached under `key` when it was stored with the same fingerprint, else null. */
export async function readCache<T>(
  root: string,
  key: string,
  fingerprint: string,
): Promise<T | null> {
  try {
    const data = JSON.parse(readFileSync(cachePath(root, key), 'utf8')) as {
      fingerprint?: string;
      value?: T;
    };
    return data.fingerprint === fingerprint && data.value !== undefined ? data.value : null;
  } catch {
    return null;
  }
}

/** Stores `value` under `key` (atomically); a cache that cannot be written is simply not used. */
export async function writeCache(
  root: string,
  key: string,
  fingerprint: string,
  value: unknown,
): Promise<void> {
  const path = cachePath(root, key);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(root, { recursive: true, mode: 0o700 });
    await writeFile(tmp, JSON.stringify({ fingerprint, value }), { mode: 0o600 });
    await rename(tmp, path);
  } catch {
    // Read-only home, full disk: the next run does the work again.
  }
}
