import type { Snapshot, StateDetail } from '../netstat/snapshot.js';
import type { RuleContext, StateFocus } from './context.js';
import { describeProcess, endpoint, listKeys, num, pct, plural, port } from './format.js';
import { THRESHOLDS } from './thresholds.js';

/** "14 CLOSE_WAIT (82% of 2,086 connections)" or "(the paste was filtered with `egrep CLOSE_WAIT`)". */
export function sizeClause(f: StateFocus, ctx: RuleContext, snapshot: Snapshot): string {
  const head = `${num(f.count)} ${f.state}`;
  if (f.selectedByCommand && snapshot.command) {
    return `${head} (the paste was filtered with \`${clip(snapshot.command)}\`)`;
  }
  if (!f.shareMeaningful || ctx.connections === 0) return head;
  if (f.count === ctx.connections) {
    return `${head} (every connection in the paste${snapshot.counts.LISTEN ? `, besides ${num(snapshot.counts.LISTEN)} LISTEN` : ''})`;
  }
  return `${head} (${pct(f.share)} of ${num(ctx.connections)} connections)`;
}

/** "all held by java (pid 31014); local ports :8445 ×7, :8080 ×6; peers 10.0.0.5:5432 ×9". */
export function attributionClause(
  f: StateFocus,
  include: { process?: boolean; localPort?: boolean; remote?: boolean } = {
    process: true,
    localPort: true,
    remote: true,
  },
): string | undefined {
  const d = f.detail;
  if (!d || f.records === 0) return undefined;
  const parts: string[] = [];
  if (include.process && f.topProcess) {
    const name = describeProcess(f.topProcess.key) ?? f.topProcess.key;
    parts.push(`${ofRecords(f.topProcess.count, f.records)} held by ${name}`);
  }
  if (include.localPort && d.byLocalPort.length > 0) {
    // All-different local ports are ephemeral client ports: their count says more than a list.
    parts.push(
      (d.byLocalPort[0]?.count ?? 0) > 1 || d.byLocalPort.length === 1
        ? `local ports ${listKeys(d.byLocalPort, port)}`
        : distinctPlural(d, 'localPort', 'different local port'),
    );
  }
  if (include.remote && d.byRemoteEndpoint.length > 0) {
    const shown = listKeys(d.byRemoteEndpoint, endpoint);
    const hosts = d.distinct.remoteHost;
    const oneHost =
      hosts === 1 && !d.distinctCapped?.remoteHost ? d.byRemoteHost[0]?.key : undefined;
    parts.push(
      (d.byRemoteEndpoint[0]?.count ?? 0) > 1
        ? `peers ${shown}`
        : `${distinctPlural(d, 'remoteEndpoint', 'different peer endpoint')}${
            oneHost
              ? `, all from ${oneHost}`
              : hosts > 0
                ? ` from ${distinctPlural(d, 'remoteHost', 'host')}`
                : ''
          }`,
    );
  }
  if (d.capped) parts.push('(per-key lists capped)');
  return parts.length ? parts.join('; ') : undefined;
}

/**
 * "12 different local ports", or "at least 4,096 different local ports" when the reader's
 * cap of distinct keys was hit for that dimension, so a capped figure never reads as exact.
 */
export function distinctPlural(
  d: StateDetail | undefined,
  dimension: keyof StateDetail['distinct'],
  one: string,
  many?: string,
): string {
  const n = d?.distinct[dimension] ?? 0;
  const shown = plural(n, one, many);
  return d?.distinctCapped?.[dimension] ? `at least ${shown}` : shown;
}

/** "unread Recv-Q on 9 of 11 (max 576 bytes)". */
export function queueClause(f: StateFocus, which: 'recvQ' | 'sendQ'): string | undefined {
  const d = f.detail;
  if (!d || f.records === 0) return undefined;
  const q = d[which];
  if (q.nonZero === 0) return undefined;
  const label = which === 'recvQ' ? 'unread bytes in Recv-Q' : 'unsent bytes in Send-Q';
  return `${label} on ${ofRecords(q.nonZero, f.records)} (max ${plural(q.max, 'byte')})`;
}

/** "all 14" / "9 of 11". */
export function ofRecords(n: number, records: number): string {
  return n === records
    ? records === 1
      ? 'the 1'
      : `all ${num(records)}`
    : `${num(n)} of ${num(records)}`;
}

/** Did most records of the state hold bytes in this queue? */
export function queueStuck(f: StateFocus, which: 'recvQ' | 'sendQ'): boolean {
  const share = which === 'recvQ' ? f.recvQShare : f.sendQShare;
  return f.records > 0 && share >= THRESHOLDS.focus.stuckQueueShare;
}

/**
 * The ordering weight of a finding: how much of the pasted table the state is (0-100), plus
 * `APP_DEFECT_PRIORITY` when the state is an application defect (sockets it never closes),
 * which never clears by itself and so leads over traffic-shaped states of equal severity.
 */
export function weightOf(f: StateFocus, appDefect = false): number {
  const share = f.shareMeaningful ? Math.round(f.share * 1000) / 10 : 100;
  return appDefect ? share + APP_DEFECT_PRIORITY : share;
}

/** Added to the weight of application-defect findings (CLOSE_WAIT, held FIN_WAIT_2, CLOSED). */
export const APP_DEFECT_PRIORITY = 100;

/** A kernel log line or counter the reader kept (`log:...`, `nstat:...`), 0 when absent. */
export function signal(snapshot: { extra: Record<string, number> }, ...keys: string[]): number {
  let n = 0;
  for (const k of keys) n += snapshot.extra[k] ?? 0;
  return n;
}

/** A selected view small enough to be judged on its records: a filtered paste or a table that is all this state. */
export function smallSelectedView(f: StateFocus): boolean {
  const t = THRESHOLDS.focus;
  return f.selected && f.count >= t.minRecords && f.records >= t.minRecords;
}

/**
 * The state dominates what was pasted: past the transitional count and the majority of the
 * connections, or a filtered view of that many rows concentrated on one owner, port or peer.
 */
export function dominates(f: StateFocus): boolean {
  const t = THRESHOLDS.focus;
  if (f.count < t.dominantMinCount) return false;
  if (f.dominant) return true;
  return f.selected && f.records >= t.dominantMinCount && f.concentrated !== undefined;
}

/** Timer kinds on a state's records: held by the app ("off") vs orphaned ("timewait"). */
export function timerCounts(f: StateFocus): { off: number; orphan: number; total: number } {
  const timers = f.detail?.timers ?? {};
  let off = 0;
  let orphan = 0;
  let total = 0;
  for (const [kind, n] of Object.entries(timers)) {
    const k = kind.toLowerCase();
    total += n;
    if (k.startsWith('off')) off += n;
    else if (k.startsWith('timewait') || k.startsWith('time_wait')) orphan += n;
  }
  return { off, orphan, total };
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
}

/** The evidence sentence: the clauses that apply, then the threshold that decided, joined with "; ". */
export function evidenceText(
  clauses: readonly (string | false | undefined)[],
  basis: string,
): string {
  return [...clauses.filter((c): c is string => Boolean(c)), `Threshold: ${basis}.`].join('; ');
}
