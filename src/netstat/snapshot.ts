import type { StateCounts, TcpState } from './states.js';

/** Input formats the reader recognises (the `format` field of `triage --json`). */
export type InputFormat =
  | 'uniq-count' // `sort | uniq -c`: count then state
  | 'state-count' // awk summaries: state then count
  | 'netstat-linux'
  | 'netstat-windows'
  | 'netstat-bsd' // macOS, FreeBSD, OpenBSD
  | 'netstat-solaris'
  | 'ss'
  | 'ss-summary' // `ss -s`
  | 'proc-net-tcp'
  | 'wc-count' // `grep STATE | wc -l` numbers, single or a series
  | 'lsof' // `lsof -i` rows
  | 'sockstat' // /proc/net/sockstat
  | 'unknown';

export type OsFamily =
  | 'linux'
  | 'windows'
  | 'macos'
  | 'freebsd'
  | 'openbsd'
  | 'bsd'
  | 'solaris'
  | 'unknown';

/** One side of a socket: host as printed (IPv6 without brackets, zone stripped) and port (number, service name or '*'). */
export interface Endpoint {
  host: string;
  port: string;
}

/** One socket record as the input printed it. */
export interface SocketRecord {
  proto: string;
  state: TcpState;
  local?: Endpoint;
  remote?: Endpoint;
  recvQ?: number;
  sendQ?: number;
  /** "31014/java", "sshd (pid 812)", a Windows PID "4". */
  process?: string;
  timer?: string;
  /** The line, trimmed of chat damage, at most 200 characters. */
  line: string;
}

/** One key and how many records share it, with their queue bytes. */
export interface KeyCount {
  key: string;
  count: number;
  recvQ: number;
  sendQ: number;
}

/** Queue statistics for a set of records. */
export interface QueueStats {
  total: number;
  max: number;
  /** Records with a non-zero queue. */
  nonZero: number;
}

/** What the records of one state say, folded into bounded aggregates. */
export interface StateDetail {
  /** Records with addresses that were folded here (can be fewer than the state's count). */
  records: number;
  recvQ: QueueStats;
  sendQ: QueueStats;
  /** Top keys, most frequent first (at most `TOP_KEYS`). */
  byLocalPort: KeyCount[];
  byRemoteHost: KeyCount[];
  byRemoteEndpoint: KeyCount[];
  byProcess: KeyCount[];
  /** Distinct keys seen per dimension (a lower bound where `distinctCapped` says so). */
  distinct: { localPort: number; remoteHost: number; remoteEndpoint: number; process: number };
  /** Dimensions whose distinct count hit the cap: the figure is a lower bound ("at least"). Absent: exact. */
  distinctCapped?: Partial<Record<keyof StateDetail['distinct'], boolean>>;
  /** Records whose local port is numeric and at or above each bound (ephemeral-range tests). */
  localPortAtLeast: { 1024: number; 10000: number; 32768: number; 49152: number };
  /** A dimension hit its cap of distinct keys; later new keys count toward the state but are not itemised. */
  capped: boolean;
  /** Timer kinds seen on the records (netstat -o / ss -o): { off: 4, timewait: 2, on: 1 }. */
  timers: Record<string, number>;
}

/** A series of counts from repeated `wc -l` runs, oldest first. */
export interface CountSeries {
  state: TcpState;
  values: number[];
  /** Seconds between samples when the paste says (from `sleep N` or timestamps). */
  intervalSeconds?: number;
}

/** Everything the reader learnt from one input. */
export interface Snapshot {
  format: InputFormat;
  os: OsFamily;
  counts: StateCounts;
  /** Sum of counts. */
  total: number;
  /** Per-state aggregates, only for states that had socket records with addresses. */
  details: Partial<Record<TcpState, StateDetail>>;
  /** Local ports that are in LISTEN in this input (bounded). */
  listeningPorts: string[];
  series: CountSeries[];
  /** A few raw records for display. */
  sample: SocketRecord[];
  /** Extra figures some formats carry (e.g. `ss -s` orphaned). */
  extra: Record<string, number>;
  lines: { total: number; records: number; skipped: number; unreadable: number };
  /** Why lines were skipped, by kind: { udp: 2, unix: 14, header: 3, prompt: 1 }. */
  skippedBy: Record<string, number>;
  /** The first few reasons lines could not be read. */
  unreadableReasons: string[];
  /** Some figure hit an internal cap (distinct keys per state) and is a lower bound. */
  approximate?: boolean;
  /** Human-readable notes (caps hit, header artefacts dropped, ...). */
  warnings: string[];
  /** The shell command line found in the paste, if any. */
  command?: string;
}
