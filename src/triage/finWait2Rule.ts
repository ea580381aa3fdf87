import type { Snapshot } from '../netstat/snapshot.js';
import { MYTHS } from './caveats.js';
import { dialectOf, finWait2Commands } from './commands.js';
import type { RuleContext, StateFocus } from './context.js';
import { findCulprit, sideOf, who } from './culprit.js';
import {
  attributionClause,
  dominates,
  evidenceText,
  ofRecords,
  signal,
  sizeClause,
  smallSelectedView,
  timerCounts,
  weightOf,
} from './evidence.js';
import { num, pct } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

/** Is the FIN_WAIT_2 population still owned by the application (not orphaned)? */
function heldByApp(f: StateFocus): { held: boolean; why?: string } {
  const t = timerCounts(f);
  if (t.total > 0 && t.off / t.total >= 0.5) {
    return { held: true, why: `timer off on ${ofRecords(t.off, t.total)} (not orphaned)` };
  }
  if (t.total > 0 && t.orphan / t.total >= 0.5) return { held: false };
  // Orphaned sockets have no owner; a process column that names one means the app still holds them.
  if (f.topProcess && f.topProcess.share >= THRESHOLDS.focus.concentration) {
    return { held: true, why: 'a process still owns them (orphans show no process)' };
  }
  return { held: false };
}

/** Most records carry the orphan countdown ("timewait" timer): tcp_fin_timeout is reaping them. */
function orphaned(f: StateFocus): boolean {
  const t = timerCounts(f);
  return t.total > 0 && t.orphan / t.total >= 0.5;
}

/** FIN_WAIT_2: we closed, the peer acknowledged but never sent its own FIN. */
export const FinWait2Rule: Rule = {
  id: 'fin-wait-2-pileup',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const { f, g, count } = ctx.observe('FIN_WAIT_2');
    if (count === 0) return undefined;
    const P = THRESHOLDS.peerClose;
    const { held, why } = heldByApp(f);
    const bigShare = !f.shareMeaningful || f.share >= P.minShare;

    let severity: Severity;
    let basis: string;
    if (held && count >= THRESHOLDS.finWait2.heldCritical) {
      severity = 'critical';
      basis = `≥${num(THRESHOLDS.finWait2.heldCritical)} FIN_WAIT_2 still held by the application (an fd leak, like CLOSE_WAIT)`;
    } else if (g?.steady && !(!held && timerCounts(f).orphan > 0)) {
      severity = 'critical';
      basis = 'FIN_WAIT_2 keeps growing across samples';
    } else if (count >= P.warn && bigShare) {
      severity = 'warn';
      basis = `≥${P.warn} FIN_WAIT_2 and ≥${pct(P.minShare)} of connections`;
    } else if (signal(snapshot, 'log:too-many-orphans') > 0) {
      severity = 'warn';
      basis = 'the kernel logged "too many orphaned sockets"';
    } else if (g?.growing) {
      severity = 'warn';
      basis = 'FIN_WAIT_2 rising between samples';
    } else if (dominates(f) && !orphaned(f)) {
      severity = 'warn';
      basis = `≥${THRESHOLDS.focus.dominantMinCount} FIN_WAIT_2 dominating what was pasted`;
    } else if (smallSelectedView(f) && f.concentrated && held) {
      severity = 'warn';
      basis = 'a view of only FIN_WAIT_2 sockets, on one owner, that no timer will reap';
    } else {
      return undefined;
    }

    const culprit = findCulprit(f);
    const side = sideOf(f);
    const owner = who(culprit, side);
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        attributionClause(f),
        why,
        g ? describeGrowth(g) : undefined,
        snapshot.extra.orphaned !== undefined
          ? `${num(snapshot.extra.orphaned)} orphaned sockets (ss -s)`
          : undefined,
      ],
      basis,
    );

    let title: string;
    let cause: string;
    if (held) {
      title = `FIN_WAIT_2 pile-up: ${owner} half-closed connections and never finishes closing them`;
      cause = `${owner.startsWith('the ') ? `T${owner.slice(1)}` : owner} shut down its sending side (shutdown()/end()) and still holds the sockets, waiting for a FIN its peers never send. Because the sockets are not orphaned, tcp_fin_timeout never applies and they stay forever, each holding a file descriptor. The application must close() half-closed sockets itself after a timeout (or destroy them instead of end()).`;
    } else if (side === 'server' && culprit.localPort) {
      title = `FIN_WAIT_2 pile-up on :${culprit.localPort}: clients do not close their side`;
      cause = `This server closed connections on :${culprit.localPort} (often idle keep-alive timeouts) and the clients acknowledged but never closed their side. Orphaned FIN_WAIT_2 sockets are reaped after tcp_fin_timeout (60 s by default) and cost little: with a timeout of 60 s or less Linux keeps them as timewait mini-sockets, counted in sockstat "tw" and against tcp_max_tw_buckets, not as orphans.`;
    } else if (side === 'client' && culprit.remote) {
      title = `FIN_WAIT_2 pile-up: ${culprit.remote.key} never closes its side`;
      cause = `This host closed its connections to ${culprit.remote.key}, which acknowledged but never sent its own FIN: the upstream keeps half-open connections. Orphans are reaped after tcp_fin_timeout; sockets the application still holds are not.`;
    } else {
      title = `FIN_WAIT_2 pile-up: ${num(count)} connections waiting for the peer's FIN`;
      cause = `This host closed ${num(count)} connections and the peers acknowledged but have not closed their side. Orphaned ones are reaped after tcp_fin_timeout (60 s by default; at 60 s or less they are timewait mini-sockets, as cheap as TIME_WAIT and counted with it), but many at once means peers that do not close back, typically clients kept idle past the server's keep-alive timeout. If a process still holds them (ss -o shows no timer), the application half-closed and must close() them.`;
    }

    return {
      id: 'fin-wait-2-pileup',
      severity,
      state: 'FIN_WAIT_2',
      title,
      evidence,
      cause,
      next: finWait2Commands(dialectOf(ctx.os), culprit, side),
      caveats: [MYTHS.finWait2Held, MYTHS.finWait2NotTimeWait],
      kb: ['fin-wait-2', 'half-close-shutdown', 'tcp-fin-timeout', 'orphan-sockets'],
      weight: weightOf(f, held),
    };
  },
};
