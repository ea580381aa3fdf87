import { formatCount, formatDuration, formatRate } from '../bot/replies/format.js';
import { replyFinding } from '../bot/replies/verdictReply.js';
import type { Reply, ReplyTone } from '../bot/reply.js';
import type { AlertEvent } from './alertTracker.js';

const VERB: Record<AlertEvent['kind'], string> = {
  started: 'Started',
  worse: 'Got worse',
  cleared: 'Cleared',
};

const RANK: Record<ReplyTone, number> = { ok: 0, info: 0, warn: 1, error: 2, critical: 2 };

/** What one event says, in a sentence. */
function eventLine(e: AlertEvent, hostName: string): string {
  const f = e.finding;
  const rate = `${formatRate(e.ratePerMinute)}/min`;
  if (e.kind === 'cleared') {
    return `${VERB.cleared} on **${hostName}**: ${f.title}. ${f.state} is at ${formatCount(e.count)} (${rate}); the finding held for ${formatDuration(e.heldMs)}.`;
  }
  const now = e.kind === 'worse' ? `, now ${f.severity}` : '';
  return `${VERB[e.kind]} on **${hostName}**: ${formatCount(e.count)} ${f.state}, ${rate} since the previous sample${now}.`;
}

/**
 * The alerts of one sample as one chat Reply (one post, however many findings changed
 * together: a pile-up on loopback shows both of its ends), rendered as a triage reply is.
 */
export function alertReply(events: readonly AlertEvent[], hostName: string): Reply {
  const first = events[0];
  if (!first) throw new RangeError('alertReply needs at least one event');
  const raised = events.filter((e) => e.kind !== 'cleared');
  const lead = raised[0] ?? first;
  const more = events.length - 1;
  const tone = raised.reduce<ReplyTone>(
    (t, e) => (RANK[e.finding.severity] > RANK[t] ? e.finding.severity : t),
    'ok',
  );
  return {
    kind: 'triage',
    title: `${VERB[lead.kind]}: ${lead.finding.title}${more > 0 ? ` (+${more} more)` : ''}`,
    tone,
    paragraphs: events.map((e) => eventLine(e, hostName)),
    code: [],
    chart: [],
    findings: raised.map((e) => replyFinding(e.finding)),
    sources: [],
    suggestions: [],
  };
}
