import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { ClosedLeakRule } from '../../src/triage/closedLeakRule.js';
import { createContext } from '../../src/triage/context.js';
import { EstablishedRule } from '../../src/triage/establishedRule.js';
import { inbound, outbound, summary, table } from './build.js';

function est(s: Snapshot) {
  return EstablishedRule.evaluate(s, createContext(s));
}
function closed(s: Snapshot) {
  return ClosedLeakRule.evaluate(s, createContext(s));
}

describe('EstablishedRule (sapcc 20000, ceiling 32768)', () => {
  it('is silent at 20,000, warns above it, critical above 32,768', () => {
    expect(est(summary({ ESTABLISHED: 20000 }))).toBeUndefined();
    expect(est(summary({ ESTABLISHED: 20001 }))?.severity).toBe('warn');
    expect(est(summary({ ESTABLISHED: 32768 }))?.severity).toBe('warn');
    expect(est(summary({ ESTABLISHED: 32769 }))?.severity).toBe('critical');
  });

  it('points at the upstream a client pool is growing toward', () => {
    const rows = outbound(21000, 'ESTABLISHED', '10.0.0.5:6379', '10.0.0.1', {
      process: '900/app',
    });
    const f = est(table({ rows }));
    expect(f?.title).toContain('app (pid 900)');
    expect(f?.cause).toContain('10.0.0.5:6379');
    expect(f?.next).toContain("ls /proc/900/fd | wc -l; grep 'open files' /proc/900/limits");
    expect(f?.caveats.join(' ')).toMatch(/CLOSE_WAIT/);
  });
});

describe('ClosedLeakRule', () => {
  it('warns at 100 and is critical at 1,000', () => {
    expect(closed(summary({ ESTABLISHED: 500, CLOSED: 99 }))).toBeUndefined();
    expect(closed(summary({ ESTABLISHED: 500, CLOSED: 100 }))?.severity).toBe('warn');
    expect(closed(summary({ ESTABLISHED: 5000, CLOSED: 1000 }))?.severity).toBe('critical');
  });

  it('ignores the "closed" figure of ss -s, which is allocation arithmetic', () => {
    const s = table({
      counts: { ESTABLISHED: 50, CLOSED: 2416, TIME_WAIT: 2416 },
      format: 'ss-summary',
    });
    expect(closed(s)).toBeUndefined();
  });

  it('warns on a small view of CLOSED sockets held by one process', () => {
    const rows = inbound(5, 'CLOSED', '10.0.0.1:5000', '10.0.0.9', { process: '812' });
    const f = closed(table({ rows, os: 'windows', format: 'netstat-windows' }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toContain('pid 812');
    expect(f?.next).toContain('Get-Process -Id 812');
  });
});
