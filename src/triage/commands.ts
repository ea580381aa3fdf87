import type { OsFamily } from '../netstat/snapshot.js';
import type { Culprit } from './culprit.js';

/** Command dialects: which tools exist on the host the paste came from. */
export type Dialect = 'linux' | 'windows' | 'macos' | 'freebsd' | 'openbsd' | 'solaris';

/** Every dialect, for tests and for callers that list them. */
export const DIALECTS: readonly Dialect[] = Object.freeze([
  'linux',
  'windows',
  'macos',
  'freebsd',
  'openbsd',
  'solaris',
]);

/** The dialect for an OS family; an unknown OS is most often Linux. */
export function dialectOf(os: OsFamily): Dialect {
  switch (os) {
    case 'windows':
      return 'windows';
    case 'macos':
      return 'macos';
    case 'openbsd':
      // OpenBSD has its own sysctl names (net.inet.ip.portfirst) and no lsof in base.
      return 'openbsd';
    case 'freebsd':
    case 'bsd':
      return 'freebsd';
    case 'solaris':
      return 'solaris';
    default:
      return 'linux';
  }
}

/** Which side of the connections the culprit is on (filters differ for each). */
export type Side = 'server' | 'client' | undefined;

/** The closing states whose FIN the peer has not acknowledged. */
export type UnackedFinState = 'FIN_WAIT_1' | 'LAST_ACK' | 'CLOSING';

/** The findings that print next commands; each dialect has one builder per finding. */
export type CommandFinding =
  | 'closeWait'
  | 'timeWait'
  | 'portExhaustion'
  | 'finWait2'
  | 'unackedFin'
  | 'synReceived'
  | 'synSent'
  | 'established'
  | 'closed';

/** What a builder gets: the culprit reduced to safe tokens, plus the finding's own inputs. */
interface CommandInput {
  c: Culprit;
  a: SafeArgs;
  side: Side;
  state: UnackedFinState;
}

/** A builder returns its lines in order; `undefined`/`false` entries are skipped. */
type Builder = (i: CommandInput) => (string | undefined | false)[];

/** Only characters that are safe inside the commands we print (ports, hosts, pids from the paste). */
function safe(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return /^[A-Za-z0-9._:%-]{1,64}$/.test(s) ? s : undefined;
}

interface SafeArgs {
  port?: string;
  numericPort?: string;
  pid?: string;
  program?: string;
  rhost?: string;
  rport?: string;
  peerHost?: string;
}

/** Culprit arguments reduced to safe tokens. */
function args(c: Culprit): SafeArgs {
  const port = safe(c.localPort);
  const numericPort = port && /^\d+$/.test(port) ? port : undefined;
  return {
    port,
    numericPort,
    pid: safe(c.pid),
    program: safe(c.program),
    rhost: safe(c.remote?.host),
    rport: safe(c.remote?.port),
    peerHost: safe(c.remote?.host ?? c.remoteHost),
  };
}

/** ss filter for the culprit: `'( sport = :8080 )'` or `'( dst 10.0.0.5 and dport = :5432 )'`. */
function ssFilter(c: Culprit, side: Side): string {
  const a = args(c);
  if (side === 'client' && a.rhost && a.rport)
    return ` '( dst ${a.rhost} and dport = :${a.rport} )'`;
  const ports = (c.localPortKeys ?? []).map(safe).filter((p): p is string => p !== undefined);
  if (ports.length > 1) return ` '( ${ports.map((p) => `sport = :${p}`).join(' or ')} )'`;
  if (a.port) return ` '( sport = :${a.port} )'`;
  if (a.rhost && a.rport) return ` '( dst ${a.rhost} and dport = :${a.rport} )'`;
  return '';
}

/** Get-NetTCPConnection filter arguments for the culprit. */
function psFilter(a: SafeArgs, side: Side): string {
  if (side === 'client' && a.rhost && a.rport) {
    return ` -RemoteAddress ${a.rhost} -RemotePort ${a.rport}`;
  }
  if (a.numericPort) return ` -LocalPort ${a.numericPort}`;
  return '';
}

/** `grep` that keeps rows of one local port in BSD/Solaris dotted notation. */
function dottedPortGrep(a: SafeArgs): string {
  return a.port ? ` | grep '\\.${a.port} '` : '';
}

/** `grep` that keeps rows toward one remote ip.port in BSD/Solaris dotted notation. */
function dottedRemoteGrep(a: SafeArgs): string {
  return a.rhost && a.rport ? ` | grep '${a.rhost}\\.${a.rport} '` : '';
}

/**
 * State spellings per tool (tcp-facts 92-93, 101, 110, 119, 171): Linux lsof writes the kernel's
 * names (FIN_WAIT2, SYN_RECV), BSD/macOS lsof and netstat the tcpstates[] names (FIN_WAIT_2).
 */
const SS_STATE: Record<UnackedFinState, string> = {
  FIN_WAIT_1: 'fin-wait-1',
  LAST_ACK: 'last-ack',
  CLOSING: 'closing',
};
const PS_STATE: Record<UnackedFinState, string> = {
  FIN_WAIT_1: 'FinWait1',
  LAST_ACK: 'LastAck',
  CLOSING: 'Closing',
};
const LINUX_LSOF_STATE: Record<UnackedFinState, string> = {
  FIN_WAIT_1: 'FIN_WAIT1',
  LAST_ACK: 'LAST_ACK',
  CLOSING: 'CLOSING',
};

/** Top remote hosts of one ss state (with a single-state filter ss drops the State column, so $4 is the peer). */
function ssTopPeers(state: string, filter: string, tcpFlags = 'Htan'): string {
  return `ss -${tcpFlags} state ${state}${filter} | awk '{print $4}' | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | head`;
}

const LINUX: Record<CommandFinding, Builder> = {
  closeWait: ({ c, a, side }) => [
    `ss -tanp state close-wait${ssFilter(c, side)}`,
    a.pid
      ? `lsof -nP -p ${a.pid} -a -iTCP -sTCP:CLOSE_WAIT`
      : `lsof -nP -iTCP${a.numericPort ? `:${a.numericPort}` : ''} -sTCP:CLOSE_WAIT`,
    a.pid && `ls /proc/${a.pid}/fd | wc -l; grep 'open files' /proc/${a.pid}/limits`,
    a.pid && a.program === 'java' && `jstack ${a.pid} > /tmp/threads.${a.pid}.txt`,
    `watch -n 10 "ss -Htan state close-wait${ssFilter(c, side)} | wc -l"`,
  ],
  timeWait: ({ a, side }) => [
    side === 'server' && a.port
      ? ssTopPeers('time-wait', ` '( sport = :${a.port} )'`)
      : "ss -Htan state time-wait | awk '{print $4}' | sort | uniq -c | sort -rn | head",
    a.rhost &&
      a.rport &&
      `ss -Htan state time-wait '( dst ${a.rhost} and dport = :${a.rport} )' | wc -l`,
    'sysctl net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse net.ipv4.tcp_max_tw_buckets',
    'nstat -az TcpExtTW TcpExtTWRecycled TcpExtTCPTimeWaitOverflow',
  ],
  portExhaustion: ({ a, side }) => [
    a.rhost && a.rport
      ? `ss -Htan '( dst ${a.rhost} and dport = :${a.rport} )' | awk '{print $1}' | sort | uniq -c`
      : side === 'server' && a.port && ssTopPeers('time-wait', ` '( sport = :${a.port} )'`),
    'sysctl net.ipv4.ip_local_port_range net.ipv4.ip_local_reserved_ports net.ipv4.tcp_tw_reuse',
    'nstat -az TcpExtTW TcpExtTWRecycled TcpExtTCPTimeWaitOverflow',
    // The kernel logs nothing on EADDRNOTAVAIL: only the application's own log shows it.
    "journalctl -S -1h | grep -ci 'cannot assign requested address'",
  ],
  finWait2: ({ c, a, side }) => [
    `ss -tanop state fin-wait-2${ssFilter(c, side)}`,
    a.pid && `lsof -nP -p ${a.pid} -a -iTCP -sTCP:FIN_WAIT2`,
    // Orphaned FIN_WAIT_2 of <= 60 s are timewait mini-sockets: sockstat "tw", not "orphan".
    'sysctl net.ipv4.tcp_fin_timeout net.ipv4.tcp_max_tw_buckets net.ipv4.tcp_max_orphans',
    'cat /proc/net/sockstat',
  ],
  unackedFin: ({ c, a, side, state }) => [
    `ss -tano state ${SS_STATE[state]}${ssFilter(c, side)}`,
    a.pid && `lsof -nP -p ${a.pid} -a -iTCP -sTCP:${LINUX_LSOF_STATE[state]}`,
    'sysctl net.ipv4.tcp_orphan_retries net.ipv4.tcp_max_orphans',
    'nstat -az TcpExtTCPAbortOnTimeout TcpExtTCPAbortOnMemory TcpRetransSegs',
    'cat /proc/net/sockstat',
    a.peerHost && `mtr -rwc 20 ${a.peerHost}`,
  ],
  synReceived: ({ a }) => {
    const f = a.port ? ` '( sport = :${a.port} )'` : '';
    return [
      ssTopPeers('syn-recv', f, 'Htn'),
      `ss -ltn${f}`,
      "nstat -az TcpExtListenOverflows TcpExtListenDrops 'TcpExtTCPReqQFull*' 'TcpExtSyncookies*'",
      "dmesg | grep -i 'SYN flooding'",
      // min(listen() backlog, somaxconn) bounds both queues; tcp_max_syn_backlog acts only with syncookies=0.
      'sysctl net.core.somaxconn net.ipv4.tcp_syncookies net.ipv4.tcp_max_syn_backlog',
    ];
  },
  synSent: ({ a }) => {
    const dst = a.rhost && a.rport ? ` '( dst ${a.rhost} and dport = :${a.rport} )'` : '';
    return [
      `ss -tnp state syn-sent${dst}`,
      a.rhost && a.rport && `nc -vz -w 3 ${a.rhost} ${a.rport}`,
      a.rhost && a.rport && `ip route get ${a.rhost}`,
      'nstat -az TcpAttemptFails TcpExtTCPSynRetrans',
      "dmesg | grep -i 'conntrack'",
    ];
  },
  established: ({ a }) => [
    'ss -s',
    "ss -Htan state established | awk '{print $4}' | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | head",
    a.pid
      ? `ls /proc/${a.pid}/fd | wc -l; grep 'open files' /proc/${a.pid}/limits`
      : 'ss -Htanp state established | grep -o \'users:(("[^"]*",pid=[0-9]*\' | sort | uniq -c | sort -rn | head',
    'cat /proc/sys/fs/file-nr',
    'cat /proc/sys/net/netfilter/nf_conntrack_count /proc/sys/net/netfilter/nf_conntrack_max',
  ],
  closed: ({ a }) => [
    'ss -tanp state closed',
    a.pid && `ls -l /proc/${a.pid}/fd | grep -c socket; grep 'open files' /proc/${a.pid}/limits`,
  ],
};

const WINDOWS: Record<CommandFinding, Builder> = {
  closeWait: ({ a, side }) => [
    `Get-NetTCPConnection -State CloseWait${psFilter(a, side)} | Group-Object OwningProcess | Sort-Object Count -Descending`,
    'netstat -ano | findstr CLOSE_WAIT',
    a.pid && `Get-Process -Id ${a.pid}`,
  ],
  timeWait: () => [
    'Get-NetTCPConnection -State TimeWait | Group-Object RemoteAddress,RemotePort | Sort-Object Count -Descending | Select-Object -First 10 Count,Name',
    'netsh int ipv4 show dynamicport tcp',
    "Get-WinEvent -FilterHashtable @{LogName='System'; Id=4227,4231} -MaxEvents 20",
  ],
  portExhaustion: ({ a }) => [
    `Get-NetTCPConnection${a.rhost && a.rport ? ` -RemoteAddress ${a.rhost} -RemotePort ${a.rport}` : ''} | Group-Object State | Sort-Object Count -Descending`,
    'netsh int ipv4 show dynamicport tcp',
    "Get-WinEvent -FilterHashtable @{LogName='System'; Id=4227,4231} -MaxEvents 20",
  ],
  finWait2: ({ a, side }) => [
    `Get-NetTCPConnection -State FinWait2${psFilter(a, side)} | Group-Object OwningProcess,RemoteAddress | Sort-Object Count -Descending`,
  ],
  unackedFin: ({ a, state }) => [
    `Get-NetTCPConnection -State ${PS_STATE[state]} | Group-Object RemoteAddress | Sort-Object Count -Descending`,
    a.peerHost && `Test-NetConnection ${a.peerHost} -TraceRoute`,
  ],
  synReceived: ({ a }) => [
    `Get-NetTCPConnection -State SynReceived${a.numericPort ? ` -LocalPort ${a.numericPort}` : ''} | Group-Object RemoteAddress | Sort-Object Count -Descending`,
    'netstat -s -p tcp',
  ],
  synSent: ({ a }) => [
    'Get-NetTCPConnection -State SynSent | Group-Object RemoteAddress,RemotePort,OwningProcess | Sort-Object Count -Descending',
    a.rhost && a.rport && `Test-NetConnection ${a.rhost} -Port ${a.rport}`,
  ],
  established: () => [
    'Get-NetTCPConnection -State Established | Group-Object OwningProcess | Sort-Object Count -Descending | Select-Object -First 10 Count,Name',
    'netsh int ipv4 show dynamicport tcp',
  ],
  closed: ({ a }) => [
    'Get-NetTCPConnection -State Closed | Group-Object OwningProcess | Sort-Object Count -Descending',
    a.pid && `Get-Process -Id ${a.pid}`,
  ],
};

/** BSD-family table; `netstat` and `lsof` spell states the tcpstates[] way (FIN_WAIT_2, SYN_RCVD). */
function bsdTable(d: 'macos' | 'freebsd' | 'openbsd'): Record<CommandFinding, Builder> {
  // OpenBSD ships fstat(1), not lsof, and names its port range net.inet.ip.portfirst/portlast.
  const held = (a: SafeArgs, state: string): string | undefined =>
    d === 'openbsd'
      ? a.pid && `fstat -p ${a.pid} | grep -c internet`
      : a.pid
        ? `lsof -nP -p ${a.pid} -a -iTCP -sTCP:${state}`
        : `lsof -nP -iTCP${a.numericPort ? `:${a.numericPort}` : ''} -sTCP:${state}`;
  const portRange =
    d === 'openbsd'
      ? 'sysctl net.inet.ip.portfirst net.inet.ip.portlast'
      : 'sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last';
  const tcpNetstat = 'netstat -an -p tcp';
  return {
    closeWait: ({ a }) => [
      `${tcpNetstat} | grep CLOSE_WAIT${dottedPortGrep(a)}`,
      held(a, 'CLOSE_WAIT'),
      d === 'freebsd' && a.numericPort && `sockstat -46 -c -P tcp -p ${a.numericPort}`,
    ],
    timeWait: () => [
      `${tcpNetstat} | awk '/TIME_WAIT/ {print $5}' | sort | uniq -c | sort -rn | head`,
      d === 'openbsd'
        ? portRange
        : `sysctl net.inet.tcp.msl ${portRange.slice('sysctl '.length)}${d === 'freebsd' ? ' net.inet.tcp.maxtcptw' : ''}`,
    ],
    portExhaustion: ({ a }) => [
      `${tcpNetstat}${dottedRemoteGrep(a)} | awk '{print $6}' | sort | uniq -c`,
      d === 'openbsd' ? portRange : `${portRange} net.inet.tcp.msl`,
    ],
    finWait2: ({ a }) => [
      `${tcpNetstat} | grep FIN_WAIT_2${dottedPortGrep(a)}`,
      a.pid && held(a, 'FIN_WAIT_2'),
      d === 'freebsd' && 'sysctl net.inet.tcp.finwait2_timeout net.inet.tcp.fast_finwait2_recycle',
    ],
    unackedFin: ({ a, state }) => [
      `${tcpNetstat} | grep ${state}`,
      a.peerHost && `traceroute ${a.peerHost}`,
    ],
    synReceived: ({ a }) => [
      `${tcpNetstat} | grep SYN_RCVD${dottedPortGrep(a)}`,
      d !== 'openbsd' && 'netstat -Lan',
      "netstat -s -p tcp | grep -iE 'syncache|cookie|listen queue'",
      d === 'openbsd' ? 'sysctl kern.somaxconn' : 'sysctl kern.ipc.somaxconn',
    ],
    synSent: ({ a }) => [
      `${tcpNetstat} | grep SYN_SENT`,
      a.rhost && a.rport && `nc -vz -w 3 ${a.rhost} ${a.rport}`,
      a.rhost && a.rport && `route -n get ${a.rhost}`,
    ],
    established: () => [
      `${tcpNetstat} | awk '/ESTABLISHED/ {print $5}' | sort | uniq -c | sort -rn | head`,
      d === 'openbsd' ? 'sysctl kern.maxfiles' : 'sysctl kern.maxfiles kern.maxfilesperproc',
    ],
    closed: ({ a }) => [
      `${tcpNetstat} | grep CLOSED`,
      d === 'openbsd'
        ? a.pid && `fstat -p ${a.pid}`
        : a.pid
          ? `lsof -nP -p ${a.pid} -a -iTCP`
          : 'lsof -nP -iTCP -sTCP:CLOSED',
    ],
  };
}

const SOLARIS: Record<CommandFinding, Builder> = {
  closeWait: ({ a }) => [
    `netstat -an -P tcp | grep CLOSE_WAIT${dottedPortGrep(a)}`,
    a.pid ? `pfiles ${a.pid}` : 'pfiles <pid of the service>',
  ],
  timeWait: () => [
    "netstat -an -P tcp | awk '/TIME_WAIT/ {print $2}' | sort | uniq -c | sort -rn | head",
    'ndd -get /dev/tcp tcp_time_wait_interval',
    'ndd -get /dev/tcp tcp_smallest_anon_port',
  ],
  portExhaustion: ({ a }) => [
    `netstat -an -P tcp${dottedRemoteGrep(a)} | awk '{print $NF}' | sort | uniq -c`,
    'ndd -get /dev/tcp tcp_smallest_anon_port',
    'ndd -get /dev/tcp tcp_largest_anon_port',
  ],
  finWait2: ({ a }) => [
    `netstat -an -P tcp | grep FIN_WAIT_2${dottedPortGrep(a)}`,
    'ndd -get /dev/tcp tcp_fin_wait_2_flush_interval',
  ],
  unackedFin: ({ a, state }) => [
    `netstat -an -P tcp | grep ${state}`,
    a.peerHost && `traceroute ${a.peerHost}`,
  ],
  synReceived: ({ a }) => [
    `netstat -an -P tcp | grep SYN_RCVD${dottedPortGrep(a)}`,
    'netstat -s -P tcp | grep -i listenDrop',
    'ndd -get /dev/tcp tcp_conn_req_max_q0',
  ],
  synSent: ({ a }) => [
    'netstat -an -P tcp | grep SYN_SENT',
    a.rhost && a.rport && `ping ${a.rhost}`,
  ],
  established: () => [
    "netstat -an -P tcp | awk '/ESTABLISHED/ {print $2}' | sort | uniq -c | sort -rn | head",
  ],
  closed: ({ a }) => ['netstat -an -P tcp | grep CLOSED', a.pid && `pfiles ${a.pid}`],
};

/** One command table per dialect, keyed by finding. */
const TABLES: Readonly<Record<Dialect, Record<CommandFinding, Builder>>> = Object.freeze({
  linux: LINUX,
  windows: WINDOWS,
  macos: bsdTable('macos'),
  freebsd: bsdTable('freebsd'),
  openbsd: bsdTable('openbsd'),
  solaris: SOLARIS,
});

/** The next commands a finding prints on a dialect. */
export function commandsFor(
  d: Dialect,
  finding: CommandFinding,
  c: Culprit,
  side: Side = undefined,
  state: UnackedFinState = 'FIN_WAIT_1',
): string[] {
  const lines = TABLES[d][finding]({ c, a: args(c), side, state });
  return lines.filter((l): l is string => typeof l === 'string' && l.length > 0);
}

/** Next commands for a CLOSE_WAIT pile-up. */
export function closeWaitCommands(d: Dialect, c: Culprit, side: Side): string[] {
  return commandsFor(d, 'closeWait', c, side);
}

/** Next commands for a TIME_WAIT pile-up (and the per-destination budget). */
export function timeWaitCommands(d: Dialect, c: Culprit, side: Side): string[] {
  return commandsFor(d, 'timeWait', c, side);
}

/** Next commands for ephemeral-port (4-tuple) exhaustion toward one destination. */
export function portExhaustionCommands(d: Dialect, c: Culprit, side: Side): string[] {
  return commandsFor(d, 'portExhaustion', c, side);
}

/** Next commands for FIN_WAIT_2 sockets that do not go away. */
export function finWait2Commands(d: Dialect, c: Culprit, side: Side): string[] {
  return commandsFor(d, 'finWait2', c, side);
}

/** Next commands for FIN_WAIT_1 / LAST_ACK / CLOSING: a FIN the peer does not acknowledge. */
export function unackedFinCommands(
  d: Dialect,
  state: UnackedFinState,
  c: Culprit,
  side: Side,
): string[] {
  return commandsFor(d, 'unackedFin', c, side, state);
}

/** Next commands for SYN_RECEIVED on a listener: flood or slow accept(). */
export function synReceivedCommands(d: Dialect, c: Culprit): string[] {
  return commandsFor(d, 'synReceived', c);
}

/** Next commands for SYN_SENT toward an unreachable destination. */
export function synSentCommands(d: Dialect, c: Culprit): string[] {
  return commandsFor(d, 'synSent', c);
}

/** Next commands for a very high ESTABLISHED count. */
export function establishedCommands(d: Dialect, c: Culprit): string[] {
  return commandsFor(d, 'established', c);
}

/** Next commands for sockets listed as CLOSED that a process still holds. */
export function closedCommands(d: Dialect, c: Culprit): string[] {
  return commandsFor(d, 'closed', c);
}
