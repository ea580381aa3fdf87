import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { createContext } from '../../src/triage/context.js';
import { PortExhaustionRule } from '../../src/triage/portExhaustionRule.js';
import { EPHEMERAL_RANGES } from '../../src/triage/thresholds.js';
import { outbound, table } from './build.js';

function run(s: Snapshot) {
  return PortExhaustionRule.evaluate(s, createContext(s));
}

// tcp-facts 161: default ephemeral ranges per OS, from each kernel's source.
describe('default ephemeral ranges', () => {
  it.each([
    ['linux', 32768, 60999, 28232],
    ['windows', 49152, 65535, 16384],
    ['macos', 49152, 65535, 16384],
    ['freebsd', 10000, 65535, 55536],
    ['openbsd', 1024, 49151, 48128],
    ['solaris', 32768, 65535, 32768],
  ] as const)('%s is %i-%i (%i ports)', (os, first, last, size) => {
    const r = EPHEMERAL_RANGES[os];
    expect([r.first, r.last, r.size]).toEqual([first, last, size]);
    expect(r.bucket).toBeLessThanOrEqual(first);
    expect(r.source).toContain(`${first}-${last}`);
  });
});

describe('port-exhaustion math on OpenBSD (1024-49151, 48,128 ports)', () => {
  const rows = (n: number) => outbound(n, 'TIME_WAIT', '10.0.0.5:5432', '10.0.0.1', {}, 1024);

  it('is silent at 16,384 to one destination (a third of the range), which is all of the IANA high range', () => {
    expect(run(table({ rows: rows(16384), os: 'openbsd', format: 'netstat-bsd' }))).toBeUndefined();
  });

  it('warns at half of 48,128 and quotes the OpenBSD range', () => {
    const f = run(table({ rows: rows(24064), os: 'openbsd', format: 'netstat-bsd' }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toContain('50%');
    expect(f?.next).toContain('sysctl net.inet.ip.portfirst net.inet.ip.portlast');
  });
});
