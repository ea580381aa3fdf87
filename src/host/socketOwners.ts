import { isPermissionError, type ProcFs } from './procFs.js';

/** A process that holds a socket. */
export interface SocketOwner {
  pid: number;
  name: string;
}

/** Who holds which socket inode, and what could not be looked at. */
export interface SocketOwners {
  byInode: Map<number, SocketOwner>;
  /** Processes whose fd table we were not allowed to read. */
  deniedPids: number;
  /** Processes looked at. */
  scannedPids: number;
}

/** The fix to name when fd tables are closed to us (proc(5): ptrace access mode). */
export const OWNER_PERMISSION_FIX =
  'run as root, or grant CAP_SYS_PTRACE (e.g. `sudo setcap cap_sys_ptrace+ep $(command -v node)`)';

const SOCKET_PREFIX = 'socket:[';

/**
 * Maps the `wanted` socket inodes to their processes by reading /proc/PID/fd links
 * (proc(5): a socket fd links to "socket:[INODE]"). Stops early once every wanted inode is found.
 */
export function findSocketOwners(fs: ProcFs, wanted: ReadonlySet<number>): SocketOwners {
  const byInode = new Map<number, SocketOwner>();
  const owners: SocketOwners = { byInode, deniedPids: 0, scannedPids: 0 };
  if (wanted.size === 0) return owners;
  let pids: string[];
  try {
    pids = fs.list('proc');
  } catch (e) {
    if (isPermissionError(e)) owners.deniedPids++;
    return owners;
  }
  for (const pid of pids) {
    const code = pid.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    let fds: string[];
    try {
      fds = fs.list(`proc/${pid}/fd`);
    } catch (e) {
      // A process that exited meanwhile is no loss; one we may not look at is.
      if (isPermissionError(e)) owners.deniedPids++;
      continue;
    }
    owners.scannedPids++;
    let name: string | undefined;
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.link(`proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (!target.startsWith(SOCKET_PREFIX)) continue;
      const inode = Number.parseInt(target.slice(SOCKET_PREFIX.length), 10);
      if (!wanted.has(inode) || byInode.has(inode)) continue;
      name ??= processName(fs, pid);
      byInode.set(inode, { pid: Number(pid), name });
    }
    if (byInode.size >= wanted.size) break;
  }
  return owners;
}

/** The command name of a pid (/proc/PID/comm), or "pid N" when it cannot be read. */
function processName(fs: ProcFs, pid: string): string {
  try {
    const comm = fs.readText(`proc/${pid}/comm`)?.trim();
    return comm || `pid ${pid}`;
  } catch {
    return `pid ${pid}`;
  }
}
