import { SnapshotBuilder } from '../netstat/index.js';
import type { Snapshot } from '../netstat/snapshot.js';
import type { EphemeralRange } from '../triage/thresholds.js';
import { hostEphemeralRange } from './hostRange.js';
import { type KernelFigures, portRangeOf, readKernelFigures } from './kernelFigures.js';
import type { ProcFs } from './procFs.js';
import { eachProcSocket, type ProcSocket } from './procNetTcp.js';
import { findSocketOwners, OWNER_PERMISSION_FIX, type SocketOwner } from './socketOwners.js';

/** How process attribution went: sockets held by a descriptor, and how many we could name. */
export interface Attribution {
  /** Sockets with an inode (held by some process's file descriptor). */
  held: number;
  attributed: number;
  /** Processes whose /proc/PID/fd we were not allowed to read. */
  deniedProcesses: number;
  /** Set when some owners are unknown for lack of permission. */
  fix?: string;
}

/** Local ports of client sockets per destination, the port budget the kernel spends. */
export interface DestinationPorts {
  destination: string;
  used: number;
  /** used / the ephemeral range size. */
  ratio: number;
}

/** One reading of a Linux host's socket table and kernel figures. */
export interface LinuxSample {
  snapshot: Snapshot;
  kernel: KernelFigures;
  attribution: Attribution;
  range?: EphemeralRange;
  destinations: DestinationPorts[];
}

const PROC_TABLES = ['proc/net/tcp', 'proc/net/tcp6'] as const;
/** Destinations kept for the port-budget figures (the metric's label cardinality). */
const TOP_DESTINATIONS = 10;

/** "[::1]:80" / "127.0.0.1:80". */
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Reads /proc/net/tcp{,6}, attributes sockets to processes and folds them into a Snapshot. */
export function sampleLinux(fs: ProcFs): LinuxSample {
  const sockets: ProcSocket[] = [];
  const missingTables: string[] = [];
  let unreadable = 0;
  for (const path of PROC_TABLES) {
    const text = fs.readText(path);
    if (text === undefined) missingTables.push(`/${path}`);
    else unreadable += eachProcSocket(text, (s) => sockets.push(s));
  }
  const wanted = new Set<number>();
  for (const s of sockets) if (s.inode !== 0) wanted.add(s.inode);
  const owners = findSocketOwners(fs, wanted);
  const kernel = readKernelFigures(fs);
  const hostRange = portRangeOf(kernel);
  const range = hostRange ? hostEphemeralRange(hostRange.first, hostRange.last) : undefined;

  const b = new SnapshotBuilder();
  b.vote('proc-net-tcp', 2);
  b.setOs('linux');
  const perDestination = new Map<string, number>();
  for (const s of sockets) {
    const owner = s.inode === 0 ? undefined : owners.byInode.get(s.inode);
    const process = owner ? `${owner.pid}/${owner.name}` : undefined;
    b.addRecord({
      proto: s.localHost.includes(':') ? 'tcp6' : 'tcp',
      state: s.state,
      local: { host: s.localHost, port: String(s.localPort) },
      remote: { host: s.remoteHost, port: s.remotePort === 0 ? '*' : String(s.remotePort) },
      recvQ: s.recvQ,
      sendQ: s.sendQ,
      process,
      // Only the sampled records keep their line; build it only for them.
      line: b.sampleFull ? '' : displayLine(s, owner),
    });
    if (range && s.state !== 'LISTEN' && s.localPort >= range.first && s.localPort <= range.last) {
      const key = hostPort(s.remoteHost, s.remotePort);
      perDestination.set(key, (perDestination.get(key) ?? 0) + 1);
    }
  }
  if (unreadable > 0) b.warn(`${unreadable} rows of /proc/net/tcp could not be read`);
  for (const m of missingTables)
    b.warn(`${m} is missing on this host; its sockets are not counted`);
  const attribution: Attribution = {
    held: wanted.size,
    attributed: owners.byInode.size,
    deniedProcesses: owners.deniedPids,
  };
  if (owners.deniedPids > 0 && owners.byInode.size < wanted.size) {
    attribution.fix = OWNER_PERMISSION_FIX;
    b.warn(
      `the owners of ${wanted.size - owners.byInode.size} of ${wanted.size} sockets are unknown: no permission to read /proc/PID/fd of ${owners.deniedPids} processes; ${OWNER_PERMISSION_FIX}`,
    );
  }
  const destinations = [...perDestination]
    .sort((x, y) => y[1] - x[1])
    .slice(0, TOP_DESTINATIONS)
    .map(([destination, used]) => ({ destination, used, ratio: range ? used / range.size : 0 }));
  return { snapshot: b.finish(), kernel, attribution, range, destinations };
}

/** An ss-like line for the sample records shown to people. */
function displayLine(s: ProcSocket, owner: SocketOwner | undefined): string {
  const who = owner ? ` users:(("${owner.name}",pid=${owner.pid}))` : '';
  return `${s.state} ${s.recvQ} ${s.sendQ} ${hostPort(s.localHost, s.localPort)} ${hostPort(s.remoteHost, s.remotePort)}${who}`.slice(
    0,
    200,
  );
}
