import type { OsFamily } from '../netstat/snapshot.js';

/**
 * Every number the triage rules judge with, in one frozen table. Tags follow
 * reference/triage-anchors.md: [S] published (source named), [D] derived from sourced facts.
 */
export const THRESHOLDS = Object.freeze({
  closeWait: Object.freeze({
    /** [S] catpaw tcpstate design: "<10 may be the normal transitional state of in-flight requests". */
    transitional: 10,
    /** [S] catpaw close_wait.warn_ge = 100 ("a normal application should have almost no CLOSE_WAIT"). */
    warn: 100,
    /** [S] catpaw close_wait.critical_ge = 1000 ("lots of CLOSE_WAIT implies a serious leak"). */
    critical: 1000,
  }),
  timeWait: Object.freeze({
    /** [S] catpaw time_wait.warn_ge = 5000. */
    warn: 5000,
    /** [S] catpaw time_wait.critical_ge = 20000, "close to 70% of the default port range (28232)". */
    critical: 20000,
    /**
     * [D] catpaw's 20000 is ~70% of Linux's 28,232 ports; on an OS with a smaller range the
     * critical level is 70% of that range (Windows: 11,469 of 16,384).
     */
    criticalRangeShare: 0.7,
    /**
     * [D] Below the alert levels, this many TIME_WAIT to one ip:port is worth an `ok` note
     * (a client opening a connection per request); it is the catpaw transitional bound reused.
     */
    noteToOneDestination: 10,
  }),
  portBudget: Object.freeze({
    /** [D] triage-anchors §4.3: >=50% of the ephemeral range toward one dst ip:port is a warning. */
    warnShare: 0.5,
    /** [D] triage-anchors §4.3: >=70-80% is critical; 80% taken (catpaw's 20000 is ~70% host-wide). */
    criticalShare: 0.8,
  }),
  synReceived: Object.freeze({
    /**
     * [D] ~64 on one listener = half of a 128 backlog. Since Linux 4.4 the SYN queue is bounded by
     * min(listen() backlog, somaxconn) (tcp-facts 79), and 128 is the pre-5.4 somaxconn and a common backlog.
     */
    warnPerListener: 64,
    /** [D] 128 = the pre-5.4 somaxconn default and a common listen() backlog: such a SYN queue is full. */
    criticalPerListener: 128,
    /** [D] half-open connections from this many distinct sources look like a flood or scan, not one slow client. */
    manySources: 3,
  }),
  synSent: Object.freeze({
    /** [D] triage-anchors §6: >=~20 SYN_SENT persisting toward one destination (connect() lives ~127 s, 131 s on 6.5+). */
    warnPerDestination: 20,
    /** [D] triage-anchors §6: critical when SYN_SENT are the majority of connections to that destination. */
    criticalShareOfDestination: 0.5,
  }),
  /** FIN_WAIT_1, FIN_WAIT_2, LAST_ACK, CLOSING: states the peer or the path should end within seconds. */
  peerClose: Object.freeze({
    /** [D] triage-anchors §6: "≥~50 or ≥1% of conns"; we require both so busy hosts stay quiet. */
    warn: 50,
    /** [D] triage-anchors §6: "≥~500" (FIN_WAIT_1 / LAST_ACK / CLOSING). */
    critical: 500,
    /** [D] share of connections that must also be reached (1%). */
    minShare: 0.01,
  }),
  finWait2: Object.freeze({
    /**
     * [D] FIN_WAIT_2 held by the application (timer off, not orphaned) is an fd leak like
     * CLOSE_WAIT, so it goes critical at the CLOSE_WAIT critical level. Orphaned FIN_WAIT_2 are
     * timewait mini-sockets reaped after tcp_fin_timeout (tcp-facts 42-43) and never go critical on count.
     */
    heldCritical: 1000,
  }),
  established: Object.freeze({
    /** [S] sapcc NodeHighNumberOfOpenConnections: node_netstat_Tcp_CurrEstab > 20000 for 15m. */
    warn: 20000,
    /** [S] sapcc: "The maximally possible amount is 32768 connections" (their stated ceiling). */
    critical: 32768,
  }),
  closed: Object.freeze({
    /** [D] CLOSED sockets still listed are held by a process that never close()d them: same fd-leak levels as CLOSE_WAIT (catpaw). */
    warn: 100,
    critical: 1000,
  }),
  /** How a small pasted table is judged ("a closing state that dominates the table"). */
  focus: Object.freeze({
    /** [D] one or two sockets in a closing state are in-flight closes; three alike is a pattern. */
    minRecords: 3,
    /** [D] a state that is >=90% of the connections shown is the selection the paster made. */
    exclusiveShare: 0.9,
    /** [D] a state that is the majority of connections dominates the table. */
    dominantShare: 0.5,
    /**
     * [D] a dominating closing or half-open state is a finding from this many sockets: catpaw's
     * CLOSE_WAIT transitional bound (<10 is in-flight) applied to every state that should drain.
     */
    dominantMinCount: 10,
    /** [D] >=80% of a state's records on one process / port / peer names the culprit (triage-anchors §6). */
    concentration: 0.8,
    /** [D] unread Recv-Q (or stuck Send-Q) on at least half the records means the app/peer stopped moving data. */
    stuckQueueShare: 0.5,
  }),
  growth: Object.freeze({
    /** [D] a rise smaller than this many sockets is noise between two samples. */
    minRise: 3,
    /** [D] ...and smaller than 10% of the first sample. */
    minRiseShare: 0.1,
    /** [D] three or more samples rising steadily show a trend, not a burst. */
    steadySamples: 3,
    /** [D] share of steps that must not go down for "steadily". */
    steadyStepShare: 0.75,
  }),
});

/** An OS's default ephemeral (dynamic) port range. */
export interface EphemeralRange {
  first: number;
  last: number;
  size: number;
  /** The `localPortAtLeast` bucket that best approximates `first`. */
  bucket: 1024 | 10000 | 32768 | 49152;
  source: string;
}

function range(
  first: number,
  last: number,
  bucket: EphemeralRange['bucket'],
  source: string,
): EphemeralRange {
  return Object.freeze({ first, last, size: last - first + 1, bucket, source });
}

/** Default ephemeral ranges; `unknown` OS is judged as Linux, the most common paste. */
export const EPHEMERAL_RANGES: Readonly<Record<OsFamily, EphemeralRange>> = Object.freeze({
  // [S] ip-sysctl ip_local_port_range "32768 60999" = 28,232 ports.
  linux: range(32768, 60999, 32768, 'ip_local_port_range default 32768-60999'),
  unknown: range(32768, 60999, 32768, 'Linux default 32768-60999'),
  // [S] Microsoft "Troubleshoot port exhaustion issues" / KB929851: 49152-65535 = 16,384.
  windows: range(49152, 65535, 49152, 'Windows dynamic port range 49152-65535'),
  // [S] XNU bsd/netinet/in_pcb.c: ipport_firstauto 49152 .. ipport_lastauto 65535 (tcp-facts 161).
  macos: range(49152, 65535, 49152, 'macOS net.inet.ip.portrange 49152-65535'),
  // [S] FreeBSD IPPORT_EPHEMERALFIRST 10000 -> 65535 (tcp-facts 161).
  freebsd: range(10000, 65535, 10000, 'FreeBSD net.inet.ip.portrange 10000-65535'),
  // [S] OpenBSD sys/netinet/in.h IPPORT_RESERVED 1024 .. IPPORT_USERRESERVED 49151 via
  // net.inet.ip.portfirst/portlast = 48,128 ports; 49152-65535 is only its "high" range (tcp-facts 161).
  openbsd: range(1024, 49151, 1024, 'OpenBSD net.inet.ip.portfirst/portlast 1024-49151'),
  // [U] A BSD the reader could not name: assume the IANA dynamic range (NetBSD-style).
  bsd: range(49152, 65535, 49152, 'IANA dynamic range 49152-65535 (assumed)'),
  // [S] illumos tcp.c tcp_smallest_anon_port 32768 .. tcp_largest_anon_port 65535 (tcp-facts 161).
  solaris: range(32768, 65535, 32768, 'Solaris anon ports 32768-65535'),
});

/** How long a socket stays in TIME_WAIT by default, in seconds (for churn estimates). */
export const TIME_WAIT_SECONDS: Readonly<Record<OsFamily, number>> = Object.freeze({
  // [S] TCP_TIMEWAIT_LEN (60*HZ), not tunable (tcp-facts 51).
  linux: 60,
  unknown: 60,
  // [S] TcpTimedWaitDelay default 240 s per Microsoft docs (120 s disputed, tcp-facts 105-108).
  windows: 240,
  // [S] xnu TCPTV_MSL 15 s -> 2MSL = 30 s (tcp-facts 118).
  macos: 30,
  // [S] FreeBSD TCPTV_MSL 30 s -> 60 s (tcp-facts 116).
  freebsd: 60,
  openbsd: 60,
  bsd: 60,
  // [S] Solaris 9+ tcp_time_wait_interval 60,000 ms (tcp-facts 120).
  solaris: 60,
});
