import { describe, expect, it } from 'vitest';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';
import { alertReply } from '../../src/watch/alertReply.js';
import { AlertTracker } from '../../src/watch/alertTracker.js';

/** The verdict on a count summary of `n` CLOSE_WAIT among 400 ESTABLISHED. */
const verdict = (n: number) => triage(readText(`${n} CLOSE_WAIT\n400 ESTABLISHED\n`));

describe('AlertTracker', () => {
  it('alerts on start, stays quiet while it holds, alerts when worse and when cleared', () => {
    const t = new AlertTracker();
    const kinds = (n: number, at: number) => t.observe(verdict(n), at).map((e) => e.kind);
    expect(kinds(2, 0)).toEqual([]);
    const started = t.observe(verdict(150), 60_000);
    expect(started.map((e) => [e.kind, e.finding.id, e.finding.severity])).toEqual([
      ['started', 'close-wait-pileup', 'warn'],
    ]);
    expect(started[0]?.ratePerMinute).toBeCloseTo(148);
    expect(kinds(160, 120_000)).toEqual([]);
    expect(kinds(140, 180_000)).toEqual([]);
    expect(t.holding().map((f) => f.id)).toEqual(['close-wait-pileup']);
    expect(kinds(1500, 240_000)).toEqual(['worse']);
    // Back down to warn is not a new alert; gone is.
    expect(kinds(150, 300_000)).toEqual([]);
    const cleared = t.observe(verdict(1), 360_000);
    expect(cleared.map((e) => e.kind)).toEqual(['cleared']);
    expect(cleared[0]?.heldMs).toBe(300_000);
    expect(t.holding()).toEqual([]);
  });

  it('renders one Reply per sample with the finding, its rate and its next commands', () => {
    const t = new AlertTracker();
    t.observe(verdict(0), 0);
    const reply = alertReply(t.observe(verdict(300), 30_000), 'db-1');
    expect(reply.title).toMatch(/^Started: /);
    expect(reply.tone).toBe('warn');
    expect(reply.paragraphs[0]).toContain('+600/min');
    expect(reply.paragraphs[0]).toContain('db-1');
    expect(reply.findings[0]?.next.length).toBeGreaterThan(0);
    const cleared = alertReply(t.observe(verdict(0), 60_000), 'db-1');
    expect(cleared.title).toMatch(/^Cleared: /);
    expect(cleared.tone).toBe('ok');
    expect(cleared.findings).toEqual([]);
  });
});
