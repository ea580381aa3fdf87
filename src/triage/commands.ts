import type { OsFamily } from '../netstat/snapshot.js';
import type { Culprit } from './culprit.js';

/** Command dialects: which tools exist on the host the paste came from. */
export type Dialect = 'linux' | 'windows' | 'macos' | 'freebsd' | 'solaris';

/** The dialect for an OS family; an unknown OS is most often Linux. */
export function dialectOf(os: OsFamily): Dialect {
  switch (os) {
    case 'windows':
      return 'windows';
    case 'macos':
      return 'macos';
    case 'freebsd':
    case 'openbsd':
    case 'bsd':
      return 'freebsd';
    case 'solaris':
      return 'solaris';
    default:
      return 'linux';
  }
}

/** Only characters that are safe inside the commands we print (ports, hosts, pids from the paste). */
function safe(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return /^[A-Za-z0-9._:%-]{1,64}$/.test(s) ? s : undefined;
}

/** Culprit arguments reduced to safe tokens. */
function args(c: Culprit) {
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
function ssFilter(c: Culprit, side: 'server' | 'client' | undefined): string {
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
function psFilter(c: Culprit, side: 'server' | 'client' | undefined): string {
  const a = args(c);
  if (side === 'client' && a.rhost && a.rport) {
    return ` -RemoteAddress ${a.rhost} -RemotePort ${a.rport}`;
  }
  if (a.numericPort) return ` -LocalPort ${a.numericPort}`;
  return '';
}

/** `grep` that keeps rows of one local port in BSD/Solaris dotted notation. */
function dottedPortGrep(c: Culprit): string {
  const a = args(c);
  return a.port ? ` | grep '\\.${a.port} '` : '';
}

type Side = 'server' | 'client' | undefined;

/** Next commands for a CLOSE_WAIT pile-up. */
export function closeWaitCommands(d: Dialect, c: Culprit, side: Side): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      out.push(`ss -tanp state close-wait${ssFilter(c, side)}`);
      if (a.pid) {
        out.push(`lsof -nP -p ${a.pid} -a -iTCP -sTCP:CLOSE_WAIT`);
        out.push(`ls /proc/${a.pid}/fd | wc -l; grep 'open files' /proc/${a.pid}/limits`);
        if (a.program === 'java') out.push(`jstack ${a.pid} > /tmp/threads.${a.pid}.txt`);
      } else {
        out.push(`lsof -nP -iTCP${a.numericPort ? `:${a.numericPort}` : ''} -sTCP:CLOSE_WAIT`);
      }
      out.push(`watch -n 10 "ss -Htan state close-wait${ssFilter(c, side)} | wc -l"`);
      break;
    case 'windows':
      out.push(
        `Get-NetTCPConnection -State CloseWait${psFilter(c, side)} | Group-Object OwningProcess | Sort-Object Count -Descending`,
      );
      out.push('netstat -ano | findstr CLOSE_WAIT');
      if (a.pid) out.push(`Get-Process -Id ${a.pid}`);
      break;
    case 'macos':
    case 'freebsd':
      out.push(`netstat -an -p tcp | grep CLOSE_WAIT${dottedPortGrep(c)}`);
      out.push(
        a.pid
          ? `lsof -nP -p ${a.pid} -a -iTCP -sTCP:CLOSE_WAIT`
          : `lsof -nP -iTCP${a.numericPort ? `:${a.numericPort}` : ''} -sTCP:CLOSE_WAIT`,
      );
      if (d === 'freebsd' && a.numericPort) out.push(`sockstat -46 -c -P tcp -p ${a.numericPort}`);
      break;
    case 'solaris':
      out.push(`netstat -an -P tcp | grep CLOSE_WAIT${dottedPortGrep(c)}`);
      out.push(a.pid ? `pfiles ${a.pid}` : 'pfiles <pid of the service>');
      break;
  }
  return out;
}

/** Next commands for a TIME_WAIT pile-up (and the per-destination budget). */
export function timeWaitCommands(d: Dialect, c: Culprit, side: Side): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      if (side === 'server' && a.port) {
        out.push(
          `ss -Htan state time-wait '( sport = :${a.port} )' | awk '{print $4}' | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | head`,
        );
      } else {
        out.push("ss -Htan state time-wait | awk '{print $4}' | sort | uniq -c | sort -rn | head");
      }
      if (a.rhost && a.rport) {
        out.push(`ss -Htan state time-wait '( dst ${a.rhost} and dport = :${a.rport} )' | wc -l`);
      }
      out.push(
        'sysctl net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse net.ipv4.tcp_max_tw_buckets',
      );
      out.push('nstat -az TcpExtTW TcpExtTWRecycled TcpExtTCPTimeWaitOverflow');
      break;
    case 'windows':
      out.push(
        'Get-NetTCPConnection -State TimeWait | Group-Object RemoteAddress,RemotePort | Sort-Object Count -Descending | Select-Object -First 10 Count,Name',
      );
      out.push('netsh int ipv4 show dynamicport tcp');
      out.push("Get-WinEvent -FilterHashtable @{LogName='System'; Id=4227,4231} -MaxEvents 20");
      break;
    case 'macos':
    case 'freebsd':
      out.push(
        "netstat -an -p tcp | awk '/TIME_WAIT/ {print $5}' | sort | uniq -c | sort -rn | head",
      );
      out.push(
        `sysctl net.inet.tcp.msl net.inet.ip.portrange.first net.inet.ip.portrange.last${d === 'freebsd' ? ' net.inet.tcp.maxtcptw' : ''}`,
      );
      break;
    case 'solaris':
      out.push(
        "netstat -an -P tcp | awk '/TIME_WAIT/ {print $2}' | sort | uniq -c | sort -rn | head",
      );
      out.push('ndd -get /dev/tcp tcp_time_wait_interval');
      out.push('ndd -get /dev/tcp tcp_smallest_anon_port');
      break;
  }
  return out;
}

/** Next commands for ephemeral-port (4-tuple) exhaustion toward one destination. */
export function portExhaustionCommands(d: Dialect, c: Culprit, side: Side): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      if (a.rhost && a.rport) {
        out.push(
          `ss -Htan '( dst ${a.rhost} and dport = :${a.rport} )' | awk '{print $1}' | sort | uniq -c`,
        );
      } else if (side === 'server' && a.port) {
        out.push(
          `ss -Htan state time-wait '( sport = :${a.port} )' | awk '{print $4}' | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | head`,
        );
      }
      out.push('sysctl net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse');
      out.push('nstat -az TcpExtTW TcpExtTWRecycled TcpExtTCPTimeWaitOverflow');
      out.push("journalctl -S -1h | grep -ci 'cannot assign requested address'");
      break;
    case 'windows':
      out.push(
        `Get-NetTCPConnection${a.rhost && a.rport ? ` -RemoteAddress ${a.rhost} -RemotePort ${a.rport}` : ''} | Group-Object State | Sort-Object Count -Descending`,
      );
      out.push('netsh int ipv4 show dynamicport tcp');
      out.push("Get-WinEvent -FilterHashtable @{LogName='System'; Id=4227,4231} -MaxEvents 20");
      break;
    case 'macos':
    case 'freebsd':
      out.push(
        `netstat -an -p tcp${a.rhost && a.rport ? ` | grep '${a.rhost}\\.${a.rport} '` : ''} | awk '{print $6}' | sort | uniq -c`,
      );
      out.push('sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last net.inet.tcp.msl');
      break;
    case 'solaris':
      out.push(
        `netstat -an -P tcp${a.rhost && a.rport ? ` | grep '${a.rhost}\\.${a.rport} '` : ''} | awk '{print $NF}' | sort | uniq -c`,
      );
      out.push('ndd -get /dev/tcp tcp_smallest_anon_port');
      out.push('ndd -get /dev/tcp tcp_largest_anon_port');
      break;
  }
  return out;
}

/** Next commands for FIN_WAIT_2 sockets that do not go away. */
export function finWait2Commands(d: Dialect, c: Culprit, side: Side): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      out.push(`ss -tanop state fin-wait-2${ssFilter(c, side)}`);
      if (a.pid) out.push(`lsof -nP -p ${a.pid} -a -iTCP -sTCP:FIN_WAIT_2`);
      out.push('sysctl net.ipv4.tcp_fin_timeout net.ipv4.tcp_max_orphans');
      out.push('cat /proc/net/sockstat');
      break;
    case 'windows':
      out.push(
        `Get-NetTCPConnection -State FinWait2${psFilter(c, side)} | Group-Object OwningProcess,RemoteAddress | Sort-Object Count -Descending`,
      );
      break;
    case 'macos':
    case 'freebsd':
      out.push(`netstat -an -p tcp | grep FIN_WAIT_2${dottedPortGrep(c)}`);
      if (a.pid) out.push(`lsof -nP -p ${a.pid} -a -iTCP -sTCP:FIN_WAIT_2`);
      if (d === 'freebsd')
        out.push('sysctl net.inet.tcp.finwait2_timeout net.inet.tcp.fast_finwait2_recycle');
      break;
    case 'solaris':
      out.push(`netstat -an -P tcp | grep FIN_WAIT_2${dottedPortGrep(c)}`);
      out.push('ndd -get /dev/tcp tcp_fin_wait_2_flush_interval');
      break;
  }
  return out;
}

const LINUX_STATE: Record<string, string> = {
  FIN_WAIT_1: 'fin-wait-1',
  LAST_ACK: 'last-ack',
  CLOSING: 'closing',
};
const PS_STATE: Record<string, string> = {
  FIN_WAIT_1: 'FinWait1',
  LAST_ACK: 'LastAck',
  CLOSING: 'Closing',
};

/** Next commands for FIN_WAIT_1 / LAST_ACK / CLOSING: a FIN the peer does not acknowledge. */
export function unackedFinCommands(
  d: Dialect,
  state: 'FIN_WAIT_1' | 'LAST_ACK' | 'CLOSING',
  c: Culprit,
  side: Side,
): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      out.push(`ss -tano state ${LINUX_STATE[state]}${ssFilter(c, side)}`);
      out.push('sysctl net.ipv4.tcp_orphan_retries net.ipv4.tcp_max_orphans');
      out.push('nstat -az TcpExtTCPAbortOnTimeout TcpExtTCPAbortOnMemory TcpRetransSegs');
      out.push('cat /proc/net/sockstat');
      if (a.peerHost) out.push(`mtr -rwc 20 ${a.peerHost}`);
      break;
    case 'windows':
      out.push(
        `Get-NetTCPConnection -State ${PS_STATE[state]} | Group-Object RemoteAddress | Sort-Object Count -Descending`,
      );
      if (a.peerHost) out.push(`Test-NetConnection ${a.peerHost} -TraceRoute`);
      break;
    case 'macos':
    case 'freebsd':
    case 'solaris': {
      const grep = d === 'solaris' ? 'netstat -an -P tcp' : 'netstat -an -p tcp';
      out.push(`${grep} | grep ${state}`);
      if (a.peerHost) out.push(`traceroute ${a.peerHost}`);
      break;
    }
  }
  return out;
}

/** Next commands for SYN_RECEIVED on a listener: flood or slow accept(). */
export function synReceivedCommands(d: Dialect, c: Culprit): string[] {
  const a = args(c);
  const f = a.port ? ` '( sport = :${a.port} )'` : '';
  const out: string[] = [];
  switch (d) {
    case 'linux':
      out.push(
        `ss -Htn state syn-recv${f} | awk '{print $4}' | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | head`,
      );
      out.push(`ss -ltn${f}`);
      out.push(
        "nstat -az TcpExtListenOverflows TcpExtListenDrops 'TcpExtTCPReqQFull*' 'TcpExtSyncookies*'",
      );
      out.push("dmesg | grep -i 'SYN flooding'");
      out.push('sysctl net.ipv4.tcp_syncookies net.ipv4.tcp_max_syn_backlog net.core.somaxconn');
      break;
    case 'windows':
      out.push(
        `Get-NetTCPConnection -State SynReceived${a.numericPort ? ` -LocalPort ${a.numericPort}` : ''} | Group-Object RemoteAddress | Sort-Object Count -Descending`,
      );
      out.push('netstat -s -p tcp');
      break;
    case 'macos':
    case 'freebsd':
      out.push(`netstat -an -p tcp | grep SYN_RCVD${dottedPortGrep(c)}`);
      out.push('netstat -Lan');
      out.push("netstat -s -p tcp | grep -iE 'syncache|cookie|listen queue'");
      out.push('sysctl kern.ipc.somaxconn');
      break;
    case 'solaris':
      out.push(`netstat -an -P tcp | grep SYN_RCVD${dottedPortGrep(c)}`);
      out.push('netstat -s -P tcp | grep -i listenDrop');
      out.push('ndd -get /dev/tcp tcp_conn_req_max_q0');
      break;
  }
  return out;
}

/** Next commands for SYN_SENT toward an unreachable destination. */
export function synSentCommands(d: Dialect, c: Culprit): string[] {
  const a = args(c);
  const out: string[] = [];
  const dst = a.rhost && a.rport ? { host: a.rhost, port: a.rport } : undefined;
  switch (d) {
    case 'linux':
      out.push(
        `ss -tnp state syn-sent${dst ? ` '( dst ${dst.host} and dport = :${dst.port} )'` : ''}`,
      );
      if (dst) out.push(`nc -vz -w 3 ${dst.host} ${dst.port}`);
      if (dst) out.push(`ip route get ${dst.host}`);
      out.push('nstat -az TcpAttemptFails TcpExtTCPSynRetrans');
      out.push("dmesg | grep -i 'conntrack'");
      break;
    case 'windows':
      out.push(
        'Get-NetTCPConnection -State SynSent | Group-Object RemoteAddress,RemotePort,OwningProcess | Sort-Object Count -Descending',
      );
      if (dst) out.push(`Test-NetConnection ${dst.host} -Port ${dst.port}`);
      break;
    case 'macos':
    case 'freebsd':
      out.push('netstat -an -p tcp | grep SYN_SENT');
      if (dst) out.push(`nc -vz -w 3 ${dst.host} ${dst.port}`);
      if (dst) out.push(`route -n get ${dst.host}`);
      break;
    case 'solaris':
      out.push('netstat -an -P tcp | grep SYN_SENT');
      if (dst) out.push(`ping ${dst.host}`);
      break;
  }
  return out;
}

/** Next commands for a very high ESTABLISHED count. */
export function establishedCommands(d: Dialect, c: Culprit): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      out.push('ss -s');
      out.push(
        "ss -Htan state established | awk '{print $4}' | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | head",
      );
      out.push(
        a.pid
          ? `ls /proc/${a.pid}/fd | wc -l; grep 'open files' /proc/${a.pid}/limits`
          : 'ss -Htanp state established | grep -o \'users:(("[^"]*",pid=[0-9]*\' | sort | uniq -c | sort -rn | head',
      );
      out.push('cat /proc/sys/fs/file-nr');
      out.push(
        'cat /proc/sys/net/netfilter/nf_conntrack_count /proc/sys/net/netfilter/nf_conntrack_max',
      );
      break;
    case 'windows':
      out.push(
        'Get-NetTCPConnection -State Established | Group-Object OwningProcess | Sort-Object Count -Descending | Select-Object -First 10 Count,Name',
      );
      out.push('netsh int ipv4 show dynamicport tcp');
      break;
    case 'macos':
    case 'freebsd':
      out.push(
        "netstat -an -p tcp | awk '/ESTABLISHED/ {print $5}' | sort | uniq -c | sort -rn | head",
      );
      out.push('sysctl kern.maxfiles kern.maxfilesperproc');
      break;
    case 'solaris':
      out.push(
        "netstat -an -P tcp | awk '/ESTABLISHED/ {print $2}' | sort | uniq -c | sort -rn | head",
      );
      break;
  }
  return out;
}

/** Next commands for sockets listed as CLOSED that a process still holds. */
export function closedCommands(d: Dialect, c: Culprit): string[] {
  const a = args(c);
  const out: string[] = [];
  switch (d) {
    case 'linux':
      out.push('ss -tanp state closed');
      if (a.pid)
        out.push(
          `ls -l /proc/${a.pid}/fd | grep -c socket; grep 'open files' /proc/${a.pid}/limits`,
        );
      break;
    case 'windows':
      out.push(
        'Get-NetTCPConnection -State Closed | Group-Object OwningProcess | Sort-Object Count -Descending',
      );
      if (a.pid) out.push(`Get-Process -Id ${a.pid}`);
      break;
    case 'macos':
    case 'freebsd':
      out.push('netstat -an -p tcp | grep CLOSED');
      out.push(a.pid ? `lsof -nP -p ${a.pid} -a -iTCP` : 'lsof -nP -iTCP -sTCP:CLOSED');
      break;
    case 'solaris':
      out.push('netstat -an -P tcp | grep CLOSED');
      if (a.pid) out.push(`pfiles ${a.pid}`);
      break;
  }
  return out;
}
