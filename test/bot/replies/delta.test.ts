import { describe, expect, it } from 'vitest';
import { compareVerdicts, deltaParagraph, describeChange } from '../../../src/bot/replies/delta.js';
import { emptyCounts, type TcpState } from '../../../src/netstat/states.js';
import type { Finding, Verdict } from '../../../src/triage/verdict.js';

function verdict(counts: Partial<Record<TcpState, number>>, problems: TcpState[] = []): Verdict {
  const c = { ...emptyCounts(), ...counts };
  return {
    format: 'uniq-count',
    os: 'linux',
    counts: c,
    total: Object.values(c).reduce((a, b) => a + b, 0),
    severity: problems.length ? 'warn' : 'ok',
    headline: '',
    warnings: [],
    findings: problems.map((state) => ({ state, severity: 'warn' }) as Finding),
  };
}

const MIN = 60_000;

describe('compareVerdicts / describeChange', () => {
  it('says a problem state is still growing, with the rate per minute', () => {
    const [c] = compareVerdicts(
      verdict({ CLOSE_WAIT: 710, ESTABLISHED: 138 }, ['CLOSE_WAIT']),
      verdict({ CLOSE_WAIT: 1450, ESTABLISHED: 140 }, ['CLOSE_WAIT']),
      12 * MIN,
    );
    expect(c).toMatchObject({ state: 'CLOSE_WAIT', from: 710, to: 1450, trend: 'still growing' });
    expect(describeChange(c as never, 12 * MIN)).toBe(
      'CLOSE_WAIT 710 -> 1,450 in 12 min, +62/min: still growing',
    );
  });

  it('reports cleared, shrinking and noise-level moves', () => {
    const changes = compareVerdicts(
      verdict({ CLOSE_WAIT: 800, TIME_WAIT: 5000, ESTABLISHED: 100 }, ['CLOSE_WAIT', 'TIME_WAIT']),
      verdict({ CLOSE_WAIT: 0, TIME_WAIT: 3000, ESTABLISHED: 103 }),
      5 * MIN,
    );
    const byState = Object.fromEntries(changes.map((c) => [c.state, c]));
    expect(byState.CLOSE_WAIT?.trend).toBe('cleared');
    expect(byState.TIME_WAIT?.trend).toBe('shrinking');
    expect(describeChange(byState.TIME_WAIT as never, 5 * MIN)).toBe(
      'TIME_WAIT 5,000 -> 3,000 in 5 min, -400/min: shrinking',
    );
    // ESTABLISHED moved by 3 of 100: noise, and not a problem state, so not worth a line.
    expect(byState.ESTABLISHED).toBeUndefined();
  });

  it('gives no rate for pastes a few seconds apart, and says unchanged', () => {
    const [c] = compareVerdicts(
      verdict({ LAST_ACK: 40 }, ['LAST_ACK']),
      verdict({ LAST_ACK: 40 }, ['LAST_ACK']),
      4000,
    );
    expect(describeChange(c as never, 4000)).toBe('LAST_ACK unchanged at 40 after 4 s');
    const [g] = compareVerdicts(
      verdict({ SYN_RECEIVED: 10 }),
      verdict({ SYN_RECEIVED: 900 }, ['SYN_RECEIVED']),
      4000,
    );
    expect(describeChange(g as never, 4000)).toBe('SYN_RECEIVED 10 -> 900 in 4 s: growing');
  });

  it('writes a paragraph only when there is something to say', () => {
    expect(deltaParagraph([], MIN)).toBeUndefined();
    const p = deltaParagraph(
      compareVerdicts(
        verdict({ CLOSE_WAIT: 100 }, ['CLOSE_WAIT']),
        verdict({ CLOSE_WAIT: 200 }, ['CLOSE_WAIT']),
        2 * 3600_000,
      ),
      2 * 3600_000,
    );
    expect(p).toBe(
      '**Since your previous paste (2 h ago):**\n- CLOSE_WAIT 100 -> 200 in 2 h, +0.8/min: still growing',
    );
  });
});
