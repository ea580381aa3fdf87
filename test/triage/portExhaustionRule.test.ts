import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { createContext } from '../../src/triage/context.js';
import { PortExhaustionRule } from '../../src/triage/portExhaustionRule.js';
import { inbound, outbound, row, summary, table } from './build.js';

function run(s: Snapshot) {
  return PortExhaustionRule.evaluate(s, createContext(s));
}

// Linux default range 32768-60999 = 28,232 ports: 50% = 14,116, 80% = 22,586 (rounded up).
describe('PortExhaustionRule: per destination against the ephemeral range', () => {
  it('is silent just under half of the range and warns at half', () => {
    expect(run(table({ rows: outbound(14115, 'TIME_WAIT', '10.0.0.5:5432') }))).toBeUndefined();
    const f = run(table({ rows: outbound(14116, 'TIME_WAIT', '10.0.0.5:5432') }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe(
      "Port exhaustion: 10.0.0.5:5432 is using 50% of this host's ephemeral ports",
    );
  });

  it('is critical at 80% of the range', () => {
    const rows = [
      ...outbound(20000, 'TIME_WAIT', '10.0.0.5:5432'),
      ...outbound(2585, 'ESTABLISHED', '10.0.0.5:5432', '10.0.0.1', {}, 52800),
    ];
    expect(run(table({ rows }))?.severity).toBe('warn');
    rows.push(row('SYN_SENT', '10.0.0.1:60998', '10.0.0.5:5432'));
    const f = run(table({ rows }));
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('TIME_WAIT 20,000, ESTABLISHED 2,585, SYN_SENT 1');
  });

  it('uses the Windows range of 16,384 on Windows', () => {
    const rows = outbound(8192, 'TIME_WAIT', '10.0.0.5:1433', '10.0.0.1', {}, 49152);
    const f = run(table({ rows, os: 'windows', format: 'netstat-windows' }));
    expect(f?.severity).toBe('warn');
    expect(f?.next).toContain('netsh int ipv4 show dynamicport tcp');
    expect(f?.next.join(' ')).toMatch(/4227,4231/);
  });

  it('does not add up different destinations', () => {
    const rows = [
      ...outbound(9000, 'TIME_WAIT', '10.0.0.5:5432'),
      ...outbound(9000, 'TIME_WAIT', '10.0.0.6:5432'),
    ];
    expect(run(table({ rows }))).toBeUndefined();
  });

  it('cannot localise a summary, so leaves it to the TIME_WAIT rule', () => {
    expect(run(summary({ TIME_WAIT: 25000 }))).toBeUndefined();
  });

  it('refutes tcp_tw_recycle and never recommends it', () => {
    const f = run(table({ rows: outbound(15000, 'TIME_WAIT', '10.0.0.5:5432') }));
    expect(f?.next.join('\n')).not.toMatch(/tcp_tw_recycle|sysctl -w/);
    expect(f?.caveats.join('\n')).toMatch(/Do not enable net\.ipv4\.tcp_tw_recycle/);
    expect(f?.caveats.join('\n')).toMatch(/tcp_tw_reuse only helps outgoing/);
    expect(f?.next[0]).toBe(
      "ss -Htan '( dst 10.0.0.5 and dport = :5432 )' | awk '{print $1}' | sort | uniq -c",
    );
  });
});

describe('PortExhaustionRule: connect() already failing', () => {
  it('is critical when the paste shows EADDRNOTAVAIL, even from a summary', () => {
    const counts = { ESTABLISHED: 200, TIME_WAIT: 9000 };
    expect(run(table({ counts }))).toBeUndefined();
    const f = run(table({ counts, extra: { 'log:eaddrnotavail': 3 } }));
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('EADDRNOTAVAIL');
  });

  it('escalates a named destination to critical', () => {
    const rows = outbound(5000, 'TIME_WAIT', '10.0.0.5:5432');
    const f = run(table({ rows, extra: { 'log:eaddrnotavail': 1 } }));
    expect(f?.severity).toBe('critical');
    expect(f?.title).toContain('10.0.0.5:5432');
  });
});

describe('PortExhaustionRule: one client address against a listening port', () => {
  it('warns when one client holds half of its range in TIME_WAIT on our port', () => {
    const listen = row('LISTEN', '0.0.0.0:80', '0.0.0.0:*');
    const under = table({
      rows: [listen, ...inbound(14115, 'TIME_WAIT', '10.0.0.1:80', '10.9.9.9')],
    });
    expect(run(under)).toBeUndefined();
    const f = run(
      table({ rows: [listen, ...inbound(14116, 'TIME_WAIT', '10.0.0.1:80', '10.9.9.9')] }),
    );
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe('Port exhaustion: client 10.9.9.9 is running out of ports toward :80');
  });
});
