import { fromLatin1, parseIpv4, parseUint } from './lineView.js';
import { SCAN_RECORD } from './scanRecord.js';
import type {
  CountSeries,
  InputFormat,
  KeyCount,
  OsFamily,
  Snapshot,
  SocketRecord,
  StateDetail,
} from './snapshot.js';
import { emptyCounts, type StateCounts, TCP_STATES, type TcpState } from './states.js';
import { SCALAR, TABLE, Tallies } from './tallies.js';

/** Limits that keep a Snapshot bounded whatever the input size. */
export interface SnapshotLimits {
  /** Distinct keys kept per dimension per state; past it new keys are not itemised and `capped` is set. */
  keysPerDimension: number;
  /** Entries kept in each top list of the Snapshot. */
  topKeys: number;
  /** Raw records kept for display. */
  sampleRecords: number;
  /** Listening ports kept. */
  listeningPorts: number;
  /** Unreadable-line reasons kept. */
  reasons: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: Readonly<SnapshotLimits> = Object.freeze({
  keysPerDimension: 4096,
  topKeys: 10,
  sampleRecords: 20,
  listeningPorts: 256,
  reasons: 5,
});

/**
 * A socket row in flat form, reused across rows so the hot path allocates nothing per row.
 * Numeric keys (`*Ip` = IPv4 as an unsigned 32-bit number, `*PortNum`) avoid building strings.
 */
export class RowScratch {
  state: TcpState = 'ESTABLISHED';
  proto = 'tcp';
  localHost: string | undefined = undefined;
  localIp = -1;
  localPort: string | undefined = undefined;
  localPortNum = -1;
  remoteHost: string | undefined = undefined;
  remoteIp = -1;
  remotePort: string | undefined = undefined;
  remotePortNum = -1;
  recvQ = -1;
  sendQ = -1;
  processKey: number | string | undefined = undefined;
  /** The process label, or where to build it from: `name (pid N)` is made only for new keys. */
  processName: string | undefined = undefined;
  processNameSource: string | Buffer | undefined = undefined;
  processNameStart = 0;
  processNameEnd = 0;
  timer: string | undefined = undefined;
  /** The display line: `lineText`, or `lineSource[lineStart, lineEnd)` (a latin1 view or the bytes). */
  lineText: string | undefined = undefined;
  lineSource: string | Buffer = '';
  lineStart = 0;
  lineEnd = 0;
  /** Text appended to the display line (the second half of a wrapped record). */
  lineSuffix: string | undefined = undefined;

  /** The process label for display. */
  processLabel(): string | undefined {
    if (this.processName !== undefined) return this.processName;
    if (this.processNameSource === undefined)
      return typeof this.processKey === 'number' ? `pid ${this.processKey}` : this.processKey;
    let name = textOf(this.processNameSource, this.processNameStart, this.processNameEnd);
    if (name.endsWith(':')) name = name.slice(0, -1);
    return `${name} (pid ${this.processKey})`;
  }

  /** The row's line for display, at most 200 characters. */
  lineLabel(): string {
    let text =
      this.lineText ??
      textOf(this.lineSource, this.lineStart, Math.min(this.lineEnd, this.lineStart + 200));
    if (this.lineSuffix !== undefined) text = `${text} / ${this.lineSuffix}`;
    return text.slice(0, 200);
  }

  /**
   * Sets one side of the row (0 local, 1 remote): an IPv4 address as a number (-1 when the
   * host is a name or IPv6, given as `host`), and the port as a number (-1 when it is a
   * service name or '*', given as `port`).
   */
  setSide(
    side: 0 | 1,
    ip: number,
    host: string | undefined,
    portNum: number,
    port: string | undefined,
  ): void {
    if (side === 0) {
      this.localIp = ip;
      this.localHost = host;
      this.localPortNum = portNum;
      this.localPort = port;
    } else {
      this.remoteIp = ip;
      this.remoteHost = host;
      this.remotePortNum = portNum;
      this.remotePort = port;
    }
  }

  reset(): void {
    this.proto = 'tcp';
    this.localHost = undefined;
    this.localIp = -1;
    this.localPort = undefined;
    this.localPortNum = -1;
    this.remoteHost = undefined;
    this.remoteIp = -1;
    this.remotePort = undefined;
    this.remotePortNum = -1;
    this.recvQ = -1;
    this.sendQ = -1;
    this.processKey = undefined;
    this.processName = undefined;
    this.processNameSource = undefined;
    this.timer = undefined;
    this.lineText = undefined;
    this.lineSuffix = undefined;
  }

  get hasAddresses(): boolean {
    return (
      this.localPortNum >= 0 ||
      this.localPort !== undefined ||
      this.remoteHost !== undefined ||
      this.remoteIp >= 0
    );
  }
}

/** Text of source[a, b), a latin1 view of UTF-8 or the UTF-8 bytes themselves. */
function textOf(source: string | Buffer, a: number, b: number): string {
  return typeof source === 'string'
    ? fromLatin1(source.slice(a, b))
    : source.toString('utf8', a, b);
}

interface Tally {
  count: number;
  recvQ: number;
  sendQ: number;
  /** Display form for numeric keys, filled when first seen. */
  label?: string;
}

/** A map of key -> tally that stops adding keys at a cap and then only notes that it was capped. */
class BoundedTally {
  readonly map = new Map<number | string, Tally>();
  capped = false;
  constructor(private readonly cap: number) {}

  /** Counts one record under `key`; returns the tally only when the key is new (so the caller can label it). */
  add(key: number | string, recvQ: number, sendQ: number): Tally | undefined {
    const t = this.map.get(key);
    if (t !== undefined) {
      t.count++;
      t.recvQ += recvQ;
      t.sendQ += sendQ;
      return undefined;
    }
    if (this.map.size >= this.cap) {
      this.capped = true;
      return undefined;
    }
    const fresh: Tally = { count: 1, recvQ, sendQ };
    this.map.set(key, fresh);
    return fresh;
  }

  top(n: number): KeyCount[] {
    const all: KeyCount[] = [];
    for (const [key, t] of this.map) {
      all.push({ key: t.label ?? String(key), count: t.count, recvQ: t.recvQ, sendQ: t.sendQ });
    }
    all.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    return all.slice(0, n);
  }
}

/**
 * Aggregates of one state's records. The numeric keys (local ports, IPv4 peers, processes)
 * and queue stats live in the shared Tallies module; names (service ports, hostnames, IPv6
 * peers), timers and process labels live here.
 */
class StateAccumulator {
  readonly localPort: BoundedTally;
  readonly remoteHost: BoundedTally;
  readonly remoteEndpoint: BoundedTally;
  readonly timers: Record<string, number> = {};
  /** Labels of process keys, set when a key is first kept. */
  readonly processLabels = new Map<number, string>();

  constructor(
    private readonly tallies: Tallies,
    private readonly si: number,
    cap: number,
  ) {
    this.localPort = new BoundedTally(cap);
    this.remoteHost = new BoundedTally(cap);
    this.remoteEndpoint = new BoundedTally(cap);
  }

  /** Folds a row with addresses; `processId` is its process key as a table key. */
  fold(r: RowScratch, processId: number | undefined): void {
    const rq = Math.max(0, r.recvQ);
    const sq = Math.max(0, r.sendQ);
    let fresh: Tally | undefined;
    if (r.localPortNum < 0 && r.localPort !== undefined) {
      fresh = this.localPort.add(`s:${r.localPort}`, rq, sq);
      if (fresh) fresh.label = r.localPort;
    }
    if (r.remoteIp < 0 && r.remoteHost !== undefined && !isWildcardHost(r.remoteHost)) {
      const host = r.remoteHost;
      fresh = this.remoteHost.add(`h:${host}`, rq, sq);
      if (fresh) fresh.label = host;
      const port = r.remotePortNum >= 0 ? String(r.remotePortNum) : r.remotePort;
      if (port !== undefined && port !== '*') {
        const label = endpointLabel(host, port);
        fresh = this.remoteEndpoint.add(`e:${label}`, rq, sq);
        if (fresh) fresh.label = label;
      }
    }
    const ip = r.remoteIp > 0 ? r.remoteIp : -1;
    const kept = this.tallies.foldRow(
      this.si,
      r.localPortNum,
      ip,
      r.remotePortNum,
      rq,
      sq,
      processId,
    );
    if (kept && processId !== undefined) this.labelProcess(processId, r);
    if (r.timer !== undefined) this.timers[r.timer] = (this.timers[r.timer] ?? 0) + 1;
  }

  /** Labels a process key first kept on row `r`. */
  labelProcess(processId: number, r: RowScratch): void {
    this.processLabels.set(processId, r.processLabel() ?? String(processId));
  }

  detail(topKeys: number): StateDetail {
    const t = this.tallies;
    const si = this.si;
    // IPv4 peers are integer-keyed: only their top entries are labelled.
    const hosts = this.remoteHost.top(topKeys);
    for (const e of t.topTable(si, TABLE.hosts, topKeys)) {
      hosts.push({ key: ipv4String(e.a >>> 0), count: e.count, recvQ: e.recvQ, sendQ: e.sendQ });
    }
    const endpoints = this.remoteEndpoint.top(topKeys);
    for (const e of t.topTable(si, TABLE.endpoints, topKeys)) {
      const key = `${ipv4String(e.a >>> 0)}:${e.b}`;
      endpoints.push({ key, count: e.count, recvQ: e.recvQ, sendQ: e.sendQ });
    }
    const ports = this.localPort.top(topKeys);
    for (const e of t.topPorts(si, topKeys)) {
      ports.push({ key: String(e.a), count: e.count, recvQ: e.recvQ, sendQ: e.sendQ });
    }
    const processes: KeyCount[] = t.topTable(si, TABLE.processes, -1).map((e) => ({
      key: this.processLabels.get(e.a) ?? String(e.a),
      count: e.count,
      recvQ: e.recvQ,
      sendQ: e.sendQ,
    }));
    hosts.sort(byCount);
    endpoints.sort(byCount);
    ports.sort(byCount);
    processes.sort(byCount);
    const scalar = (k: number): number => t.scalar(si, k);
    const distinctCapped = {
      localPort: this.localPort.capped,
      remoteHost: this.remoteHost.capped || t.tableCapped(si, TABLE.hosts),
      remoteEndpoint: this.remoteEndpoint.capped || t.tableCapped(si, TABLE.endpoints),
      process: t.tableCapped(si, TABLE.processes),
    };
    return {
      records: scalar(SCALAR.records),
      recvQ: {
        total: scalar(SCALAR.recvQTotal),
        max: scalar(SCALAR.recvQMax),
        nonZero: scalar(SCALAR.recvQNonZero),
      },
      sendQ: {
        total: scalar(SCALAR.sendQTotal),
        max: scalar(SCALAR.sendQMax),
        nonZero: scalar(SCALAR.sendQNonZero),
      },
      byLocalPort: ports.slice(0, topKeys),
      byRemoteHost: hosts.slice(0, topKeys),
      byRemoteEndpoint: endpoints.slice(0, topKeys),
      byProcess: processes.slice(0, topKeys),
      distinct: {
        localPort: this.localPort.map.size + scalar(SCALAR.distinctPorts),
        remoteHost: this.remoteHost.map.size + t.tableSize(si, TABLE.hosts),
        remoteEndpoint: this.remoteEndpoint.map.size + t.tableSize(si, TABLE.endpoints),
        process: t.tableSize(si, TABLE.processes),
      },
      localPortAtLeast: {
        1024: scalar(SCALAR.atLeast1024),
        10000: scalar(SCALAR.atLeast10000),
        32768: scalar(SCALAR.atLeast32768),
        49152: scalar(SCALAR.atLeast49152),
      },
      distinctCapped,
      capped: Object.values(distinctCapped).some(Boolean),
      timers: { ...this.timers },
    };
  }
}

function byCount(a: KeyCount, b: KeyCount): number {
  return b.count - a.count || (a.key < b.key ? -1 : 1);
}

/** Index of each state in TCP_STATES. */
const STATE_INDEX: Readonly<Record<TcpState, number>> = Object.freeze(
  Object.fromEntries(TCP_STATES.map((s, i) => [s, i])) as Record<TcpState, number>,
);
const LISTEN_INDEX = STATE_INDEX.LISTEN;

/** Dotted-quad text of an IPv4 address held as an unsigned number. */
export function ipv4String(n: number): string {
  return `${Math.floor(n / 16777216) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function endpointLabel(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function isWildcardHost(host: string): boolean {
  return host === '*' || host === '0.0.0.0' || host === '::' || host === '';
}

/**
 * Folds socket rows, summary counts and series into a bounded Snapshot. The reader feeds it
 * while streaming; tests can feed it SocketRecords directly.
 */
export class SnapshotBuilder {
  private readonly limits: SnapshotLimits;
  private readonly rowCounts = emptyCounts();
  private readonly summaryCounts = emptyCounts();
  private summarySeen = false;
  private readonly listening = new Set<string>();
  private readonly sample: SocketRecord[] = [];
  private readonly series = new Map<TcpState, CountSeries>();
  private readonly formatVotes = new Map<InputFormat, number>();
  private os: OsFamily = 'unknown';
  readonly extra: Record<string, number> = {};
  readonly lines = { total: 0, records: 0, skipped: 0, unreadable: 0 };
  readonly skippedBy: Record<string, number> = {};
  private readonly reasons: string[] = [];
  private readonly warnings = new Set<string>();
  command: string | undefined;
  private readonly scratch = new RowScratch();

  constructor(limits: Partial<SnapshotLimits> = {}) {
    this.limits = { ...DEFAULT_SNAPSHOT_LIMITS, ...limits };
    this.tallies = Tallies.acquire(this.limits.keysPerDimension);
  }

  // After `finish` the builder has handed its tallies back and must not be used again.

  /** Folds one socket row held in a RowScratch (the reader's fast path). */
  foldRow(r: RowScratch): void {
    const si = STATE_INDEX[r.state];
    this.countRow(si);
    if (si === LISTEN_INDEX) this.addListening(r.localPortNum >= 0 ? r.localPortNum : r.localPort);
    if (r.hasAddresses) {
      const pk = r.processKey;
      this.accFor(si).fold(r, pk === undefined ? undefined : this.processId(pk));
    }
    if (this.sample.length < this.limits.sampleRecords) this.sample.push(recordOf(r));
  }

  /** Whether the sample of raw records is complete (rows after it are only counted). */
  get sampleFull(): boolean {
    return this.sample.length >= this.limits.sampleRecords;
  }

  /**
   * Folds the byte scanner's row records rec[from, to) (stride apart) of `bytes`, as
   * `foldRow` would one by one; only once the sample is full, since the rows are not kept.
   * `names` is scratch for labelling processes from the records' name offsets.
   */
  foldScannedRows(
    bytes: Buffer,
    rec: Int32Array,
    from: number,
    to: number,
    stride: number,
    names: RowScratch,
  ): void {
    names.processNameSource = bytes;
    this.tallies.foldRecords(rec, from, to, stride, {
      newProcess: (si, o) => {
        names.processKey = rec[o + SCAN_RECORD.PID] as number;
        names.processNameStart = rec[o + SCAN_RECORD.NAME_START] as number;
        names.processNameEnd = rec[o + SCAN_RECORD.NAME_END] as number;
        this.accFor(si).labelProcess(names.processKey, names);
      },
      listening: (o) => this.addListening(rec[o + SCAN_RECORD.LOCAL_PORT] as number),
    });
    this.lines.records += (to - from) / stride;
  }

  /** Counts a row of state index si. */
  private countRow(si: number): void {
    this.tallies.countRow(si);
    this.lines.records++;
  }

  /** Adds a listening port (kept in order of first appearance, up to the limit). */
  private addListening(localPort: number | string | undefined): void {
    if (this.listening.size >= this.limits.listeningPorts) return;
    const port = typeof localPort === 'number' ? String(localPort) : localPort;
    if (port !== undefined && port !== '*') this.listening.add(port);
  }

  /** The tally key of a process key: a pid as itself, anything else a negative id. */
  private processId(key: number | string): number {
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key <= 0x7fffffff)
      return key;
    let id = this.processIds.get(key);
    if (id === undefined) {
      id = -1 - this.processIds.size;
      this.processIds.set(key, id);
    }
    return id;
  }
  private readonly processIds = new Map<number | string, number>();

  /** The accumulator of state index si, made on first use. */
  private accFor(si: number): StateAccumulator {
    let a = this.accByIndex[si];
    if (a === undefined) {
      a = new StateAccumulator(this.tallies, si, this.limits.keysPerDimension);
      this.accByIndex[si] = a;
    }
    return a;
  }
  private readonly tallies: Tallies;
  private readonly accByIndex: (StateAccumulator | undefined)[] = new Array(TCP_STATES.length).fill(
    undefined,
  );

  /** Folds one SocketRecord (the convenient path for tests and other producers). */
  addRecord(rec: SocketRecord): void {
    const r = this.scratch;
    r.reset();
    r.state = rec.state;
    r.proto = rec.proto;
    if (rec.local) setEndpoint(r, 0, rec.local.host, rec.local.port);
    if (rec.remote) setEndpoint(r, 1, rec.remote.host, rec.remote.port);
    r.recvQ = rec.recvQ ?? -1;
    r.sendQ = rec.sendQ ?? -1;
    if (rec.process !== undefined) {
      r.processKey = rec.process;
      r.processName = rec.process;
    }
    r.timer = rec.timer;
    r.lineText = rec.line;
    this.foldRow(r);
  }

  /** Adds a summary count (`uniq -c`, `ss -s`, a `wc -l` result). */
  addCount(state: TcpState, n: number): void {
    this.summaryCounts[state] += n;
    this.summarySeen = true;
  }

  /** Adds one value of a `wc -l` series for a state. */
  addSeriesValue(state: TcpState, value: number, at?: number): void {
    let s = this.series.get(state);
    if (s === undefined) {
      s = { state, values: [] };
      this.series.set(state, s);
    }
    s.values.push(value);
    if (at !== undefined) {
      const times = (s as CountSeries & { times?: number[] }).times ?? [];
      times.push(at);
      (s as CountSeries & { times?: number[] }).times = times;
    }
  }

  /** Sets the interval between series samples when the command says it (`sleep 60`). */
  setSeriesInterval(seconds: number): void {
    this.seriesInterval = seconds;
  }
  private seriesInterval: number | undefined;

  /** Counts a line that was skipped on purpose (kind: udp, unix, header, prompt, noise...). */
  skip(kind: string): void {
    this.lines.skipped++;
    this.skippedBy[kind] = (this.skippedBy[kind] ?? 0) + 1;
  }

  /** Counts a line that looked like data but could not be read, keeping the first reasons. */
  unreadable(reason: string): void {
    this.lines.unreadable++;
    if (this.reasons.length < this.limits.reasons) this.reasons.push(reason);
  }

  /** Records which format a line looked like; the most frequent wins. */
  vote(format: InputFormat, weight = 1): void {
    // Rows of one format come in runs: count the run, touch the map only when it changes.
    if (format === this.runFormat) {
      this.runVotes += weight;
      return;
    }
    this.flushVotes();
    this.runFormat = format;
    this.runVotes = weight;
  }
  private runFormat: InputFormat | undefined;
  private runVotes = 0;

  private flushVotes(): void {
    if (this.runFormat !== undefined) {
      this.formatVotes.set(
        this.runFormat,
        (this.formatVotes.get(this.runFormat) ?? 0) + this.runVotes,
      );
    }
    this.runFormat = undefined;
    this.runVotes = 0;
  }

  /** Sets the operating system when a line makes it plain. */
  setOs(os: OsFamily): void {
    if (this.os === 'unknown' || this.os === 'bsd') this.os = os;
  }

  /** Weak evidence of the OS (a state spelling, a command flag): used only when nothing stronger says. */
  hintOs(os: 'linux' | 'bsd' | 'windows' | undefined): void {
    if (os !== undefined && this.osHint === undefined) this.osHint = os;
  }
  private osHint: OsFamily | undefined;

  warn(message: string): void {
    this.warnings.add(message);
  }

  /** The Snapshot of everything folded so far. */
  finish(): Snapshot {
    TCP_STATES.forEach((state, i) => {
      this.rowCounts[state] = this.tallies.rows(i);
    });
    const rowTotal = sum(this.rowCounts);
    const seriesList: CountSeries[] = [];
    for (const s of this.series.values()) {
      const times = (s as CountSeries & { times?: number[] }).times;
      const out: CountSeries = { state: s.state, values: s.values };
      const interval = this.seriesInterval ?? medianGap(times);
      if (interval !== undefined && interval > 0) out.intervalSeconds = interval;
      seriesList.push(out);
    }
    // A summary (uniq -c, ss -s, wc -l) describes the whole table; rows next to it are examples.
    let counts: StateCounts;
    if (this.summarySeen) {
      counts = { ...this.summaryCounts };
      if (rowTotal > 0)
        this.warnings.add(
          'the paste has both summary counts and socket rows: counts come from the summary',
        );
    } else {
      counts = { ...this.rowCounts };
    }
    for (const s of seriesList) {
      if (!this.summarySeen && rowTotal === 0) counts[s.state] = s.values[s.values.length - 1] ?? 0;
    }
    const details: Snapshot['details'] = {};
    TCP_STATES.forEach((state, i) => {
      if (this.tallies.hasState(i)) details[state] = this.accFor(i).detail(this.limits.topKeys);
    });
    // Everything is read out of the module now: its instance goes back to the pool.
    this.tallies.release();
    if (Object.values(details).some((d) => d.capped)) {
      this.warnings.add(
        `more than ${this.limits.keysPerDimension} distinct ports, peers or processes in one state: the rest are counted but not itemised`,
      );
    }
    this.flushVotes();
    let format: InputFormat = 'unknown';
    let best = 0;
    for (const [f, v] of this.formatVotes) {
      if (v > best) {
        best = v;
        format = f;
      }
    }
    const warnings = [...this.warnings];
    if (this.lines.unreadable > 0) {
      warnings.push(
        `${this.lines.unreadable} line${this.lines.unreadable === 1 ? '' : 's'} could not be read${this.reasons[0] !== undefined ? ` (${this.reasons[0]})` : ''}`,
      );
    }
    return {
      format,
      os:
        this.os !== 'unknown'
          ? this.os
          : format !== 'unknown' && osOfFormat(format) !== 'unknown'
            ? osOfFormat(format)
            : (this.osHint ?? 'unknown'),
      counts,
      total: sum(counts),
      details,
      listeningPorts: [...this.listening],
      series: seriesList,
      sample: this.sample,
      extra: { ...this.extra },
      lines: { ...this.lines },
      skippedBy: { ...this.skippedBy },
      unreadableReasons: [...this.reasons],
      warnings,
      approximate: Object.values(details).some((d) => d.capped),
      command: this.command,
    };
  }
}

function osOfFormat(format: InputFormat): OsFamily {
  switch (format) {
    case 'netstat-linux':
    case 'ss':
    case 'ss-summary':
    case 'proc-net-tcp':
    case 'sockstat':
      return 'linux';
    case 'netstat-windows':
      return 'windows';
    case 'netstat-bsd':
      return 'bsd';
    case 'netstat-solaris':
      return 'solaris';
    default:
      return 'unknown';
  }
}

function sum(counts: StateCounts): number {
  let t = 0;
  for (const s of TCP_STATES) t += counts[s];
  return t;
}

function medianGap(times: number[] | undefined): number | undefined {
  if (!times || times.length < 2) return undefined;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const g = (times[i] as number) - (times[i - 1] as number);
    if (g > 0) gaps.push(g);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/** Sets a side of the row from a SocketRecord's endpoint text. */
function setEndpoint(r: RowScratch, side: 0 | 1, host: string, port: string): void {
  const ip = parseIpv4(host, 0, host.length);
  const num = parseUint(port, 0, port.length);
  const portNum = num >= 0 && num <= 65535 ? num : -1;
  r.setSide(side, ip, ip >= 0 ? undefined : host, portNum, portNum >= 0 ? undefined : port);
}

function recordOf(r: RowScratch): SocketRecord {
  const rec: SocketRecord = { proto: r.proto, state: r.state, line: r.lineLabel() };
  const lh = r.localIp >= 0 ? ipv4String(r.localIp) : r.localHost;
  const lp = r.localPortNum >= 0 ? String(r.localPortNum) : r.localPort;
  if (lh !== undefined || lp !== undefined) rec.local = { host: lh ?? '', port: lp ?? '' };
  const rh = r.remoteIp >= 0 ? ipv4String(r.remoteIp) : r.remoteHost;
  const rp = r.remotePortNum >= 0 ? String(r.remotePortNum) : r.remotePort;
  if (rh !== undefined || rp !== undefined) rec.remote = { host: rh ?? '', port: rp ?? '' };
  if (r.recvQ >= 0) rec.recvQ = r.recvQ;
  if (r.sendQ >= 0) rec.sendQ = r.sendQ;
  const process = r.processKey !== undefined ? r.processLabel() : undefined;
  if (process !== undefined) rec.process = process;
  if (r.timer !== undefined) rec.timer = r.timer;
  return rec;
}
