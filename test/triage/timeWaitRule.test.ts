import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { createContext } from '../../src/triage/context.js';
import { TimeWaitRule } from '../../src/triage/timeWaitRule.js';
import { inbound, outbound, row, summary, table } from './build.js';

function run(s: Snapshot) {
  return TimeWaitRule.evaluate(s, createContext(s));
}

describe('TimeWaitRule: host-wide levels', () => {
  it('is silent at 4,999 and warns at 5,000 (catpaw)', () => {
    expect(run(summary({ ESTABLISHED: 300, TIME_WAIT: 4999 }))).toBeUndefined();
    expect(run(summary({ ESTABLISHED: 300, TIME_WAIT: 5000 }))?.severity).toBe('warn');
  });

  it('is warn at 19,999 and critical at 20,000 on Linux', () => {
    expect(run(summary({ TIME_WAIT: 19999 }))?.severity).toBe('warn');
    expect(run(summary({ TIME_WAIT: 20000 }))?.severity).toBe('critical');
  });

  it('scales the critical level to the smaller Windows range (70% of 16,384)', () => {
    expect(run(summary({ TIME_WAIT: 11468 }, 'windows'))?.severity).toBe('warn');
    expect(run(summary({ TIME_WAIT: 11469 }, 'windows'))?.severity).toBe('critical');
  });

  it('estimates the connection churn from the TIME_WAIT length of the OS', () => {
    expect(run(summary({ TIME_WAIT: 12000 }))?.evidence).toContain('≈200 connections/s');
    expect(run(summary({ TIME_WAIT: 12000 }, 'windows'))?.evidence).toContain('≈50 connections/s');
  });

  it('says nothing about a handful of TIME_WAIT with timers', () => {
    const rows = [
      row('TIME_WAIT', '127.0.0.1:9000', '127.0.0.1:53113', { timer: 'timewait' }),
      row('TIME_WAIT', '127.0.0.1:9000', '127.0.0.1:53114', { timer: 'timewait' }),
    ];
    expect(run(table({ rows }))).toBeUndefined();
    expect(run(summary({ ESTABLISHED: 14, TIME_WAIT: 8 }))).toBeUndefined();
  });
});

describe('TimeWaitRule: kernel signals', () => {
  it('warns below 5,000 when the kernel reports TIME_WAIT bucket overflow', () => {
    const counts = { ESTABLISHED: 300, TIME_WAIT: 3000 };
    expect(run(table({ counts }))).toBeUndefined();
    const f = run(table({ counts, extra: { 'log:time-wait-bucket-overflow': 2 } }));
    expect(f?.severity).toBe('warn');
    expect(f?.evidence).toContain('time wait bucket table overflow');
    expect(run(table({ counts, extra: { 'nstat:TCPTimeWaitOverflow': 17 } }))?.severity).toBe(
      'warn',
    );
  });
});

describe('TimeWaitRule: attribution', () => {
  it('notes, at ok level, a client opening a connection per request to one peer', () => {
    const rows = [
      ...outbound(11, 'TIME_WAIT', '11.1.1.4:6379', '11.1.1.1', {}, 52700),
      ...outbound(2, 'TIME_WAIT', '11.1.1.2:2003', '11.1.1.1', {}, 40500),
    ];
    const f = run(table({ rows }));
    expect(f?.severity).toBe('ok');
    expect(f?.title).toContain('11.1.1.4:6379');
    expect(f?.next).toContain(
      "ss -Htan state time-wait '( dst 11.1.1.4 and dport = :6379 )' | wc -l",
    );
  });

  it('answers a TIME_WAIT count someone grepped for with an ok note and the churn', () => {
    const s = table({
      counts: { TIME_WAIT: 2736 },
      format: 'wc-count',
      command: 'netstat -an | grep TIME_WAIT | wc -l',
    });
    const f = run(s);
    expect(f?.severity).toBe('ok');
    expect(f?.title).toBe(
      '2,736 TIME_WAIT: about 46 short-lived connections per second, normal at this volume',
    );
    expect(run(table({ counts: { TIME_WAIT: 9 }, format: 'wc-count' }))).toBeUndefined();
  });

  it('needs ten sockets to one peer for that note', () => {
    expect(run(table({ rows: outbound(9, 'TIME_WAIT', '11.1.1.4:6379') }))).toBeUndefined();
  });

  it('says the server closes first when TIME_WAIT sits on a listening port', () => {
    const rows = [
      row('LISTEN', '0.0.0.0:80', '0.0.0.0:*'),
      ...inbound(6000, 'TIME_WAIT', '10.0.0.1:80', '10.0.0.9'),
    ];
    const f = run(table({ rows }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe('TIME_WAIT pile-up on :80: the server closes connections first');
    expect(f?.next[0]).toContain("state time-wait '( sport = :80 )'");
  });
});

describe('TimeWaitRule: never sends anyone after a harmful fix', () => {
  for (const os of ['linux', 'unknown'] as const) {
    it(`refutes the Linux myths and never recommends them (${os})`, () => {
      const f = run(summary({ TIME_WAIT: 12248, ESTABLISHED: 1036 }, os));
      const next = f?.next.join('\n') ?? '';
      expect(next).not.toMatch(/tcp_tw_recycle/);
      expect(next).not.toMatch(/sysctl -w|tcp_fin_timeout/);
      const caveats = f?.caveats.join('\n') ?? '';
      expect(caveats).toMatch(/tcp_fin_timeout does not shorten TIME_WAIT/);
      expect(caveats).toMatch(/Do not enable net\.ipv4\.tcp_tw_recycle/);
      expect(caveats).toMatch(/SO_REUSEADDR does not remove TIME_WAIT/);
      expect(caveats).toMatch(/tcp_max_tw_buckets is not a fix/);
    });
  }

  it('gives Windows commands and Windows caveats on Windows', () => {
    const f = run(summary({ TIME_WAIT: 9000 }, 'windows'));
    expect(f?.next).toContain('netsh int ipv4 show dynamicport tcp');
    expect(f?.next.some((c) => c.startsWith('Get-NetTCPConnection -State TimeWait'))).toBe(true);
    expect(f?.caveats.join(' ')).toMatch(/TcpTimedWaitDelay/);
    expect(f?.kb).toContain('windows-tcptimedwaitdelay');
  });

  it('gives the msl sysctl on macOS and FreeBSD', () => {
    expect(run(summary({ TIME_WAIT: 9000 }, 'macos'))?.next.join('\n')).toMatch(
      /sysctl net\.inet\.tcp\.msl/,
    );
    expect(run(summary({ TIME_WAIT: 9000 }, 'freebsd'))?.next.join('\n')).toMatch(
      /net\.inet\.tcp\.maxtcptw/,
    );
  });

  it('gives ndd on Solaris', () => {
    expect(run(summary({ TIME_WAIT: 9000 }, 'solaris'))?.next).toContain(
      'ndd -get /dev/tcp tcp_time_wait_interval',
    );
  });
});
