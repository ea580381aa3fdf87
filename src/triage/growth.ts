import type { Snapshot } from '../netstat/snapshot.js';
import type { TcpState } from '../netstat/states.js';
import { num } from './format.js';
import { THRESHOLDS } from './thresholds.js';

/** How one state's count moved across a `wc -l` series or between two pastes. */
export interface Growth {
  state: TcpState;
  values: number[];
  first: number;
  last: number;
  rise: number;
  /** A real rise: at least `minRise` sockets and 10% of the first sample, mostly non-decreasing. */
  growing: boolean;
  /** Growing over at least `steadySamples` samples: a trend, not a burst. */
  steady: boolean;
  /** Sockets per minute when the interval is known. */
  perMinute?: number;
  /** Sockets per sample step. */
  perStep: number;
  intervalSeconds?: number;
  source: 'series' | 'previous';
}

/** Growth analysis of a sequence of counts, oldest first. */
export function analyseValues(
  state: TcpState,
  values: number[],
  source: Growth['source'],
  intervalSeconds?: number,
): Growth | undefined {
  if (values.length < 2) return undefined;
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const rise = last - first;
  const steps = values.length - 1;
  let up = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] ?? 0) >= (values[i - 1] ?? 0)) up++;
  }
  const g = THRESHOLDS.growth;
  const bigEnough = rise >= g.minRise && rise >= first * g.minRiseShare;
  const mostlyUp = up / steps >= g.steadyStepShare;
  const growing = bigEnough && mostlyUp;
  const steady = growing && values.length >= g.steadySamples;
  const perStep = rise / steps;
  const perMinute =
    intervalSeconds && intervalSeconds > 0 ? rise / ((steps * intervalSeconds) / 60) : undefined;
  return {
    state,
    values,
    first,
    last,
    rise,
    growing,
    steady,
    perStep,
    perMinute,
    intervalSeconds,
    source,
  };
}

/** Growth of `state` from the snapshot's series, else from a previous snapshot. */
export function growthOf(
  snapshot: Snapshot,
  state: TcpState,
  previous?: Snapshot,
): Growth | undefined {
  const series = snapshot.series.find((s) => s.state === state && s.values.length >= 2);
  if (series) return analyseValues(state, series.values, 'series', series.intervalSeconds);
  if (previous && previous.total > 0) {
    return analyseValues(state, [previous.counts[state], snapshot.counts[state]], 'previous');
  }
  return undefined;
}

/** "rising 120 -> 480 over 4 samples (+90/min)". */
export function describeGrowth(g: Growth): string {
  const shown =
    g.values.length <= 6 ? g.values.map(num).join(' → ') : `${num(g.first)} → … → ${num(g.last)}`;
  const where =
    g.source === 'previous' ? 'since the previous paste' : `over ${g.values.length} samples`;
  const rate =
    g.perMinute !== undefined
      ? `${g.perMinute >= 0 ? '+' : ''}${formatRate(g.perMinute)}/min`
      : `${g.perStep >= 0 ? '+' : ''}${formatRate(g.perStep)} per sample`;
  const verb = g.rise > 0 ? 'rising' : g.rise < 0 ? 'falling' : 'flat';
  return `${verb} ${shown} ${where} (${rate})`;
}

function formatRate(n: number): string {
  return Math.abs(n) >= 10 ? num(n) : n.toFixed(1).replace(/\.0$/, '');
}
