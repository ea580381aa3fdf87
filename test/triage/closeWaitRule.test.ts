import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { CloseWaitRule } from '../../src/triage/closeWaitRule.js';
import type { TriageOptions } from '../../src/triage/context.js';
import { createContext } from '../../src/triage/context.js';
import { describeProcess } from '../../src/triage/format.js';
import { inbound, outbound, row, summary, table } from './build.js';

function run(s: Snapshot, options?: TriageOptions) {
  return CloseWaitRule.evaluate(s, createContext(s, options));
}

describe('CloseWaitRule: absolute levels (catpaw 100 / 1000)', () => {
  it('stays below warn at 99 on a busy table and warns at 100', () => {
    expect(run(summary({ ESTABLISHED: 2000, CLOSE_WAIT: 99 }))?.severity).toBe('ok');
    expect(run(summary({ ESTABLISHED: 2000, CLOSE_WAIT: 100 }))?.severity).toBe('warn');
  });

  it('is warn at 999 and critical at 1000', () => {
    expect(run(summary({ ESTABLISHED: 5000, CLOSE_WAIT: 999 }))?.severity).toBe('warn');
    expect(run(summary({ ESTABLISHED: 5000, CLOSE_WAIT: 1000 }))?.severity).toBe('critical');
  });

  it('says nothing about a few transitional CLOSE_WAIT in a summary', () => {
    expect(run(summary({ ESTABLISHED: 40, CLOSE_WAIT: 9 }))).toBeUndefined();
    expect(run(summary({ ESTABLISHED: 40 }))).toBeUndefined();
  });

  it('reads a summary where CLOSE_WAIT dominates as a leak once past the transitional level', () => {
    expect(run(summary({ ESTABLISHED: 5, CLOSE_WAIT: 12 }))?.severity).toBe('warn');
    expect(run(summary({ ESTABLISHED: 30, CLOSE_WAIT: 12 }))?.severity).toBe('ok');
  });

  it('goes critical at 100 when one owner holds them with unread Recv-Q', () => {
    const rows = inbound(100, 'CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9', {
      recvQ: 200,
      process: '31014/java',
    });
    const s = table({
      rows: [...rows, ...inbound(400, 'ESTABLISHED', '10.0.0.1:8080', '10.0.0.8')],
    });
    expect(run(s)?.severity).toBe('critical');
  });
});

describe('CloseWaitRule: a pasted view of CLOSE_WAIT rows', () => {
  const javaRows = (n: number, recvQ: number) =>
    inbound(n, 'CLOSE_WAIT', '10.171.12.150:8080', '10.171.12.184', {
      recvQ,
      process: '31014/java',
    });

  it('warns on three rows of one process with unread data, not on two', () => {
    expect(run(table({ rows: javaRows(3, 120) }))?.severity).toBe('warn');
    expect(run(table({ rows: javaRows(2, 120) }))).toBeUndefined();
  });

  it('needs both one owner and unread data for a small view to warn', () => {
    expect(run(table({ rows: javaRows(5, 0) }))?.severity).toBe('ok');
    const scattered = [
      row('CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9:50001', { recvQ: 5, process: '1/a' }),
      row('CLOSE_WAIT', '10.0.0.1:9090', '10.0.0.8:50002', { recvQ: 5, process: '2/b' }),
      row('CLOSE_WAIT', '10.0.0.1:7070', '10.0.0.7:50003', { recvQ: 5, process: '3/c' }),
    ];
    expect(run(table({ rows: scattered }))?.severity).toBe('ok');
  });

  it('treats a grep for the state as a selection even next to other rows', () => {
    const s = table({
      rows: [...javaRows(4, 90), ...inbound(6, 'ESTABLISHED', '10.0.0.1:8080', '10.0.0.5')],
      command: 'netstat -pant | egrep CLOSE_WAIT',
    });
    const f = run(s);
    expect(f?.severity).toBe('warn');
    expect(f?.evidence).toContain('egrep CLOSE_WAIT');
  });

  it('names the process and port in the title and fills them into the commands', () => {
    const f = run(table({ rows: javaRows(14, 300), command: 'netstat -pant | egrep CLOSE_WAIT' }));
    expect(f?.title).toBe(
      'CLOSE_WAIT pile-up: java (pid 31014) on :8080 is not closing sockets its clients closed',
    );
    expect(f?.evidence).toMatch(/unread bytes in Recv-Q on all 14/);
    expect(f?.next).toContain("ss -tanp state close-wait '( sport = :8080 )'");
    expect(f?.next).toContain('lsof -nP -p 31014 -a -iTCP -sTCP:CLOSE_WAIT');
    expect(f?.next.some((c) => c.startsWith('jstack 31014'))).toBe(true);
  });

  it('lists the few ports that hold the sockets when none dominates alone', () => {
    const rows = [
      ...inbound(7, 'CLOSE_WAIT', '10.0.0.1:8445', '10.0.0.9', {
        recvQ: 190,
        process: '31014/java',
      }),
      ...inbound(6, 'CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.8', {
        recvQ: 90,
        process: '31014/java',
      }),
    ];
    expect(run(table({ rows }))?.title).toContain('java (pid 31014) on :8445/:8080');
  });

  it('names the upstream when this host is the client holding closed connections', () => {
    const rows = outbound(150, 'CLOSE_WAIT', '10.0.0.5:5432', '10.0.0.1', { process: '77/python' });
    const f = run(
      table({
        rows: [...rows, ...outbound(50, 'ESTABLISHED', '10.0.0.5:5432', '10.0.0.1', {}, 40000)],
      }),
    );
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe(
      'CLOSE_WAIT pile-up: python (pid 77) is not closing connections 10.0.0.5:5432 closed',
    );
    expect(f?.evidence).toContain('150 different local ports; peers 10.0.0.5:5432 ×150');
    expect(f?.cause).toMatch(/pool/);
    expect(f?.next[0]).toBe("ss -tanp state close-wait '( dst 10.0.0.5 and dport = :5432 )'");
  });

  it('leaves a desktop with 6 ESTABLISHED and 2 CLOSE_WAIT alone', () => {
    const rows = [
      ...outbound(
        6,
        'ESTABLISHED',
        '140.82.114.4:443',
        '192.168.1.191',
        { process: '9811' },
        52029,
      ),
      ...outbound(
        2,
        'CLOSE_WAIT',
        '140.82.114.4:443',
        '192.168.1.191',
        { recvQ: 24, process: '9811' },
        52036,
      ),
    ];
    expect(run(table({ rows, os: 'macos', format: 'netstat-bsd' }))).toBeUndefined();
  });
});

describe('CloseWaitRule: growth', () => {
  it('calls a steadily growing series a leak, whatever its size', () => {
    const f = run(
      table({ series: { state: 'CLOSE_WAIT', values: [5, 8, 12, 20], intervalSeconds: 60 } }),
    );
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toMatch(/rising 5 → 8 → 12 → 20 over 4 samples \(\+5\/min\)/);
  });

  it('does not call jitter growth', () => {
    expect(run(table({ series: { state: 'CLOSE_WAIT', values: [5, 4, 6] } }))).toBeUndefined();
  });

  it('compares with the previous paste', () => {
    const before = summary({ ESTABLISHED: 2000, CLOSE_WAIT: 150 });
    const now = summary({ ESTABLISHED: 2000, CLOSE_WAIT: 300 });
    expect(run(now)?.severity).toBe('warn');
    const f = run(now, { previous: before });
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('since the previous paste');
  });
});

describe('CloseWaitRule: commands per OS and caveats', () => {
  const rows = inbound(120, 'CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9', { process: '4356' });

  it('gives PowerShell and netstat -ano on Windows', () => {
    const f = run(table({ rows, os: 'windows', format: 'netstat-windows' }));
    expect(f?.next).toContain(
      'Get-NetTCPConnection -State CloseWait -LocalPort 8080 | Group-Object OwningProcess | Sort-Object Count -Descending',
    );
    expect(f?.next).toContain('netstat -ano | findstr CLOSE_WAIT');
    expect(f?.next).toContain('Get-Process -Id 4356');
    expect(f?.next.join('\n')).not.toMatch(/\bss -|lsof/);
  });

  it('gives netstat -p tcp and lsof on macOS', () => {
    const f = run(table({ rows, os: 'macos', format: 'netstat-bsd' }));
    expect(f?.next[0]).toBe("netstat -an -p tcp | grep CLOSE_WAIT | grep '\\.8080 '");
    expect(f?.next).toContain('lsof -nP -p 4356 -a -iTCP -sTCP:CLOSE_WAIT');
  });

  it('refutes the sysctl and reboot myths', () => {
    const f = run(summary({ ESTABLISHED: 10, CLOSE_WAIT: 500 }));
    expect(f?.caveats.join(' ')).toMatch(/fixed in the application, not with sysctl/);
    expect(f?.caveats.join(' ')).toMatch(/reboot/);
    expect(f?.kb).toContain('close-wait-leak-fix');
  });
});

describe('process names', () => {
  it('never names pid 0 (Windows TIME_WAIT rows) or "-" as an owner', () => {
    expect(describeProcess('0')).toBeUndefined();
    expect(describeProcess('-')).toBeUndefined();
    expect(describeProcess('31014/java')).toBe('java (pid 31014)');
    expect(describeProcess('4356')).toBe('pid 4356');
  });
});
