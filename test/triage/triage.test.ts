import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { commandSelects } from '../../src/triage/context.js';
import { headline, orderFindings, RULES, triage } from '../../src/triage/index.js';
import type { Finding, FindingId } from '../../src/triage/verdict.js';
import { inbound, outbound, row, summary, table } from './build.js';

/** KB article ids the project's knowledge base defines (DESIGN.md topics). */
const KB_IDS = new Set(
  'listen syn-sent syn-received established fin-wait-1 fin-wait-2 close-wait closing last-ack time-wait closed close-sequence who-closes-first half-close-shutdown rst-abort time-wait-2msl time-wait-reduce-linux tcp-tw-reuse tcp-tw-recycle tcp-fin-timeout tcp-max-tw-buckets so-reuseaddr so-linger ephemeral-port-exhaustion close-wait-leak-fix close-wait-clear-now syn-flood-syncookies listen-backlog windows-tcptimedwaitdelay windows-maxuserport keepalive-connection-pooling tcp-keepalive orphan-sockets netstat-vs-ss'.split(
    ' ',
  ),
);

const ALL_IDS: FindingId[] = [
  'close-wait-pileup',
  'time-wait-pileup',
  'port-exhaustion',
  'fin-wait-1-pileup',
  'fin-wait-2-pileup',
  'syn-received-flood',
  'syn-sent-pileup',
  'last-ack-pileup',
  'closing-pileup',
  'established-high',
  'closed-leak',
];

function finding(id: FindingId, severity: Finding['severity'], weight: number): Finding {
  return {
    id,
    severity,
    weight,
    state: 'CLOSE_WAIT',
    title: id,
    evidence: '',
    cause: '',
    next: [],
    caveats: [],
    kb: [],
  };
}

describe('triage: healthy tables raise nothing at warn or above', () => {
  it('passes a workstation, a port inventory and a desktop', () => {
    const workstation = table({
      rows: [
        row('LISTEN', '0.0.0.0:22', '0.0.0.0:*'),
        row('LISTEN', '127.0.0.1:631', '0.0.0.0:*'),
        row('LISTEN', '127.0.0.1:3306', '0.0.0.0:*'),
        row('ESTABLISHED', '192.168.1.103:22', '192.168.1.102:53591'),
      ],
    });
    const v = triage(workstation);
    expect(v.severity).toBe('ok');
    expect(v.findings).toEqual([]);
    expect(v.headline).toBe('Looks healthy: 3 LISTEN, 1 ESTABLISHED');

    const desktop = table({
      rows: [
        ...outbound(6, 'ESTABLISHED', '31.13.66.35:443', '192.168.1.191', {}, 52040),
        ...outbound(2, 'CLOSE_WAIT', '140.82.114.4:443', '192.168.1.191', {
          recvQ: 24,
          process: '9811',
        }),
      ],
      os: 'macos',
    });
    expect(triage(desktop).severity).toBe('ok');
  });

  it('passes a busy web server with a few transient closing states', () => {
    const s = table({
      rows: [
        row('LISTEN', '0.0.0.0:443', '0.0.0.0:*'),
        ...inbound(500, 'ESTABLISHED', '10.0.0.1:443', '10.1.1.1'),
        ...inbound(300, 'TIME_WAIT', '10.0.0.1:443', '10.1.2.2'),
        ...inbound(3, 'CLOSE_WAIT', '10.0.0.1:443', '10.1.3.3', { recvQ: 1 }),
        ...inbound(2, 'FIN_WAIT_2', '10.0.0.1:443', '10.1.4.4'),
        row('LAST_ACK', '10.0.0.1:443', '10.1.5.5:40001'),
        row('SYN_RECEIVED', '10.0.0.1:443', '10.1.6.6:40002'),
      ],
    });
    expect(triage(s).findings.filter((f) => f.severity !== 'ok')).toEqual([]);
  });

  it('holds for any summary within the normal ranges (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          LISTEN: fc.integer({ min: 0, max: 60 }),
          ESTABLISHED: fc.integer({ min: 1, max: 20000 }),
          TIME_WAIT: fc.integer({ min: 0, max: 4999 }),
          CLOSE_WAIT: fc.integer({ min: 0, max: 9 }),
          FIN_WAIT_1: fc.integer({ min: 0, max: 2 }),
          FIN_WAIT_2: fc.integer({ min: 0, max: 2 }),
          LAST_ACK: fc.integer({ min: 0, max: 2 }),
          CLOSING: fc.integer({ min: 0, max: 2 }),
          SYN_RECEIVED: fc.integer({ min: 0, max: 10 }),
          SYN_SENT: fc.integer({ min: 0, max: 5 }),
        }),
        (counts) => triage(summary(counts)).severity === 'ok',
      ),
      { numRuns: 200 },
    );
  });
});

describe('triage: verdict', () => {
  it('takes the worst severity and orders findings most severe first, then by weight', () => {
    const s = summary({ ESTABLISHED: 1000, CLOSE_WAIT: 1500, TIME_WAIT: 9000, FIN_WAIT_2: 400 });
    const v = triage(s);
    expect(v.severity).toBe('critical');
    expect(v.findings.map((f) => `${f.id}:${f.severity}`)).toEqual([
      'close-wait-pileup:critical',
      'time-wait-pileup:warn',
      'fin-wait-2-pileup:warn',
    ]);
  });

  it('puts an application leak ahead of traffic-shaped states of the same severity', () => {
    const v = triage(summary({ ESTABLISHED: 300, CLOSE_WAIT: 150, TIME_WAIT: 6000 }));
    expect(v.findings.map((f) => `${f.id}:${f.severity}`)).toEqual([
      'close-wait-pileup:warn',
      'time-wait-pileup:warn',
    ]);
  });

  it('puts port exhaustion ahead of the TIME_WAIT finding it explains', () => {
    const rows = outbound(9000, 'TIME_WAIT', '10.1.1.20:1433', '10.1.1.5', {}, 49152);
    const v = triage(table({ rows, os: 'windows', format: 'netstat-windows' }));
    expect(v.findings.map((f) => f.id)).toEqual(['port-exhaustion', 'time-wait-pileup']);
    expect(v.headline).toMatch(/^Port exhaustion: 10\.1\.1\.20:1433/);
  });

  it('does not count the ss -s "closed" figure as connections', () => {
    const s = table({
      counts: { ESTABLISHED: 312, CLOSED: 28001, TIME_WAIT: 27990 },
      format: 'ss-summary',
    });
    const tw = triage(s).findings[0];
    expect(tw?.id).toBe('time-wait-pileup');
    expect(tw?.evidence).toContain('(99% of 28,302 connections)');
  });

  it('breaks severity ties by weight', () => {
    const ordered = orderFindings([
      finding('fin-wait-2-pileup', 'warn', 17),
      finding('syn-sent-pileup', 'ok', 90),
      finding('time-wait-pileup', 'warn', 75),
      finding('closed-leak', 'critical', 1),
    ]);
    expect(ordered.map((f) => f.id)).toEqual([
      'closed-leak',
      'time-wait-pileup',
      'fin-wait-2-pileup',
      'syn-sent-pileup',
    ]);
  });

  it('headlines the first serious finding and counts the rest', () => {
    const v = triage(
      summary({ TIME_WAIT: 12248, ESTABLISHED: 1036, FIN_WAIT_2: 2766, LISTEN: 46 }),
    );
    expect(v.headline).toBe(
      'TIME_WAIT pile-up: 12,248 sockets, about 204 new connections per second (+1 more finding)',
    );
  });

  it('headlines the culprit of a raw listing', () => {
    const rows = inbound(14, 'CLOSE_WAIT', '10.171.12.150:8080', '10.171.12.184', {
      recvQ: 113,
      process: '31014/java',
    });
    expect(triage(table({ rows })).headline).toBe(
      'CLOSE_WAIT pile-up: java (pid 31014) on :8080 is not closing sockets its clients closed',
    );
  });

  it('mentions an ok note in a healthy headline', () => {
    const v = triage(table({ rows: outbound(12, 'TIME_WAIT', '11.1.1.4:6379') }));
    expect(v.severity).toBe('ok');
    expect(v.headline).toMatch(/^Looks healthy: 12 TIME_WAIT; note: .*11\.1\.1\.4:6379/);
  });

  it('says so when there is nothing TCP in the input', () => {
    const v = triage(table({ rows: [] }));
    expect(v.headline).toBe('No TCP sockets found in this input');
    expect(v.severity).toBe('ok');
    expect(headline(summary({ LISTEN: 2 }), [])).toBe('Looks healthy: 2 LISTEN');
  });

  it('passes the reader warnings through and copies counts', () => {
    const s = table({ counts: { ESTABLISHED: 3 }, warnings: ['2 lines could not be read'] });
    const v = triage(s);
    expect(v.warnings).toEqual(['2 lines could not be read']);
    expect(v.counts.ESTABLISHED).toBe(3);
    expect(v.total).toBe(3);
    expect(v.format).toBe('uniq-count');
  });

  it('gives a wc -l series a growth rate per minute', () => {
    const s = table({
      series: { state: 'CLOSE_WAIT', values: [40, 52, 61, 75], intervalSeconds: 30 },
      command: 'while true; do netstat -an | grep CLOSE_WAIT | wc -l; sleep 30; done',
    });
    const v = triage(s);
    expect(v.severity).toBe('critical');
    expect(v.findings[0]?.evidence).toContain('(+23/min)');
  });

  it('is pure: the snapshot is not changed', () => {
    const s = table({ rows: inbound(120, 'CLOSE_WAIT', '10.0.0.1:80', '10.0.0.2') });
    const before = structuredClone(s);
    triage(s, { previous: summary({ CLOSE_WAIT: 10 }) });
    expect(s).toEqual(before);
  });
});

describe('rules', () => {
  it('has exactly one rule per finding id', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...ALL_IDS].sort());
  });

  it('fills every finding with evidence, cause, commands, caveats and known KB ids', () => {
    const snapshots: Snapshot[] = [
      summary({ ESTABLISHED: 40000, CLOSE_WAIT: 2000, TIME_WAIT: 25000, FIN_WAIT_2: 900 }),
      summary({ ESTABLISHED: 1000, FIN_WAIT_1: 600, LAST_ACK: 600, CLOSING: 600, CLOSED: 200 }),
      summary({ ESTABLISHED: 1000, SYN_RECEIVED: 300, SYN_SENT: 300 }),
      table({ rows: outbound(20000, 'TIME_WAIT', '10.0.0.5:443') }),
    ];
    const seen = new Set<string>();
    for (const os of ['linux', 'windows', 'macos', 'freebsd', 'solaris'] as const) {
      for (const s of snapshots) {
        for (const f of triage({ ...s, os }).findings) {
          seen.add(f.id);
          expect(f.title.length).toBeGreaterThan(10);
          expect(f.evidence).toMatch(/Threshold: /);
          expect(f.cause.length).toBeGreaterThan(40);
          expect(f.next.length).toBeGreaterThan(0);
          expect(f.caveats.length).toBeGreaterThan(0);
          for (const k of f.kb)
            expect(KB_IDS.has(k), `${f.id} links unknown KB id ${k}`).toBe(true);
          for (const c of f.next) expect(c).not.toMatch(/tcp_tw_recycle|sysctl -w/);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ALL_IDS].sort());
  });
});

describe('commandSelects', () => {
  it('recognises filters for a state in netstat and ss spellings, and not grep -v', () => {
    expect(commandSelects('netstat -pant | egrep CLOSE_WAIT', 'CLOSE_WAIT')).toBe(true);
    expect(commandSelects('ss -tan state close-wait', 'CLOSE_WAIT')).toBe(true);
    expect(commandSelects('netstat -an | grep FIN_WAIT2 | wc -l', 'FIN_WAIT_2')).toBe(true);
    expect(commandSelects('netstat -an | grep SYN_RECV', 'SYN_RECEIVED')).toBe(true);
    expect(commandSelects('netstat -an | grep -v TIME_WAIT', 'TIME_WAIT')).toBe(false);
    expect(commandSelects('netstat -an | grep 3000', 'CLOSE_WAIT')).toBe(false);
    expect(commandSelects(undefined, 'CLOSE_WAIT')).toBe(false);
  });
});
