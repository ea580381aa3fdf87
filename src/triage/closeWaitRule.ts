import type { Snapshot } from '../netstat/snapshot.js';
import { MYTHS } from './caveats.js';
import { closeWaitCommands, dialectOf } from './commands.js';
import type { RuleContext } from './context.js';
import { findCulprit, sideOf, who } from './culprit.js';
import {
  attributionClause,
  evidenceText,
  ofRecords,
  queueClause,
  queueStuck,
  sizeClause,
  smallSelectedView,
  weightOf,
} from './evidence.js';
import { num } from './format.js';
import { describeGrowth } from './growth.js';
import type { Rule } from './rule.js';
import { THRESHOLDS } from './thresholds.js';
import type { Finding, Severity } from './verdict.js';

/** CLOSE_WAIT: the peer closed, the local application never called close(). */
export const CloseWaitRule: Rule = {
  id: 'close-wait-pileup',
  evaluate(snapshot: Snapshot, ctx: RuleContext): Finding | undefined {
    const { f, g, count } = ctx.observe('CLOSE_WAIT');
    if (count === 0) return undefined;
    const T = THRESHOLDS.closeWait;
    const unread = queueStuck(f, 'recvQ');
    // Recv-Q counts the FIN as 1 until the application reads end-of-file (tcp-facts 167): a max
    // of 1 means no data is waiting, only an EOF nobody read, so the socket is abandoned, not busy.
    const finOnly = unread && f.detail?.recvQ.max === 1;
    const conc = f.concentrated;

    let severity: Severity | undefined;
    let basis = '';
    if (count >= T.critical) {
      severity = 'critical';
      basis = `≥${num(T.critical)} CLOSE_WAIT (catpaw critical level)`;
    } else if (g?.steady) {
      severity = 'critical';
      basis = 'CLOSE_WAIT keeps growing across samples: a leak, whatever its size';
    } else if (count >= T.warn && (g?.growing || (conc && unread))) {
      severity = 'critical';
      basis = g?.growing
        ? `≥${num(T.warn)} CLOSE_WAIT and rising`
        : `≥${num(T.warn)} CLOSE_WAIT on one owner with unread Recv-Q: the application is stuck`;
    } else if (count >= T.warn) {
      severity = 'warn';
      basis = `≥${num(T.warn)} CLOSE_WAIT (catpaw warning level)`;
    } else if (g?.growing) {
      severity = 'warn';
      basis = 'CLOSE_WAIT rising between samples';
    } else if (count >= T.transitional && f.dominant) {
      severity = 'warn';
      basis = `≥${T.transitional} CLOSE_WAIT and the majority of connections`;
    } else if (count >= T.transitional && conc && unread) {
      severity = 'warn';
      basis = `≥${T.transitional} CLOSE_WAIT on one owner with unread Recv-Q`;
    } else if (smallSelectedView(f) && conc && unread) {
      severity = 'warn';
      basis = 'a view of only CLOSE_WAIT sockets, all on one owner, with unread Recv-Q';
    } else if (count >= T.transitional || smallSelectedView(f)) {
      // Past the transitional level, or rows someone picked out: worth an answer, not an alarm.
      severity = 'ok';
      basis = `below the ${num(T.warn)} alert level, without a stuck owner`;
    } else {
      return undefined;
    }

    const culprit = findCulprit(f);
    const side = sideOf(f);
    const owner = who(culprit, side);
    const evidence = evidenceText(
      [
        sizeClause({ ...f, count }, ctx, snapshot),
        snapshot.counts.ESTABLISHED > 0 && f.shareMeaningful
          ? `next to ${num(snapshot.counts.ESTABLISHED)} ESTABLISHED`
          : undefined,
        attributionClause(f),
        finOnly
          ? `Recv-Q 1 (only the peer's FIN, never read) on ${ofRecords(f.detail?.recvQ.nonZero ?? 0, f.records)}`
          : queueClause(f, 'recvQ'),
        g ? describeGrowth(g) : undefined,
      ],
      basis,
    );

    let title: string;
    let cause: string;
    if (severity === 'ok') {
      title = `${num(count)} CLOSE_WAIT: below alert levels; worth a second look if it grows`;
      cause =
        'A few CLOSE_WAIT sockets are normal while requests are in flight. A count that keeps rising means the local application is not closing sockets.';
    } else if (side === 'client' && culprit.remote) {
      title = `CLOSE_WAIT pile-up: ${culprit.process ?? 'a local client'} is not closing connections ${culprit.remote.key} closed`;
      cause = `${culprit.process ?? 'The local client'} keeps connections to ${culprit.remote.key} after that server closed them (typically its idle timeout) and never closes its end: the connection pool or client library does not detect and discard closed connections.`;
    } else if (culprit.process || culprit.localPorts || culprit.localPort) {
      title = `CLOSE_WAIT pile-up: ${owner} is not closing sockets its clients closed`;
      cause = `${capitalise(owner)} has not called close() on connections its peers already closed. ${
        finOnly
          ? "Their Recv-Q of 1 is the peer's FIN, never read: nothing reads these sockets any more, so the handler that owned them dropped them without close()."
          : unread
            ? 'Most still hold unread bytes in Recv-Q, so the handlers stopped reading as well: look for hung or blocked worker threads.'
            : 'The code path that handles a peer disconnect (often an error path) never closes the socket.'
      } CLOSE_WAIT has no kernel timeout: each one holds a file descriptor until the process closes it or exits.`;
    } else {
      title = `CLOSE_WAIT pile-up: ${num(count)} sockets the local application has not closed`;
      cause =
        'The peers closed these connections and the local application never called close(). CLOSE_WAIT has no kernel timeout: each socket holds a file descriptor until the last process holding it (a forked child may have inherited it) closes it or exits, so a rising count ends in "too many open files".';
    }

    return {
      id: 'close-wait-pileup',
      severity,
      state: 'CLOSE_WAIT',
      title,
      evidence,
      cause,
      next: closeWaitCommands(dialectOf(ctx.os), culprit, side),
      caveats: [MYTHS.closeWaitIsApp, MYTHS.closeWaitNotPeer, MYTHS.closeWaitNoReboot],
      kb: ['close-wait', 'close-wait-leak-fix', 'close-wait-clear-now', 'who-closes-first'],
      weight: weightOf(f, severity !== 'ok'),
    };
  },
};

/** "the process on :80" -> "The process on :80"; program names keep their case. */
function capitalise(s: string): string {
  return s.startsWith('the ') ? `T${s.slice(1)}` : s;
}
