import type { Dialect } from './commands.js';

/**
 * Popular wrong fixes, each refuted in one line (reference/tcp-facts.md section L; the numbers
 * carry their sources there).
 */
export const MYTHS = Object.freeze({
  twRecycle:
    'Do not enable net.ipv4.tcp_tw_recycle: it silently dropped connections from clients behind NAT and was removed in Linux 4.12.',
  finTimeoutNotTimeWait:
    'tcp_fin_timeout does not shorten TIME_WAIT: it only times out orphaned FIN_WAIT_2 sockets; TIME_WAIT is a fixed 60 s on Linux.',
  reuseAddr:
    'SO_REUSEADDR does not remove TIME_WAIT: it only lets a restarted server bind its port again; it frees no ports for outgoing connections.',
  maxTwBuckets:
    'Lowering tcp_max_tw_buckets is not a fix: the kernel then drops TIME_WAIT early, and its docs say never to lower the limit artificially.',
  twReuseScope:
    'tcp_tw_reuse only helps outgoing connections (this host as the client), needs TCP timestamps, and does nothing for TIME_WAIT on a server port.',
  timeWaitNormal:
    'TIME_WAIT is normal and cheap (a small timewait mini-socket, not a full socket): whichever side closes first keeps it for 2×MSL; only the port budget per destination matters.',
  windowsTimedWaitDelay:
    'Shortening TcpTimedWaitDelay (240 s by default per Microsoft) is a last resort: reusing connections removes the churn instead.',
  windowsReuseAddr:
    'On Windows, SO_REUSEADDR lets another socket hijack the port; it is not a TIME_WAIT fix (use SO_EXCLUSIVEADDRUSE for servers).',
  bsdMsl:
    'Lowering net.inet.tcp.msl shortens TIME_WAIT for every connection and weakens protection against stale segments; reuse connections instead.',
  closeWaitIsApp:
    'CLOSE_WAIT is fixed in the application, not with sysctl: the kernel has no timer for it, so tcp_fin_timeout and the TIME_WAIT knobs do not touch it.',
  closeWaitNoReboot:
    'No network restart or reboot is needed: restarting the owning process closes its sockets, unless a child process inherited the descriptors (check every entry in ss -p users:); on Linux 4.5+ `ss -K` can kill single sockets.',
  closeWaitNotPeer:
    'CLOSE_WAIT is not the peer misbehaving: the peer has already closed; it is the local process holding the socket that has not.',
  finWait2Held:
    'tcp_fin_timeout only reaps orphaned FIN_WAIT_2 (timer "timewait"); a socket the application still holds (timer off) waits forever, whatever the sysctl says.',
  finWait2NotTimeWait:
    'Lowering tcp_fin_timeout to clear FIN_WAIT_2 also drops the late FIN of slow peers (they get a RST); it never shortens TIME_WAIT.',
  finWait1NotIdle:
    'FIN_WAIT_1 is not an idle live connection: our FIN is unacknowledged, usually a dead peer or a zero receive window.',
  noLinger:
    'Forcing a RST on close (SO_LINGER 0, HAProxy "option nolinger") to avoid these states throws away data in flight; fix the peer or the path.',
  lastAckShort:
    'LAST_ACK retransmits its FIN and normally ends within seconds; shorter timers hide a lossy path or vanished peer rather than fix it.',
  synCookies:
    'SYN cookies are a fallback against floods; the kernel docs say they must not carry a legitimate load, which needs a bigger backlog and faster accept().',
  abortOnOverflow:
    'tcp_abort_on_overflow resets clients during bursts; leave it off unless the service can never catch up.',
  synSentNotOpen:
    'SYN_SENT (misspelt "SYN_SEND" in Microsoft docs) is not an open connection: nothing is established until the SYN-ACK arrives.',
  currEstab:
    '`ss -s` "estab" (Tcp CurrEstab) also counts CLOSE_WAIT on Linux 6.10+ and on the stable kernels that took commit a46d0ea5c942 in 2024 (4.19 to 6.9 series); count states from a listing.',
  closedHeld:
    'CLOSED sockets that stay listed are held open by a process (an fd leak); no TCP timer or sysctl removes them.',
});

/** The TIME_WAIT myths that apply on a dialect. */
export function timeWaitMyths(d: Dialect): string[] {
  switch (d) {
    case 'windows':
      return [MYTHS.timeWaitNormal, MYTHS.windowsTimedWaitDelay, MYTHS.windowsReuseAddr];
    case 'macos':
    case 'freebsd':
      return [MYTHS.timeWaitNormal, MYTHS.bsdMsl, MYTHS.reuseAddr];
    case 'openbsd':
    case 'solaris':
      return [MYTHS.timeWaitNormal, MYTHS.reuseAddr];
    default:
      return [
        MYTHS.timeWaitNormal,
        MYTHS.finTimeoutNotTimeWait,
        MYTHS.twRecycle,
        MYTHS.reuseAddr,
        MYTHS.maxTwBuckets,
      ];
  }
}

/** The port-exhaustion myths that apply on a dialect. */
export function portExhaustionMyths(d: Dialect): string[] {
  switch (d) {
    case 'windows':
      return [MYTHS.windowsTimedWaitDelay, MYTHS.windowsReuseAddr];
    case 'linux':
      return [MYTHS.twRecycle, MYTHS.twReuseScope, MYTHS.reuseAddr, MYTHS.finTimeoutNotTimeWait];
    default:
      return [MYTHS.reuseAddr, MYTHS.timeWaitNormal];
  }
}
