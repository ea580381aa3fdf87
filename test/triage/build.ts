import type { InputFormat, OsFamily, Snapshot, SocketRecord } from '../../src/netstat/snapshot.js';
import { SnapshotBuilder } from '../../src/netstat/snapshotBuilder.js';
import type { TcpState } from '../../src/netstat/states.js';

/** Options of one socket row in a test table. */
export interface RowOptions {
  recvQ?: number;
  sendQ?: number;
  process?: string;
  timer?: string;
}

function ep(s: string): { host: string; port: string } {
  const i = s.lastIndexOf(':');
  return { host: s.slice(0, i), port: s.slice(i + 1) };
}

/** A socket row: `row('CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9:51000', { recvQ: 1 })`. */
export function row(
  state: TcpState,
  local: string,
  remote: string,
  opts: RowOptions = {},
): SocketRecord {
  return {
    proto: 'tcp',
    state,
    local: ep(local),
    remote: ep(remote),
    recvQ: opts.recvQ ?? 0,
    sendQ: opts.sendQ ?? 0,
    process: opts.process,
    timer: opts.timer,
    line: `tcp ${local} ${remote} ${state}`,
  };
}

/** `n` rows of one state from distinct client ports (server side) toward `local`. */
export function inbound(
  n: number,
  state: TcpState,
  local: string,
  clientHost = '10.0.0.9',
  opts: RowOptions = {},
): SocketRecord[] {
  return Array.from({ length: n }, (_, i) =>
    row(state, local, `${clientHost}:${40000 + (i % 20000)}`, opts),
  );
}

/** `n` rows of one state from this host's ephemeral ports toward `remote` (client side). */
export function outbound(
  n: number,
  state: TcpState,
  remote: string,
  localHost = '10.0.0.1',
  opts: RowOptions = {},
  firstPort = 32768,
): SocketRecord[] {
  return Array.from({ length: n }, (_, i) =>
    row(state, `${localHost}:${firstPort + (i % 28000)}`, remote, opts),
  );
}

/** What a test table is made of. */
export interface TableSpec {
  rows?: SocketRecord[];
  counts?: Partial<Record<TcpState, number>>;
  series?: { state: TcpState; values: number[]; intervalSeconds?: number };
  format?: InputFormat;
  os?: OsFamily;
  command?: string;
  warnings?: string[];
  /** Kernel signals the reader keeps (`log:time-wait-bucket-overflow`, `nstat:ListenOverflows`). */
  extra?: Record<string, number>;
}

/** Build a Snapshot through the real SnapshotBuilder, then set the format/os/command a reader would. */
export function table(spec: TableSpec): Snapshot {
  const b = new SnapshotBuilder();
  for (const r of spec.rows ?? []) b.addRecord(r);
  for (const [state, n] of Object.entries(spec.counts ?? {})) b.addCount(state as TcpState, n);
  if (spec.series) {
    for (const v of spec.series.values) b.addSeriesValue(spec.series.state, v);
    if (spec.series.intervalSeconds) b.setSeriesInterval(spec.series.intervalSeconds);
  }
  for (const w of spec.warnings ?? []) b.warn(w);
  Object.assign(b.extra, spec.extra ?? {});
  b.command = spec.command;
  const s = b.finish();
  const format: InputFormat =
    spec.format ?? (spec.series ? 'wc-count' : spec.rows?.length ? 'netstat-linux' : 'uniq-count');
  return { ...s, format, os: spec.os ?? 'linux' };
}

/** A summary table (uniq -c style) from counts. */
export function summary(
  counts: Partial<Record<TcpState, number>>,
  os: OsFamily = 'linux',
): Snapshot {
  return table({ counts, os, format: 'uniq-count' });
}
