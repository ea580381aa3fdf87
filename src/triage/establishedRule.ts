import type { Snapshot } from '../netstat/snapshot.js';
import { MYTHS } from './caveats.js';
import { dialectOf, establishedCommands } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit, sideOf } from './culprit.js';
import { attributionClause, evidenceText, sizeClause, weightOf } from './evidence.js';
import { num } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

/** Very many ESTABLISHED connections: pool growth, a leak, or fd / conntrack limits ahead. */
export const EstablishedRule: Rule = {
  id: 'established-high',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const { f, g, count } = ctx.observe('ESTABLISHED');
    const E = THRESHOLDS.established;
    let severity: Severity;
    let basis: string;
    if (count > E.critical) {
      severity = 'critical';
      basis = `>${num(E.critical)} ESTABLISHED (the ceiling sapcc's alert warns about)`;
    } else if (count > E.warn) {
      severity = 'warn';
      basis = `>${num(E.warn)} ESTABLISHED (sapcc NodeHighNumberOfOpenConnections)`;
    } else {
      return undefined;
    }
    const culprit = findCulprit(f);
    const side = sideOf(f);
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        attributionClause(f),
        g ? describeGrowth(g) : undefined,
      ],
      basis,
    );
    let cause: string;
    if (side === 'client' && culprit.remote) {
      cause = `Most of them go to ${culprit.remote.key}: a client pool that grows without bound or never reuses connections. Compare with the pool size you configured times the number of instances.`;
    } else if (side === 'server' && culprit.localPort) {
      cause = `They are clients connected to :${culprit.localPort}. Spread over many clients with empty queues this is load; check that the server's file-descriptor limit and the conntrack table have room.`;
    } else {
      cause =
        'So many open connections approach per-process file-descriptor limits (1024 / 4096 / 65535 are common), conntrack limits and memory. Find which process and which peers hold them: a pool that grows without bound is the usual leak.';
    }
    return {
      id: 'established-high',
      severity,
      state: 'ESTABLISHED',
      title: `${num(count)} ESTABLISHED connections${culprit.process ? ` (mostly ${culprit.process})` : ''}: near connection limits`,
      evidence,
      cause,
      next: establishedCommands(dialectOf(ctx.os), culprit),
      caveats: [MYTHS.currEstab],
      kb: ['established', 'keepalive-connection-pooling', 'tcp-keepalive', 'netstat-vs-ss'],
      weight: weightOf(f),
    };
  },
};
