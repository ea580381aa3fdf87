import type { Snapshot } from '../netstat/snapshot.js';
import type { TcpState } from '../netstat/states.js';
import { MYTHS } from './caveats.js';
import { dialectOf, synSentCommands } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit } from './culprit.js';
import {
  attributionClause,
  dominates,
  evidenceText,
  sizeClause,
  smallSelectedView,
  weightOf,
} from './evidence.js';
import { num, pct } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

const TOWARD: TcpState[] = ['ESTABLISHED', 'TIME_WAIT', 'CLOSE_WAIT', 'FIN_WAIT_1', 'FIN_WAIT_2'];

/** SYN_SENT: connects that get no answer, so the destination is down, filtered or blackholed. */
export const SynSentRule: Rule = {
  id: 'syn-sent-pileup',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const { f, g, count } = ctx.observe('SYN_SENT');
    if (count === 0) return undefined;
    const S = THRESHOLDS.synSent;
    const dst = f.topRemoteEndpoint;
    const toDst = dst?.count ?? count;
    const bigShare = !f.shareMeaningful || f.share >= THRESHOLDS.peerClose.minShare;
    // Everything else this host has toward the same destination (or, in a summary, at all).
    const others = dst
      ? TOWARD.reduce(
          (n, s) =>
            n + (snapshot.details[s]?.byRemoteEndpoint.find((k) => k.key === dst.key)?.count ?? 0),
          0,
        )
      : ctx.connections - count;
    const pending = toDst / Math.max(1, toDst + others);

    let severity: Severity;
    let basis: string;
    if (toDst >= S.warnPerDestination && bigShare && pending >= S.criticalShareOfDestination) {
      severity = 'critical';
      basis = `≥${S.warnPerDestination} SYN_SENT and the majority (${pct(pending)}) of connections ${dst ? 'to that destination' : 'on the host'}`;
    } else if (toDst >= S.warnPerDestination && bigShare) {
      severity = 'warn';
      basis = `≥${S.warnPerDestination} SYN_SENT ${dst ? 'to one destination' : 'on the host'}`;
    } else if (g?.steady) {
      severity = 'warn';
      basis = 'SYN_SENT keeps growing across samples';
    } else if (dominates(f)) {
      severity = 'warn';
      basis = `≥${THRESHOLDS.focus.dominantMinCount} SYN_SENT dominating what was pasted`;
    } else if (smallSelectedView(f) && dst && dst.share >= THRESHOLDS.focus.concentration) {
      severity = 'warn';
      basis = 'a view of only pending connects, all to one destination';
    } else {
      return undefined;
    }

    const culprit = findCulprit(f);
    const target = culprit.remote?.key;
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        attributionClause(f),
        dst ? `${num(others)} other connections to ${target ?? dst.key}` : undefined,
        g ? describeGrowth(g) : undefined,
      ],
      basis,
    );
    return {
      id: 'syn-sent-pileup',
      severity,
      state: 'SYN_SENT',
      title: target
        ? `SYN_SENT pile-up: ${target} is not answering connection attempts`
        : `SYN_SENT pile-up: ${num(count)} connection attempts get no answer`,
      evidence,
      cause: `${culprit.process ?? 'The local client'} keeps trying to connect to ${target ?? 'its upstreams'} and gets no SYN-ACK: the destination is down, a firewall or security group drops the SYNs, or the route blackholes them (a refused port would answer with a RST instead). Each attempt waits about 127 s on Linux (tcp_syn_retries 6; about 131 s on 6.5+, where tcp_syn_linear_timeouts adds 4 one-second retries) before failing with ETIMEDOUT. A destination whose accept queue is full also drops SYNs (its ListenOverflows rises), and behind NAT an exhausted NAT port table looks the same.`,
      next: synSentCommands(dialectOf(ctx.os), culprit),
      caveats: [MYTHS.synSentNotOpen],
      kb: ['syn-sent', 'ephemeral-port-exhaustion'],
      weight: weightOf(f),
    };
  },
};
