import type {
  KeyCount,
  OsFamily,
  Snapshot,
  SocketRecord,
  StateDetail,
} from '../netstat/snapshot.js';
import type { TcpState } from '../netstat/states.js';
import { describeProcess } from './format.js';
import { type Growth, growthOf } from './growth.js';
import {
  EPHEMERAL_RANGES,
  type EphemeralRange,
  THRESHOLDS,
  TIME_WAIT_SECONDS,
} from './thresholds.js';

/** Options of `triage()`. */
export interface TriageOptions {
  /** The previous snapshot of the same host, to judge growth between two pastes. */
  previous?: Snapshot;
  /** The ephemeral port range in force on the host (a live sample), instead of the OS default. */
  range?: EphemeralRange;
}

/** Which dimension of a state's records names the culprit. */
export type Dimension = 'process' | 'localPort' | 'remoteEndpoint' | 'remoteHost';

/** One key that holds a share of a state's records. */
export interface Concentration {
  dimension: Dimension;
  key: string;
  count: number;
  /** Of the state's records with addresses. */
  share: number;
  recvQ: number;
  sendQ: number;
}

/** What the paste says about one state: size, share, selection, attribution and queues. */
export interface StateFocus {
  state: TcpState;
  count: number;
  /** count / connections (LISTEN excluded); 0 when there are no connections. */
  share: number;
  /** False when the input could only ever show this state (a `grep STATE | wc -l`, a filtered command). */
  shareMeaningful: boolean;
  /** The command line in the paste filters for this state (`grep CLOSE_WAIT`, `state close-wait`). */
  selectedByCommand: boolean;
  /** The state is (nearly) all the connections shown. */
  exclusive: boolean;
  /** The state is the majority of the connections shown. */
  dominant: boolean;
  /** The paste is a view of this state: selected by command, or exclusive. */
  selected: boolean;
  detail?: StateDetail;
  /** Records with addresses folded into `detail`. */
  records: number;
  topProcess?: Concentration;
  topLocalPort?: Concentration;
  topRemoteEndpoint?: Concentration;
  topRemoteHost?: Concentration;
  /** The first of process, local port, remote endpoint that holds >= the concentration share. */
  concentrated?: Concentration;
  /** Share of records with a non-zero Recv-Q / Send-Q. */
  recvQShare: number;
  sendQShare: number;
  /** Share of records whose local port is in the OS's ephemeral range. */
  localEphemeralShare: number;
  /** True when this host is the server side of these sockets; undefined without records. */
  serverSide?: boolean;
  /** Sample records of this state (bounded, for timers and source ports). */
  samples: SocketRecord[];
}

/** Everything a rule needs beyond the snapshot itself. */
export interface RuleContext {
  os: OsFamily;
  range: EphemeralRange;
  timeWaitSeconds: number;
  /** Total sockets that are connections (LISTEN excluded). */
  connections: number;
  options: TriageOptions;
  focus(state: TcpState): StateFocus;
  growth(state: TcpState): Growth | undefined;
  /** A state's focus and growth, and its count: the table's, or the series' last value if larger. */
  observe(state: TcpState): { f: StateFocus; g: Growth | undefined; count: number };
}

/** Build the rule context for one snapshot. */
export function createContext(snapshot: Snapshot, options: TriageOptions = {}): RuleContext {
  const os = snapshot.os;
  const range = options.range ?? EPHEMERAL_RANGES[os] ?? EPHEMERAL_RANGES.linux;
  // Connections exclude listeners; `ss -s` "closed" is allocation arithmetic, not connections.
  const notConnections =
    snapshot.counts.LISTEN + (snapshot.format === 'ss-summary' ? snapshot.counts.CLOSED : 0);
  const connections = Math.max(0, snapshot.total - notConnections);
  const focusCache = new Map<TcpState, StateFocus>();
  const growthCache = new Map<TcpState, Growth | undefined>();
  return {
    os,
    range,
    timeWaitSeconds: TIME_WAIT_SECONDS[os] ?? 60,
    connections,
    options,
    focus(state) {
      let f = focusCache.get(state);
      if (!f) {
        f = analyseFocus(snapshot, state, connections, range);
        focusCache.set(state, f);
      }
      return f;
    },
    growth(state) {
      if (!growthCache.has(state))
        growthCache.set(state, growthOf(snapshot, state, options.previous));
      return growthCache.get(state);
    },
    observe(state) {
      const f = this.focus(state);
      const g = this.growth(state);
      return { f, g, count: Math.max(f.count, g?.last ?? 0) };
    },
  };
}

/** Spellings of each state a command line may filter on, normalised to upper case with `_`. */
const COMMAND_SPELLINGS: Record<TcpState, RegExp> = {
  LISTEN: /\bLISTEN(?:ING)?\b/,
  SYN_SENT: /\bSYN_SEN[TD]\b/,
  SYN_RECEIVED: /\bSYN_(?:RECV|RCVD|RECEIVED)\b/,
  ESTABLISHED: /\bESTAB(?:LISHED)?\b/,
  FIN_WAIT_1: /\bFIN_?WAIT_?1\b/,
  FIN_WAIT_2: /\bFIN_?WAIT_?2\b/,
  CLOSE_WAIT: /\bCLOSE_?WAIT\b/,
  CLOSING: /\bCLOSING\b/,
  LAST_ACK: /\bLAST_?ACK\b/,
  TIME_WAIT: /\bTIMED?_?WAIT\b/,
  CLOSED: /\bCLOSED\b/,
};

/** True when the pasted command line filters the listing down to `state`. */
export function commandSelects(command: string | undefined, state: TcpState): boolean {
  if (!command) return false;
  for (const segment of command.slice(0, 500).split('|')) {
    // `grep -v STATE` removes the state instead of selecting it.
    if (/(?:^|\s)-[A-Za-z]*v/.test(segment)) continue;
    if (COMMAND_SPELLINGS[state].test(segment.toUpperCase().replace(/-/g, '_'))) return true;
  }
  return false;
}

function top(
  keys: KeyCount[] | undefined,
  dimension: Dimension,
  records: number,
): Concentration | undefined {
  if (!keys || records === 0) return undefined;
  // A process column of "-" names nobody; skip it so it never becomes the culprit.
  const k = keys.find((x) => dimension !== 'process' || describeProcess(x.key) !== undefined);
  if (!k) return undefined;
  return {
    dimension,
    key: k.key,
    count: k.count,
    share: k.count / records,
    recvQ: k.recvQ,
    sendQ: k.sendQ,
  };
}

function analyseFocus(
  snapshot: Snapshot,
  state: TcpState,
  connections: number,
  range: EphemeralRange,
): StateFocus {
  const t = THRESHOLDS.focus;
  const count = snapshot.counts[state];
  const selectedByCommand = commandSelects(snapshot.command, state);
  const onlyThisStateCounted = snapshot.format === 'wc-count';
  const shareMeaningful = !selectedByCommand && !onlyThisStateCounted;
  const share = connections > 0 ? count / connections : 0;
  const exclusive = shareMeaningful && count > 0 && share >= t.exclusiveShare;
  const dominant = shareMeaningful && count > 0 && share >= t.dominantShare;
  const detail = snapshot.details[state];
  const records = detail?.records ?? 0;
  const topProcess = top(detail?.byProcess, 'process', records);
  const topLocalPort = top(detail?.byLocalPort, 'localPort', records);
  const topRemoteEndpoint = top(detail?.byRemoteEndpoint, 'remoteEndpoint', records);
  const topRemoteHost = top(detail?.byRemoteHost, 'remoteHost', records);
  const concentrated = [topProcess, topLocalPort, topRemoteEndpoint].find(
    (c) => c !== undefined && c.share >= t.concentration,
  );
  const localEphemeral = detail ? detail.localPortAtLeast[range.bucket] : 0;
  const localEphemeralShare = records > 0 ? localEphemeral / records : 0;
  let serverSide: boolean | undefined;
  if (records > 0) {
    const listening = topLocalPort && snapshot.listeningPorts.includes(topLocalPort.key);
    serverSide = listening ? true : localEphemeralShare < 0.5;
  }
  return {
    state,
    count,
    share,
    shareMeaningful,
    selectedByCommand,
    exclusive,
    dominant,
    selected: selectedByCommand || exclusive,
    detail,
    records,
    topProcess,
    topLocalPort,
    topRemoteEndpoint,
    topRemoteHost,
    concentrated,
    recvQShare: records > 0 && detail ? detail.recvQ.nonZero / records : 0,
    sendQShare: records > 0 && detail ? detail.sendQ.nonZero / records : 0,
    localEphemeralShare,
    serverSide,
    samples: snapshot.sample.filter((r) => r.state === state),
  };
}
