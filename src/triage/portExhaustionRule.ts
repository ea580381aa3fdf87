import type { Snapshot } from '../netstat/snapshot.js';
import type { TcpState } from '../netstat/states.js';
import { portExhaustionMyths } from './caveats.js';
import { dialectOf, portExhaustionCommands } from './commands.js';
import type { RuleContext } from './context.js';
import { type Culprit, findCulprit } from './culprit.js';
import { evidenceText, signal, weightOf } from './evidence.js';
import { endpoint, num, pct, splitEndpoint } from './format.js';
import type { Rule } from './rule.js';
import { EPHEMERAL_RANGES, THRESHOLDS } from './thresholds.js';
import { churnPerSecond } from './timeWaitRule.js';
import type { Finding, Severity } from './verdict.js';

/** States that hold a local ephemeral port toward a destination. */
const PORT_HOLDERS: TcpState[] = [
  'TIME_WAIT',
  'ESTABLISHED',
  'SYN_SENT',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
];

interface Budget {
  key: string;
  used: number;
  byState: Partial<Record<TcpState, number>>;
  share: number;
}

/** Sockets toward each remote ip:port across the port-holding states, largest first. */
function destinations(snapshot: Snapshot, rangeSize: number): Budget[] {
  const map = new Map<string, Budget>();
  for (const state of PORT_HOLDERS) {
    for (const k of snapshot.details[state]?.byRemoteEndpoint ?? []) {
      let b = map.get(k.key);
      if (!b) {
        b = { key: k.key, used: 0, byState: {}, share: 0 };
        map.set(k.key, b);
      }
      b.used += k.count;
      b.byState[state] = (b.byState[state] ?? 0) + k.count;
    }
  }
  // One socket per endpoint is a server-side row (a client's ephemeral port), not a budget.
  const all = [...map.values()].filter((b) => b.used > 1);
  for (const b of all) b.share = b.used / rangeSize;
  return all.sort((a, b) => b.used - a.used);
}

function level(share: number): Severity | undefined {
  const P = THRESHOLDS.portBudget;
  if (share >= P.criticalShare) return 'critical';
  if (share >= P.warnShare) return 'warn';
  return undefined;
}

/**
 * Ephemeral-port exhaustion: connections from this host toward one destination ip:port (or,
 * server side, from one client address toward a listening port) against the ephemeral range.
 */
/** The articles behind every port-exhaustion finding. */
const EXHAUSTION_KB: readonly string[] = [
  'ephemeral-port-exhaustion',
  'keepalive-connection-pooling',
  'time-wait',
  'tcp-tw-reuse',
];

export const PortExhaustionRule: Rule = {
  id: 'port-exhaustion',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const d = dialectOf(ctx.os);
    const P = THRESHOLDS.portBudget;
    const top = destinations(snapshot, ctx.range.size)[0];
    const tw = ctx.focus('TIME_WAIT');
    // connect() already failing for want of a port settles it (triage-anchors §6: critical).
    const failing = signal(snapshot, 'log:eaddrnotavail') > 0;

    if (top) {
      const severity = failing ? 'critical' : level(top.share);
      if (severity) {
        const { host, port } = splitEndpoint(top.key);
        const culprit: Culprit = { remote: { host, port, key: endpoint(top.key) } };
        // Name a process only when one process holds nearly all connections of the host.
        const est = ctx.focus('ESTABLISHED');
        if (est.topProcess && est.topProcess.share >= THRESHOLDS.focus.concentration) {
          const owner = findCulprit(est);
          culprit.process = owner.process;
          culprit.pid = owner.pid;
          culprit.program = owner.program;
        }
        const parts = Object.entries(top.byState)
          .map(([s, n]) => `${s} ${num(n ?? 0)}`)
          .join(', ');
        const twTo = top.byState.TIME_WAIT ?? 0;
        const clauses = [
          `${num(top.used)} sockets from this host to ${endpoint(top.key)} (${parts})`,
          `${pct(top.share)} of the ${num(ctx.range.size)}-port ephemeral range (${ctx.range.source})`,
          twTo > 0
            ? `TIME_WAIT alone means ≈${num(churnPerSecond(twTo, ctx))} new connections/s to it; the range sustains ≈${num(ctx.range.size / ctx.timeWaitSeconds)}/s`
            : undefined,
          failing
            ? 'the paste shows connect() failing with "Cannot assign requested address"'
            : undefined,
        ];
        const evidence = evidenceText(
          clauses,
          failing
            ? 'EADDRNOTAVAIL in the paste (ports already exhausted)'
            : `≥${pct(severity === 'critical' ? P.criticalShare : P.warnShare)} of the range toward one destination`,
        );
        const failure =
          d === 'windows'
            ? 'new connections fail with WSAENOBUFS / Event 4227 or 4231'
            : 'connect() fails with EADDRNOTAVAIL ("Cannot assign requested address")';
        return {
          id: 'port-exhaustion',
          severity,
          state: twTo > 0 ? 'TIME_WAIT' : 'ESTABLISHED',
          title: `Port exhaustion: ${endpoint(top.key)} is using ${pct(top.share)} of this host's ephemeral ports`,
          evidence,
          cause: `Each connection to ${endpoint(top.key)} needs its own local port, and a closed one keeps it for ${ctx.timeWaitSeconds} s in TIME_WAIT. ${culprit.process ? `${culprit.process} opens` : 'The client on this host opens'} connections to it faster than it reuses them; when the range runs out, ${failure}. Reuse connections (keep-alive, a pool) or add 4-tuples (a wider port range, more destination ports or addresses).`,
          next: portExhaustionCommands(d, culprit, 'client'),
          caveats: portExhaustionMyths(d),
          kb: [...EXHAUSTION_KB].concat(d === 'windows' ? ['windows-maxuserport'] : []),
          // Sits just ahead of the TIME_WAIT finding it explains.
          weight: Math.max(Math.round(top.share * 1000) / 10, weightOf(tw)) + 1,
        };
      }
    }

    // Server side: TIME_WAIT on a listening port from one client address uses that client's range.
    if (tw.serverSide && tw.topRemoteHost && tw.topLocalPort) {
      const clientRange = EPHEMERAL_RANGES.linux.size;
      const share = tw.topRemoteHost.count / clientRange;
      const severity = level(share);
      if (severity) {
        const host = tw.topRemoteHost.key;
        const culprit: Culprit = { localPort: tw.topLocalPort.key, remoteHost: host };
        return {
          id: 'port-exhaustion',
          severity,
          state: 'TIME_WAIT',
          title: `Port exhaustion: client ${host} is running out of ports toward :${tw.topLocalPort.key}`,
          evidence: `${num(tw.topRemoteHost.count)} TIME_WAIT from ${host} on :${tw.topLocalPort.key} = ${pct(share)} of a Linux client's ${num(clientRange)} ephemeral ports; Threshold: ≥${pct(severity === 'critical' ? P.criticalShare : P.warnShare)} of the range per client address.`,
          cause: `This server closes first, so each connection from ${host} leaves a TIME_WAIT here holding that 4-tuple for ${ctx.timeWaitSeconds} s. It uses none of this server's ephemeral ports: the risk is the client's. Once one client address (a load balancer or proxy) has cycled through its range, its new SYNs land on 4-tuples still in TIME_WAIT here; Linux accepts such a SYN when its timestamp or sequence number is newer, other stacks may not, so connects from ${host} to :${tw.topLocalPort.key} can stall or fail. Keep connections alive between them, let the client close first, or add client addresses or server ports.`,
          next: portExhaustionCommands(d, culprit, 'server'),
          caveats: portExhaustionMyths(d),
          kb: [
            'ephemeral-port-exhaustion',
            'time-wait',
            'who-closes-first',
            'keepalive-connection-pooling',
          ],
          weight: Math.max(Math.round(share * 1000) / 10, weightOf(tw)) + 1,
        };
      }
    }
    if (failing) {
      const held =
        snapshot.counts.TIME_WAIT + snapshot.counts.ESTABLISHED + snapshot.counts.SYN_SENT;
      if (held > 0) {
        return {
          id: 'port-exhaustion',
          severity: 'critical',
          state: snapshot.counts.TIME_WAIT > 0 ? 'TIME_WAIT' : 'ESTABLISHED',
          title: 'Port exhaustion: connect() is failing with "Cannot assign requested address"',
          evidence: `the paste shows EADDRNOTAVAIL ("Cannot assign requested address"); ${num(snapshot.counts.TIME_WAIT)} TIME_WAIT and ${num(snapshot.counts.ESTABLISHED)} ESTABLISHED against a ${num(ctx.range.size)}-port ephemeral range (${ctx.range.source}); Threshold: EADDRNOTAVAIL in the paste (ports already exhausted).`,
          cause: `This host has no free local port for new connections to at least one destination: each connection to the same ip:port needs its own local port, and closed ones keep it for ${ctx.timeWaitSeconds} s in TIME_WAIT. A client opening a connection per request (no keep-alive or pool) is the usual cause; reuse connections or add 4-tuples (a wider port range, more destination addresses or ports).`,
          next: portExhaustionCommands(d, {}, 'client'),
          caveats: portExhaustionMyths(d),
          kb: [...EXHAUSTION_KB],
          weight: 101,
        };
      }
    }
    return undefined;
  },
};
