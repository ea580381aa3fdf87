import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { createContext } from '../../src/triage/context.js';
import { FinWait2Rule } from '../../src/triage/finWait2Rule.js';
import { inbound, outbound, row, summary, table } from './build.js';

function run(s: Snapshot) {
  return FinWait2Rule.evaluate(s, createContext(s));
}

describe('FinWait2Rule: counts and shares together', () => {
  it('warns at 50 when they are at least 1% of connections', () => {
    expect(run(summary({ ESTABLISHED: 951, FIN_WAIT_2: 49 }))).toBeUndefined();
    expect(run(summary({ ESTABLISHED: 950, FIN_WAIT_2: 50 }))?.severity).toBe('warn');
  });

  it('stays quiet about 50 on a table of 10,000 connections (0.5%)', () => {
    expect(run(summary({ ESTABLISHED: 9950, FIN_WAIT_2: 50 }))).toBeUndefined();
  });

  it('warns when FIN_WAIT_2 dominates a small summary past the transitional count', () => {
    expect(run(summary({ ESTABLISHED: 5, FIN_WAIT_2: 12 }))?.severity).toBe('warn');
    expect(run(summary({ ESTABLISHED: 1, FIN_WAIT_2: 9 }))).toBeUndefined();
  });

  it('warns on a grep of ten FIN_WAIT_2 rows on one port, unless their orphan timers run', () => {
    const command = 'netstat -ant | grep FIN_WAIT2';
    const rows = inbound(10, 'FIN_WAIT_2', '10.0.0.1:80', '10.2.2.2');
    expect(run(table({ rows, command }))?.severity).toBe('warn');
    const reaped = inbound(10, 'FIN_WAIT_2', '10.0.0.1:80', '10.2.2.2', { timer: 'timewait' });
    expect(run(table({ rows: reaped, command }))).toBeUndefined();
    expect(run(table({ rows: rows.slice(0, 9), command }))).toBeUndefined();
  });

  it('never goes critical on a summary count alone (orphans are cheap mini-sockets)', () => {
    const f = run(summary({ TIME_WAIT: 12248, ESTABLISHED: 1036, FIN_WAIT_2: 2766 }));
    expect(f?.severity).toBe('warn');
    expect(f?.cause).toMatch(/tcp_fin_timeout/);
  });
});

describe('FinWait2Rule: sockets the application still holds', () => {
  const node = (n: number, timer = 'off') =>
    inbound(n, 'FIN_WAIT_2', '10.0.0.1:80', '10.2.2.2', { process: '26375/node', timer });

  it('warns on a pasted view of four rows held by one process (timer off), not on two', () => {
    const f = run(table({ rows: node(4) }));
    expect(f?.severity).toBe('warn');
    expect(f?.title).toBe(
      'FIN_WAIT_2 pile-up: node (pid 26375) on :80 half-closed connections and never finishes closing them',
    );
    expect(f?.evidence).toContain('timer off on all 4');
    expect(f?.next).toContain("ss -tanop state fin-wait-2 '( sport = :80 )'");
    expect(f?.next).toContain('lsof -nP -p 26375 -a -iTCP -sTCP:FIN_WAIT2');
    expect(run(table({ rows: node(2) }))).toBeUndefined();
  });

  it('leaves orphans with a running timer to tcp_fin_timeout', () => {
    const rows = inbound(4, 'FIN_WAIT_2', '10.0.0.1:80', '10.2.2.2', { timer: 'timewait' });
    expect(run(table({ rows }))).toBeUndefined();
  });

  it('goes critical at 1,000 held sockets, like a CLOSE_WAIT leak', () => {
    const rows = [...node(1000), ...inbound(2000, 'ESTABLISHED', '10.0.0.1:80', '10.3.3.3')];
    expect(run(table({ rows }))?.severity).toBe('critical');
    const fewer = [...node(999), ...inbound(2000, 'ESTABLISHED', '10.0.0.1:80', '10.3.3.3')];
    expect(run(table({ rows: fewer }))?.severity).toBe('warn');
  });

  it('explains why tcp_fin_timeout does not apply to held sockets', () => {
    const f = run(table({ rows: node(5) }));
    expect(f?.caveats.join(' ')).toMatch(/only reaps orphaned FIN_WAIT_2/);
    expect(f?.caveats.join(' ')).toMatch(/never shortens TIME_WAIT/);
    expect(f?.kb).toContain('half-close-shutdown');
  });

  it('names the upstream when this host is the client', () => {
    const rows = [
      ...outbound(80, 'FIN_WAIT_2', '10.0.0.7:9000'),
      ...outbound(100, 'ESTABLISHED', '10.0.0.7:9000', '10.0.0.1', {}, 45000),
    ];
    const f = run(table({ rows }));
    expect(f?.title).toBe('FIN_WAIT_2 pile-up: 10.0.0.7:9000 never closes its side');
  });

  it('gives Get-NetTCPConnection on Windows', () => {
    const rows = inbound(60, 'FIN_WAIT_2', '10.0.0.1:443', '10.2.2.2');
    const f = run(
      table({ rows: [...rows, row('LISTEN', '0.0.0.0:443', '0.0.0.0:0')], os: 'windows' }),
    );
    expect(f?.next[0]).toMatch(/^Get-NetTCPConnection -State FinWait2 -LocalPort 443/);
  });
});
