import type { Snapshot } from '../netstat/snapshot.js';
import { timeWaitMyths } from './caveats.js';
import { dialectOf, timeWaitCommands } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit, sideOf } from './culprit.js';
import { attributionClause, evidenceText, signal, sizeClause, weightOf } from './evidence.js';
import { num } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { EPHEMERAL_RANGES, THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

/** The TIME_WAIT count that is critical on this OS: catpaw's 20000, or 70% of a smaller range. */
export function timeWaitCriticalLevel(ctx: RuleContext): number {
  const T = THRESHOLDS.timeWait;
  if (ctx.range.size >= EPHEMERAL_RANGES.linux.size) return T.critical;
  return Math.round(T.criticalRangeShare * ctx.range.size);
}

/** Connections per second implied by a TIME_WAIT population (Little's law). */
export function churnPerSecond(timeWait: number, ctx: RuleContext): number {
  return timeWait / ctx.timeWaitSeconds;
}

function rate(n: number): string {
  return n >= 10 ? num(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** TIME_WAIT: normal, and only a finding when large (host-wide) or worth a note toward one peer. */
export const TimeWaitRule: Rule = {
  id: 'time-wait-pileup',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const { f, g, count } = ctx.observe('TIME_WAIT');
    if (count === 0) return undefined;
    const T = THRESHOLDS.timeWait;
    const critical = timeWaitCriticalLevel(ctx);
    const toOne = f.topRemoteEndpoint;
    const overflow = signal(snapshot, 'log:time-wait-bucket-overflow', 'nstat:TCPTimeWaitOverflow');

    let severity: Severity;
    let basis: string;
    if (count >= critical) {
      severity = 'critical';
      basis =
        critical === T.critical
          ? `≥${num(T.critical)} TIME_WAIT (catpaw critical level, ~70% of the Linux port range)`
          : `≥${num(critical)} TIME_WAIT (70% of the ${num(ctx.range.size)}-port ephemeral range)`;
    } else if (count >= T.warn) {
      severity = 'warn';
      basis = `≥${num(T.warn)} TIME_WAIT (catpaw warning level)`;
    } else if (overflow > 0) {
      severity = 'warn';
      basis = 'the kernel reports TIME_WAIT bucket overflow (tcp_max_tw_buckets reached)';
    } else if (toOne && toOne.count >= T.noteToOneDestination && toOne.share >= 0.5) {
      severity = 'ok';
      basis = `below the ${num(T.warn)} alert level; far from the per-destination port budget`;
    } else if ((f.selectedByCommand || !f.shareMeaningful) && count >= T.noteToOneDestination) {
      // The question was about TIME_WAIT (a grep or a count): answer it, at ok level.
      severity = 'ok';
      basis = `below the ${num(T.warn)} alert level`;
    } else {
      return undefined;
    }

    const culprit = findCulprit(f);
    const side = sideOf(f);
    const perSecond = churnPerSecond(count, ctx);
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        `≈${rate(perSecond)} connections/s closed first by this host (TIME_WAIT lasts ${ctx.timeWaitSeconds} s here)`,
        attributionClause(f, { process: false, localPort: side === 'server', remote: true }),
        overflow > 0
          ? 'the kernel is destroying TIME_WAIT sockets early ("time wait bucket table overflow" / TCPTimeWaitOverflow)'
          : undefined,
        g ? describeGrowth(g) : undefined,
      ],
      basis,
    );

    let title: string;
    let cause: string;
    const remote = culprit.remote?.key;
    if (side === 'client' && remote) {
      title =
        severity === 'ok'
          ? `${num(count)} TIME_WAIT, mostly to ${remote}: a new connection per request (normal at this volume)`
          : `TIME_WAIT pile-up: a new connection per request to ${remote}`;
      cause = `This host opens a fresh connection to ${remote} for each request and closes it first, so every request leaves a TIME_WAIT here for ${ctx.timeWaitSeconds} s. Reusing connections (HTTP keep-alive, a connection pool, a persistent client) removes them; the budget that matters is ${num(ctx.range.size)} ports per destination ip:port.`;
    } else if (side === 'server' && culprit.localPort) {
      title = `TIME_WAIT pile-up on :${culprit.localPort}: the server closes connections first`;
      cause = `Clients connect to :${culprit.localPort} and this server closes first (Connection: close, or its idle timeout), so the TIME_WAIT stays on the server. Server-side TIME_WAIT uses none of this host's ephemeral ports and costs little; it matters only when a few client addresses (a load balancer, a proxy) supply all the traffic and keep reusing 4-tuples still held here; letting clients close first or keeping connections alive removes it.`;
    } else if (severity === 'ok') {
      title = `${num(count)} TIME_WAIT: about ${rate(perSecond)} short-lived connections per second, normal at this volume`;
      cause = `TIME_WAIT is left by whichever side closes first and lasts ${ctx.timeWaitSeconds} s here; ${num(count)} of them are harmless. They matter only when many go to one destination ip:port (its budget is ${num(ctx.range.size)} ports) or when the count reaches ${num(T.warn)}+.`;
    } else {
      title = `TIME_WAIT pile-up: ${num(count)} sockets, about ${rate(perSecond)} new connections per second`;
      cause = `TIME_WAIT is left by whichever side closes first, for ${ctx.timeWaitSeconds} s here, so ${num(count)} of them mean about ${rate(perSecond)} short-lived connections per second. The usual source is a client or proxy that opens a connection per request to its upstream with no keep-alive (for nginx: \`keepalive\` in the upstream block with \`proxy_http_version 1.1\` and an empty Connection header). Check which peer ip:port they go to: exhaustion is per destination.`;
    }

    const kb = [
      'time-wait',
      'keepalive-connection-pooling',
      'time-wait-2msl',
      'time-wait-reduce-linux',
      'tcp-fin-timeout',
      'tcp-tw-recycle',
    ];
    if (ctx.os === 'windows') kb.push('windows-tcptimedwaitdelay');
    return {
      id: 'time-wait-pileup',
      severity,
      state: 'TIME_WAIT',
      title,
      evidence,
      cause,
      next: timeWaitCommands(dialectOf(ctx.os), culprit, side),
      caveats: timeWaitMyths(dialectOf(ctx.os)),
      kb,
      weight: weightOf(f),
    };
  },
};
