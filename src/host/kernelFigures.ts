import type { ProcFs } from './procFs.js';

/** /proc/net/sockstat TCP line figures (proc(5)). */
export interface Sockstat {
  inuse?: number;
  orphan?: number;
  tw?: number;
  alloc?: number;
  mem?: number;
}

/** The TcpExt counters a paste cannot show. */
export const NETSTAT_COUNTERS = [
  'ListenOverflows',
  'ListenDrops',
  'TCPTimeWaitOverflow',
  'TCPAbortOnMemory',
  'TCPReqQFullDrop',
] as const;
export type NetstatCounter = (typeof NETSTAT_COUNTERS)[number];

/** The sysctls in force that the triage rules depend on, by their /proc/sys path. */
export const SYSCTL_PATHS = Object.freeze({
  ip_local_port_range: 'proc/sys/net/ipv4/ip_local_port_range',
  ip_local_reserved_ports: 'proc/sys/net/ipv4/ip_local_reserved_ports',
  tcp_fin_timeout: 'proc/sys/net/ipv4/tcp_fin_timeout',
  tcp_tw_reuse: 'proc/sys/net/ipv4/tcp_tw_reuse',
  tcp_max_tw_buckets: 'proc/sys/net/ipv4/tcp_max_tw_buckets',
  somaxconn: 'proc/sys/net/core/somaxconn',
  tcp_syncookies: 'proc/sys/net/ipv4/tcp_syncookies',
  tcp_max_orphans: 'proc/sys/net/ipv4/tcp_max_orphans',
});
export type SysctlName = keyof typeof SYSCTL_PATHS;

/** Kernel figures of this host; a figure absent here could not be read (the note says why). */
export interface KernelFigures {
  sockstat: Sockstat;
  netstat: Partial<Record<NetstatCounter, number>>;
  /** Raw values as the kernel prints them, whitespace collapsed ("32768 60999"). */
  sysctls: Partial<Record<SysctlName, string>>;
  /** Files that could not be read. */
  missing: string[];
}

/** Reads a file or records it as missing. */
function readOrNote(fs: ProcFs, path: string, missing: string[]): string | undefined {
  let text: string | undefined;
  try {
    text = fs.readText(path);
  } catch {
    text = undefined;
  }
  if (text === undefined) missing.push(`/${path}`);
  return text;
}

/** "TCP: inuse 1 orphan 0 tw 0 alloc 1 mem 0" -> figures. */
export function parseSockstat(text: string): Sockstat {
  const line = text.split('\n').find((l) => l.startsWith('TCP:'));
  const out: Sockstat = {};
  if (!line) return out;
  const t = line.slice(4).trim().split(/\s+/);
  for (let i = 0; i + 1 < t.length; i += 2) {
    const key = t[i] as keyof Sockstat;
    const v = Number(t[i + 1]);
    if (Number.isFinite(v) && ['inuse', 'orphan', 'tw', 'alloc', 'mem'].includes(key)) out[key] = v;
  }
  return out;
}

/** /proc/net/netstat: pairs of "TcpExt: names" / "TcpExt: values" lines -> the counters we want. */
export function parseNetstat(text: string): Partial<Record<NetstatCounter, number>> {
  const out: Partial<Record<NetstatCounter, number>> = {};
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const names = lines[i] as string;
    if (!names.startsWith('TcpExt:')) continue;
    const values = lines[i + 1] as string;
    if (!values.startsWith('TcpExt:')) continue;
    const n = names.slice(7).trim().split(/\s+/);
    const v = values.slice(7).trim().split(/\s+/);
    for (const c of NETSTAT_COUNTERS) {
      const k = n.indexOf(c);
      if (k >= 0 && v[k] !== undefined && Number.isFinite(Number(v[k]))) out[c] = Number(v[k]);
    }
    break;
  }
  return out;
}

/** Reads sockstat, netstat and the sysctls from a ProcFs. */
export function readKernelFigures(fs: ProcFs): KernelFigures {
  const missing: string[] = [];
  const sockstat = readOrNote(fs, 'proc/net/sockstat', missing);
  const netstat = readOrNote(fs, 'proc/net/netstat', missing);
  const sysctls: Partial<Record<SysctlName, string>> = {};
  for (const [name, path] of Object.entries(SYSCTL_PATHS) as [SysctlName, string][]) {
    const v = readOrNote(fs, path, missing);
    if (v !== undefined) sysctls[name] = v.trim().split(/\s+/).join(' ');
  }
  return {
    sockstat: sockstat === undefined ? {} : parseSockstat(sockstat),
    netstat: netstat === undefined ? {} : parseNetstat(netstat),
    sysctls,
    missing,
  };
}

/** The ephemeral port range in force, or undefined when unreadable. */
export function portRangeOf(figures: KernelFigures): { first: number; last: number } | undefined {
  const v = figures.sysctls.ip_local_port_range?.split(' ').map(Number);
  if (v?.length !== 2 || !v.every(Number.isInteger)) return undefined;
  const [first, last] = v as [number, number];
  return first <= last ? { first, last } : undefined;
}
