import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The few filesystem calls the host readers make, behind one interface so tests can point
 * them at a fake /proc (and make it refuse, as an unprivileged container does).
 */
export interface ProcFs {
  /** The whole text of a file under the root, or undefined when it does not exist. */
  readText(path: string): string | undefined;
  /** The names in a directory under the root; throws the fs error (EACCES, ENOENT). */
  list(path: string): string[];
  /** The target of a symbolic link under the root; throws the fs error. */
  link(path: string): string;
}

/** True for the errors that mean "not allowed", as opposed to "gone". */
export function isPermissionError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/** A ProcFs reading the real filesystem below `root` ("/" for this host). */
export function nodeProcFs(root = '/'): ProcFs {
  const at = (path: string): string => join(root, path);
  return {
    readText(path) {
      try {
        return readFileSync(at(path), 'latin1');
      } catch (e) {
        if (isPermissionError(e)) throw e;
        return undefined;
      }
    },
    list(path) {
      return readdirSync(at(path));
    },
    link(path) {
      return readlinkSync(at(path));
    },
  };
}
