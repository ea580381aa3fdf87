import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { createContext } from '../../src/triage/context.js';
import { SynReceivedRule } from '../../src/triage/synReceivedRule.js';
import { SynSentRule } from '../../src/triage/synSentRule.js';
import { inbound, outbound, row, summary, table } from './build.js';

function recv(s: Snapshot) {
  return SynReceivedRule.evaluate(s, createContext(s));
}
function sent(s: Snapshot) {
  return SynSentRule.evaluate(s, createContext(s));
}

/** Half-open rows on :443 from `n` distinct sources, next to a busy established table. */
function halfOpen(n: number): Snapshot {
  const rows = [
    row('LISTEN', '0.0.0.0:443', '0.0.0.0:*'),
    ...inbound(2000, 'ESTABLISHED', '10.0.0.1:443', '10.1.1.1'),
    ...Array.from({ length: n }, (_, i) =>
      row('SYN_RECEIVED', '10.0.0.1:443', `198.51.${Math.floor(i / 250)}.${i % 250}:40000`),
    ),
  ];
  return table({ rows });
}

describe('SynReceivedRule', () => {
  it('is silent at 63 on one listener, warns at 64 and is critical at 128', () => {
    expect(recv(halfOpen(63))).toBeUndefined();
    expect(recv(halfOpen(64))?.severity).toBe('warn');
    expect(recv(halfOpen(127))?.severity).toBe('warn');
    expect(recv(halfOpen(128))?.severity).toBe('critical');
  });

  it('attributes to the listener and calls many sources a flood', () => {
    const f = recv(halfOpen(200));
    expect(f?.title).toBe('SYN flood or scan on :443: 200 half-open connections from 200 sources');
    expect(f?.next).toContain("ss -ltn '( sport = :443 )'");
    expect(f?.next.join('\n')).toMatch(/TcpExtListenOverflows/);
    expect(f?.caveats.join(' ')).toMatch(/SYN cookies are a fallback/);
  });

  it('calls a few sources a slow accept() or lost ACK, not a flood', () => {
    const rows = [
      ...inbound(2000, 'ESTABLISHED', '10.0.0.1:8080', '10.1.1.1'),
      ...inbound(70, 'SYN_RECEIVED', '10.0.0.1:8080', '10.9.9.9'),
    ];
    const f = recv(table({ rows }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe(
      'SYN_RECEIVED pile-up on :8080: handshakes from a few clients are not completing',
    );
  });

  it('warns on a pasted view of half-open rows on one listener and spots reused source ports', () => {
    const rows = [
      row('SYN_RECEIVED', '10.147.0.6:22', '144.217.57.63:3082'),
      row('SYN_RECEIVED', '10.147.0.6:22', '104.27.156.179:3082'),
      row('SYN_RECEIVED', '10.147.0.6:22', '104.27.145.254:45914'),
      row('SYN_RECEIVED', '10.147.0.6:22', '103.9.179.158:45914'),
    ];
    const f = recv(table({ rows, format: 'ss' }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toContain(':22');
    expect(f?.evidence).toMatch(/same source ports \(3082, 45914\)/);
    expect(recv(table({ rows: rows.slice(0, 2), format: 'ss' }))).toBeUndefined();
  });

  it('warns on a few half-open connections when the kernel logged a SYN flood', () => {
    const counts = { ESTABLISHED: 1000, SYN_RECEIVED: 5 };
    expect(recv(table({ counts }))).toBeUndefined();
    const f = recv(
      table({ counts, extra: { 'log:syn-flooding': 1, 'nstat:ListenOverflows': 42 } }),
    );
    expect(f?.severity).toBe('warn');
    expect(f?.evidence).toContain('ListenOverflows 42');
  });

  it('ignores a few half-open connections on a busy server summary', () => {
    expect(
      recv(summary({ ESTABLISHED: 1036, TIME_WAIT: 12248, SYN_RECEIVED: 20 })),
    ).toBeUndefined();
  });

  it('gives BSD listen-queue commands on FreeBSD', () => {
    const f = recv(summary({ ESTABLISHED: 100, SYN_RECEIVED: 80 }, 'freebsd'));
    expect(f?.next).toContain('netstat -Lan');
  });
});

describe('SynSentRule', () => {
  const est = (n: number) => outbound(n, 'ESTABLISHED', '10.0.0.5:443', '10.0.0.1', {}, 40000);

  it('is silent at 19 toward one destination, warns at 20', () => {
    expect(
      sent(table({ rows: [...est(100), ...outbound(19, 'SYN_SENT', '10.0.0.5:443')] })),
    ).toBeUndefined();
    const f = sent(table({ rows: [...est(100), ...outbound(20, 'SYN_SENT', '10.0.0.5:443')] }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe('SYN_SENT pile-up: 10.0.0.5:443 is not answering connection attempts');
    expect(f?.next).toContain('nc -vz -w 3 10.0.0.5 443');
  });

  it('is critical when pending connects are most of the connections to that destination', () => {
    const f = sent(table({ rows: [...est(5), ...outbound(20, 'SYN_SENT', '10.0.0.5:443')] }));
    expect(f?.severity).toBe('critical');
  });

  it('warns when pending connects dominate a small summary', () => {
    expect(sent(summary({ SYN_SENT: 12, ESTABLISHED: 3 }))?.severity).toBe('warn');
    expect(sent(summary({ SYN_SENT: 9, ESTABLISHED: 3 }))).toBeUndefined();
  });

  it('ignores seven pending connects in a summary of two thousand', () => {
    expect(sent(summary({ SYN_SENT: 7, ESTABLISHED: 358, CLOSE_WAIT: 1721 }))).toBeUndefined();
  });

  it('gives Test-NetConnection on Windows', () => {
    const rows = outbound(25, 'SYN_SENT', '10.0.0.5:1433', '10.0.0.1', {}, 50000);
    const f = sent(table({ rows, os: 'windows', format: 'netstat-windows' }));
    expect(f?.next).toContain('Test-NetConnection 10.0.0.5 -Port 1433');
    expect(f?.caveats.join(' ')).toMatch(/SYN_SEND/);
  });
});
