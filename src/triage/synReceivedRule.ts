import type { Snapshot, SocketRecord } from '../netstat/snapshot.js';
import { MYTHS } from './caveats.js';
import { dialectOf, synReceivedCommands } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit } from './culprit.js';
import {
  distinctPlural,
  dominates,
  evidenceText,
  ofRecords,
  signal,
  sizeClause,
  smallSelectedView,
  weightOf,
} from './evidence.js';
import { num } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

/** Source ports that arrive from more than one address (a spoofing tell), from sample rows. */
function reusedSourcePorts(samples: SocketRecord[]): string[] {
  const hostsByPort = new Map<string, Set<string>>();
  for (const r of samples) {
    if (!r.remote?.port || !r.remote.host) continue;
    let hosts = hostsByPort.get(r.remote.port);
    if (!hosts) {
      hosts = new Set();
      hostsByPort.set(r.remote.port, hosts);
    }
    hosts.add(r.remote.host);
  }
  return [...hostsByPort.entries()].filter(([, h]) => h.size > 1).map(([p]) => p);
}

/** SYN_RECEIVED: half-open connections on a listener, a SYN flood or a backlog/accept() problem. */
export const SynReceivedRule: Rule = {
  id: 'syn-received-flood',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const { f, g, count } = ctx.observe('SYN_RECEIVED');
    if (count === 0) return undefined;
    const S = THRESHOLDS.synReceived;
    const listener = f.topLocalPort;
    const perListener = listener?.count ?? count;
    const floodLogged = signal(snapshot, 'log:syn-flooding') > 0;

    let severity: Severity;
    let basis: string;
    if (perListener >= S.criticalPerListener) {
      severity = 'critical';
      basis = `≥${S.criticalPerListener} half-open connections on ${listener ? 'one listener' : 'the host'} (a default-sized SYN backlog is full)`;
    } else if (perListener >= S.warnPerListener) {
      severity = 'warn';
      basis = `≥${S.warnPerListener} half-open connections on ${listener ? 'one listener' : 'the host'} (half of the 128 minimum backlog)`;
    } else if (floodLogged) {
      severity = 'warn';
      basis = 'the kernel logged "Possible SYN flooding"';
    } else if (g?.steady) {
      severity = 'warn';
      basis = 'SYN_RECEIVED keeps growing across samples';
    } else if (dominates(f)) {
      severity = 'warn';
      basis = `≥${THRESHOLDS.focus.dominantMinCount} half-open connections dominating what was pasted`;
    } else if (
      smallSelectedView(f) &&
      listener &&
      listener.share >= THRESHOLDS.focus.concentration
    ) {
      severity = 'warn';
      basis = 'a view of only half-open connections, all on one listener';
    } else {
      return undefined;
    }

    const culprit = findCulprit(f);
    const port = listener?.key;
    const sources = f.detail?.distinct.remoteHost ?? 0;
    const reused = reusedSourcePorts(f.samples);
    const acceptQueue = port
      ? snapshot.details.LISTEN?.byLocalPort.find((k) => k.key === port)?.recvQ
      : undefined;
    const many = sources >= S.manySources;
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        listener ? `${ofRecords(listener.count, f.records)} on :${listener.key}` : undefined,
        f.records > 0
          ? `from ${distinctPlural(f.detail, 'remoteHost', 'different source address', 'different source addresses')}`
          : undefined,
        reused.length > 0
          ? `the same source ports (${reused.slice(0, 3).join(', ')}) arrive from different addresses`
          : undefined,
        acceptQueue ? `the listener's accept queue holds ${num(acceptQueue)}` : undefined,
        floodLogged ? 'the kernel logged "Possible SYN flooding on port …"' : undefined,
        snapshot.extra['nstat:ListenOverflows'] !== undefined
          ? `ListenOverflows ${num(snapshot.extra['nstat:ListenOverflows'])} since boot`
          : undefined,
        g ? describeGrowth(g) : undefined,
      ],
      basis,
    );

    const on = port ? ` on :${port}` : '';
    let title: string;
    let cause: string;
    if (f.records > 0 && !many) {
      title = `SYN_RECEIVED pile-up${on}: handshakes from a few clients are not completing`;
      cause = `Half-open connections from a few addresses${on} mean their final ACK is not arriving or the application is not accept()ing fast enough: compare the listener's Recv-Q with its backlog (Send-Q) and watch ListenOverflows. A too-small backlog (somaxconn, the listen() argument) or a blocked accept loop is the usual culprit; asymmetric routing or a firewall eating the ACK is the other.`;
    } else {
      title = `SYN flood or scan${on}: ${num(count)} half-open connections${many ? ` from ${distinctPlural(f.detail, 'remoteHost', 'source')}` : ''}`;
      cause = `${many ? 'Many different sources' : 'Clients'} send SYNs${on} and never complete the handshake: a SYN flood (spoofed sources${reused.length ? ', as the reused source ports suggest' : ''}) or a scan. SYN cookies (tcp_syncookies=1, the Linux default) keep the listener answering; if the counters show legitimate clients overflowing the backlog instead, raise the backlog and make accept() keep up.`;
    }

    return {
      id: 'syn-received-flood',
      severity,
      state: 'SYN_RECEIVED',
      title,
      evidence,
      cause,
      next: synReceivedCommands(dialectOf(ctx.os), culprit),
      caveats: [MYTHS.synCookies, MYTHS.abortOnOverflow],
      kb: ['syn-received', 'syn-flood-syncookies', 'listen-backlog'],
      weight: weightOf(f),
    };
  },
};
