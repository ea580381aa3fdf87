import type { Snapshot } from '../netstat/snapshot.js';
import { MYTHS } from './caveats.js';
import { dialectOf, unackedFinCommands } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit, sideOf } from './culprit.js';
import {
  attributionClause,
  dominates,
  evidenceText,
  queueClause,
  queueStuck,
  signal,
  sizeClause,
  smallSelectedView,
  weightOf,
} from './evidence.js';
import { num, pct } from './format.js';
import { describeGrowth } from './growth.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, FindingId, Severity } from './verdict.js';

type UnackedState = 'FIN_WAIT_1' | 'LAST_ACK' | 'CLOSING';

const TEXT: Record<UnackedState, { what: string; cause: string; kb: string[]; caveats: string[] }> =
  {
    FIN_WAIT_1: {
      what: 'peers are not acknowledging our FIN',
      cause:
        'This host closed these connections and sent its FIN, and the peers have not acknowledged it: dead or unreachable peers, a path that drops packets, or peers advertising a zero window while Send-Q still holds data. Orphaned ones are retried up to tcp_orphan_retries times (the default 0 means 8, over 100 s) before being dropped.',
      kb: ['fin-wait-1', 'orphan-sockets', 'close-sequence'],
      caveats: [MYTHS.finWait1NotIdle, MYTHS.noLinger],
    },
    LAST_ACK: {
      what: 'peers vanished before acknowledging our FIN',
      cause:
        'The peers closed first, this side closed too, and the final ACK for our FIN never arrives: the peer disappeared (its NAT or load-balancer state expired, the client went away) or the path loses packets. LAST_ACK retransmits the FIN, so a lasting population points at the network or a vanished peer, not at this application.',
      kb: ['last-ack', 'close-sequence', 'orphan-sockets'],
      caveats: [MYTHS.lastAckShort, MYTHS.noLinger],
    },
    CLOSING: {
      what: 'simultaneous closes are losing their final ACKs',
      cause:
        'Both ends sent a FIN at the same moment (often matching idle timeouts on both sides) and the acknowledgements are being lost. CLOSING is normally rare and brief; a visible population means loss on the path.',
      kb: ['closing', 'close-sequence'],
      caveats: [MYTHS.noLinger],
    },
  };

/**
 * FIN_WAIT_1, LAST_ACK and CLOSING share one judgement: a FIN this host sent is not
 * acknowledged, so the peer or the path is at fault.
 */
export function evaluateUnackedFin(
  id: FindingId,
  state: UnackedState,
  snapshot: Snapshot,
  ctx: RuleContext,
): Finding | undefined {
  const { f, g, count } = ctx.observe(state);
  if (count === 0) return undefined;
  const P = THRESHOLDS.peerClose;
  const bigShare = !f.shareMeaningful || f.share >= P.minShare;
  const stuckSend = queueStuck(f, 'sendQ');
  const onePeer =
    (f.topRemoteEndpoint?.share ?? 0) >= THRESHOLDS.focus.concentration ||
    (f.topRemoteHost?.share ?? 0) >= THRESHOLDS.focus.concentration;

  const orphansLogged = signal(snapshot, 'log:too-many-orphans') > 0;
  let severity: Severity;
  let basis: string;
  if (count >= P.critical && bigShare) {
    severity = 'critical';
    basis = `≥${num(P.critical)} ${state} and ≥${pct(P.minShare)} of connections`;
  } else if (count >= P.warn && bigShare && onePeer && stuckSend) {
    severity = 'critical';
    basis = `≥${P.warn} ${state} on one peer with Send-Q stuck`;
  } else if (count >= P.warn && bigShare) {
    severity = 'warn';
    basis = `≥${P.warn} ${state} and ≥${pct(P.minShare)} of connections`;
  } else if (orphansLogged) {
    severity = 'warn';
    basis = 'the kernel logged "too many orphaned sockets"';
  } else if (g?.steady) {
    severity = 'warn';
    basis = `${state} keeps growing across samples`;
  } else if (dominates(f)) {
    severity = 'warn';
    basis = `≥${THRESHOLDS.focus.dominantMinCount} ${state} dominating what was pasted`;
  } else if (smallSelectedView(f) && (f.concentrated || stuckSend)) {
    severity = 'warn';
    basis = `a view of only ${state} sockets, ${stuckSend ? 'with Send-Q stuck' : 'on one peer or owner'}`;
  } else {
    return undefined;
  }

  const culprit = findCulprit(f);
  const side = sideOf(f);
  const peer = culprit.remote?.key ?? culprit.remoteHost;
  const t = TEXT[state];
  const evidence = evidenceText(
    [
      sizeClause({ ...f, count }, ctx, snapshot),
      attributionClause(f),
      queueClause(f, 'sendQ'),
      g ? describeGrowth(g) : undefined,
    ],
    basis,
  );
  return {
    id,
    severity,
    state,
    title: `${state} pile-up: ${peer ? `${peer}: ` : ''}${t.what}`,
    evidence,
    cause: peer ? `${t.cause} They concentrate on ${peer}: start with the path to it.` : t.cause,
    next: unackedFinCommands(dialectOf(ctx.os), state, culprit, side),
    caveats: t.caveats,
    kb: t.kb,
    weight: weightOf(f),
  };
}
