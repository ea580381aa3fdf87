import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../../src/netstat/snapshotBuilder.js';
import { triage } from '../../src/triage/index.js';

describe('port exhaustion and the TIME_WAIT it counts', () => {
  it('leads the verdict at no less than the TIME_WAIT severity (Windows, 74% of the range)', () => {
    const b = new SnapshotBuilder();
    for (let i = 0; i < 12_000; i++) {
      b.addRecord({
        proto: 'TCP',
        state: 'TIME_WAIT',
        local: { host: '10.1.1.5', port: String(49_152 + i) },
        remote: { host: '10.1.1.9', port: '1433' },
        line: '',
      });
    }
    b.setOs('windows');
    b.vote('netstat-windows');
    const v = triage(b.finish());
    expect(v.findings[0]?.id).toBe('port-exhaustion');
    const tw = v.findings.find((f) => f.id === 'time-wait-pileup');
    expect(severityRank(v.findings[0]?.severity)).toBeGreaterThanOrEqual(
      severityRank(tw?.severity),
    );
  });
});

function severityRank(s: string | undefined): number {
  return s === 'critical' ? 2 : s === 'warn' ? 1 : 0;
}
