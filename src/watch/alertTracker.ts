import type { TcpState } from '../netstat/states.js';
import type { Finding, Severity, Verdict } from '../triage/verdict.js';

/** What happened to a finding between two samples. */
export type AlertKind = 'started' | 'worse' | 'cleared';

/** One alert to post. */
export interface AlertEvent {
  kind: AlertKind;
  finding: Finding;
  /** Change of the finding's state count per minute since the previous sample. */
  ratePerMinute: number;
  /** The state's count now. */
  count: number;
  /** How long the finding had held (for `cleared`), ms. */
  heldMs: number;
}

interface Held {
  finding: Finding;
  /** The severity last alerted: only a worse one alerts again. */
  alerted: Severity;
  since: number;
}

const RANK: Record<Severity, number> = { ok: 0, warn: 1, critical: 2 };

/**
 * Turns a stream of verdicts into alerts: one when a finding starts or gets worse, nothing
 * while it holds, one when it ends. Findings of severity `ok` are notes, never alerts.
 */
export class AlertTracker {
  private readonly held = new Map<string, Held>();
  private previous: { counts: Record<TcpState, number>; at: number } | undefined;

  /** Feeds one sample's verdict taken at `at` (ms) and returns the alerts it raises. */
  observe(verdict: Verdict, at: number): AlertEvent[] {
    const events: AlertEvent[] = [];
    const rate = (state: TcpState): number => {
      const p = this.previous;
      if (!p || at <= p.at) return 0;
      return ((verdict.counts[state] - p.counts[state]) * 60_000) / (at - p.at);
    };
    const now = new Set<string>();
    for (const f of verdict.findings) {
      if (f.severity === 'ok') continue;
      now.add(f.id);
      const h = this.held.get(f.id);
      const event = { finding: f, ratePerMinute: rate(f.state), count: verdict.counts[f.state] };
      if (!h) {
        this.held.set(f.id, { finding: f, alerted: f.severity, since: at });
        events.push({ kind: 'started', ...event, heldMs: 0 });
      } else {
        h.finding = f;
        if (RANK[f.severity] > RANK[h.alerted]) {
          h.alerted = f.severity;
          events.push({ kind: 'worse', ...event, heldMs: at - h.since });
        }
      }
    }
    for (const [id, h] of this.held) {
      if (now.has(id)) continue;
      this.held.delete(id);
      const state = h.finding.state;
      events.push({
        kind: 'cleared',
        finding: h.finding,
        ratePerMinute: rate(state),
        count: verdict.counts[state],
        heldMs: at - h.since,
      });
    }
    this.previous = { counts: { ...verdict.counts }, at };
    return events;
  }

  /** The findings holding now, by id. */
  holding(): Finding[] {
    return [...this.held.values()].map((h) => h.finding);
  }
}
