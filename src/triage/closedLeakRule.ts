import type { Snapshot } from '../netstat/snapshot.js';
import { MYTHS } from './caveats.js';
import { closedCommands, dialectOf } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit } from './culprit.js';
import {
  attributionClause,
  evidenceText,
  sizeClause,
  smallSelectedView,
  weightOf,
} from './evidence.js';
import { num } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

/** CLOSED sockets still listed: a process holds descriptors of connections that are over. */
export const ClosedLeakRule: Rule = {
  id: 'closed-leak',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    // `ss -s` "closed" is allocation arithmetic (sockets not in the hash tables), not a listing
    // of CLOSED connections, so it says nothing about a leak.
    if (snapshot.format === 'ss-summary') return undefined;
    const { f, g, count } = ctx.observe('CLOSED');
    if (count === 0) return undefined;
    const C = THRESHOLDS.closed;
    let severity: Severity;
    let basis: string;
    if (count >= C.critical) {
      severity = 'critical';
      basis = `≥${num(C.critical)} CLOSED sockets (fd-leak level, as for CLOSE_WAIT)`;
    } else if (count >= C.warn) {
      severity = 'warn';
      basis = `≥${num(C.warn)} CLOSED sockets`;
    } else if (g?.steady) {
      severity = 'warn';
      basis = 'CLOSED sockets keep growing across samples';
    } else if (
      smallSelectedView(f) &&
      (f.topProcess?.share ?? 0) >= THRESHOLDS.focus.concentration
    ) {
      severity = 'warn';
      basis = 'a view of only CLOSED sockets, all held by one process';
    } else {
      return undefined;
    }
    const culprit = findCulprit(f);
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        attributionClause(f),
        g ? describeGrowth(g) : undefined,
      ],
      basis,
    );
    return {
      id: 'closed-leak',
      severity,
      state: 'CLOSED',
      title: `CLOSED sockets piling up${culprit.process ? `: ${culprit.process} keeps dead sockets open` : ''}`,
      evidence,
      cause: `${culprit.process ?? 'A local process'} holds sockets whose connections are already over (reset, timed out, or never connected) without closing them: a descriptor leak, usually on an error path that skips close(). They disappear only when the process closes them or exits.`,
      next: closedCommands(dialectOf(ctx.os), culprit),
      caveats: [MYTHS.closedHeld],
      kb: ['closed', 'rst-abort', 'close-wait-leak-fix'],
      weight: weightOf(f, true),
    };
  },
};
