import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// src/kb/ and dist/src/kb/ are two and three levels below the package root.
const MAX_LEVELS = 6;

/** The package's kb/ folder: the nearest ancestor of this module holding package.json and kb/. */
export function defaultKbDir(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < MAX_LEVELS; i++) {
    const candidate = join(dir, 'kb');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Fall back to the layout we ship (dist/src/kb -> ../../../kb); the loader reports if it is absent.
  return join(dirname(fileURLToPath(moduleUrl)), '..', '..', '..', 'kb');
}
