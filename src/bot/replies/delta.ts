/** The change between two pastes in one conversation ("CLOSE_WAIT 710 -> 1,450 in 12 min"). */
import { TCP_STATES, type TcpState } from '../../netstat/states.js';
import type { Verdict } from '../../triage/verdict.js';
import { formatCount, formatDuration, formatRate } from './format.js';

export type Trend =
  | 'still growing'
  | 'growing'
  | 'shrinking'
  | 'cleared'
  | 'about the same'
  | 'unchanged';

/** How one state's count moved between two pastes. */
export interface StateChange {
  state: TcpState;
  from: number;
  to: number;
  /** Sockets per minute; undefined when the pastes came too close together to say. */
  perMinute?: number;
  trend: Trend;
}

/** Below this many sockets (or 10% of the first count) a move is noise. */
const MIN_MOVE = 5;
const MIN_MOVE_SHARE = 0.1;
/** Rates over less than this are not shown: pasting twice in a few seconds says little. */
const MIN_RATE_MS = 10_000;
const MAX_CHANGES = 4;

function problemStates(v: Verdict): TcpState[] {
  return v.findings.filter((f) => f.severity !== 'ok').map((f) => f.state);
}

/** The states worth reporting, problem states first, at most four. */
export function compareVerdicts(
  previous: Verdict,
  current: Verdict,
  elapsedMs: number,
): StateChange[] {
  const before = problemStates(previous);
  const focus = [...before, ...problemStates(current)];
  const candidates = TCP_STATES.filter(
    (s) => focus.includes(s) || (previous.counts[s] > 0 && current.counts[s] > 0),
  );
  const changes = candidates.map((state): StateChange => {
    const from = previous.counts[state];
    const to = current.counts[state];
    const delta = to - from;
    let trend: Trend;
    if (delta === 0) trend = 'unchanged';
    else if (Math.abs(delta) < Math.max(MIN_MOVE, from * MIN_MOVE_SHARE)) trend = 'about the same';
    else if (delta > 0) trend = before.includes(state) ? 'still growing' : 'growing';
    else trend = to === 0 ? 'cleared' : 'shrinking';
    const perMinute = elapsedMs >= MIN_RATE_MS ? delta / (elapsedMs / 60_000) : undefined;
    return { state, from, to, perMinute, trend };
  });
  const rank = (c: StateChange) => {
    const i = focus.indexOf(c.state);
    return i < 0 ? focus.length : i;
  };
  // A state nobody asked about is worth a line only when it moved.
  const worth = changes.filter(
    (c) => focus.includes(c.state) || (c.trend !== 'unchanged' && c.trend !== 'about the same'),
  );
  return worth
    .sort((a, b) => rank(a) - rank(b) || Math.abs(b.to - b.from) - Math.abs(a.to - a.from))
    .slice(0, MAX_CHANGES);
}

/** "CLOSE_WAIT 710 -> 1,450 in 12 min, +62/min: still growing". */
export function describeChange(c: StateChange, elapsedMs: number): string {
  const when = formatDuration(elapsedMs);
  if (c.trend === 'unchanged') return `${c.state} unchanged at ${formatCount(c.to)} after ${when}`;
  const rate =
    c.perMinute !== undefined && c.trend !== 'about the same'
      ? `, ${formatRate(c.perMinute)}/min`
      : '';
  return `${c.state} ${formatCount(c.from)} -> ${formatCount(c.to)} in ${when}${rate}: ${c.trend}`;
}

/** A markdown paragraph describing the changes, or undefined when there is nothing to compare. */
export function deltaParagraph(changes: StateChange[], elapsedMs: number): string | undefined {
  if (changes.length === 0) return undefined;
  const lines = changes.map((c) => `- ${describeChange(c, elapsedMs)}`);
  return [`**Since your previous paste (${formatDuration(elapsedMs)} ago):**`, ...lines].join('\n');
}
