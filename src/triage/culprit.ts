import type { KeyCount } from '../netstat/snapshot.js';
import type { StateFocus } from './context.js';
import { describeProcess, endpoint, pidOf, port, programOf, splitEndpoint } from './format.js';
import { THRESHOLDS } from './thresholds.js';

/** Who concentrates a state's sockets, in words and as command arguments. */
export interface Culprit {
  /** "java (pid 31014)", or undefined when no process holds a majority. */
  process?: string;
  pid?: string;
  program?: string;
  /** The local port holding the majority (for command filters). */
  localPort?: string;
  /** ":8445/:8080": the fewest local ports (at most 3) that hold >= the concentration share. */
  localPorts?: string;
  /** The same ports as keys, for command filters. */
  localPortKeys?: string[];
  /** The remote ip:port holding the majority. */
  remote?: { host: string; port: string; key: string };
  /** The remote host holding the majority (when endpoints are spread over its ports). */
  remoteHost?: string;
}

const MAJORITY = 0.5;

/** Name the process, local port(s) and remote peer that concentrate a state's records. */
export function findCulprit(f: StateFocus): Culprit {
  const c: Culprit = {};
  if (f.topProcess && f.topProcess.share >= MAJORITY) {
    c.process = describeProcess(f.topProcess.key);
    c.pid = pidOf(f.topProcess.key);
    c.program = programOf(f.topProcess.key);
  }
  if (f.topLocalPort && f.topLocalPort.share >= MAJORITY) c.localPort = f.topLocalPort.key;
  const ports = coveringKeys(f.detail?.byLocalPort, f.records);
  if (ports) {
    c.localPorts = ports.map(port).join('/');
    c.localPortKeys = ports;
  }
  if (f.topRemoteEndpoint && f.topRemoteEndpoint.share >= MAJORITY) {
    const { host, port: p } = splitEndpoint(f.topRemoteEndpoint.key);
    c.remote = { host, port: p, key: endpoint(f.topRemoteEndpoint.key) };
  }
  if (f.topRemoteHost && f.topRemoteHost.share >= MAJORITY) c.remoteHost = f.topRemoteHost.key;
  return c;
}

/** The fewest keys (at most 3) that together hold the concentration share of `records`. */
function coveringKeys(keys: KeyCount[] | undefined, records: number): string[] | undefined {
  if (!keys || records === 0) return undefined;
  let sum = 0;
  const out: string[] = [];
  for (const k of keys.slice(0, 3)) {
    out.push(k.key);
    sum += k.count;
    if (sum / records >= THRESHOLDS.focus.concentration) return out;
  }
  return undefined;
}

/** "java (pid 31014) on :8080", "the process on :8080", "java (pid 7) toward 10.0.0.5:5432". */
export function who(c: Culprit, side: 'server' | 'client' | undefined): string {
  const proc = c.process;
  if (side === 'client' && c.remote) {
    return proc ? `${proc} (client of ${c.remote.key})` : `the client of ${c.remote.key}`;
  }
  const ports = c.localPorts ?? (c.localPort ? port(c.localPort) : undefined);
  if (proc && ports) return `${proc} on ${ports}`;
  if (proc) return proc;
  if (ports) return `the process on ${ports}`;
  return 'the local application';
}

/** Which end of the connections this host is for a state, from its focus: server, client or unknown. */
export function sideOf(f: StateFocus): 'server' | 'client' | undefined {
  return f.serverSide === undefined ? undefined : f.serverSide ? 'server' : 'client';
}
