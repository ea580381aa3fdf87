// The WebAssembly row scanner must be a pure speed-up: whatever bytes arrive, and however
// they are cut into chunks, the reader must give the same Snapshot with it as without it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText, SocketTableReader } from '../../src/netstat/index.js';
import { RowScanner } from '../../src/netstat/rowScanner.js';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { SAMPLE_COUNTS, samplePaste } from './samples.js';

/** The bytes of text cut at the given offsets. */
function chunks(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(bytes.length, cut);
    if (to <= at) continue;
    out.push(bytes.subarray(at, to));
    at = to;
  }
  out.push(bytes.subarray(at));
  return out;
}

/** The reference: every line read by the TypeScript reader. */
function readAsText(text: string, cuts: number[] = []): Snapshot {
  const reader = new SocketTableReader({}, { byteScanner: false });
  for (const c of chunks(text, cuts)) reader.push(c.toString('latin1'));
  return reader.end();
}

/** Through the scanner, the bytes cut at the given offsets. */
function readInChunks(text: string, cuts: number[]): Snapshot {
  const reader = new SocketTableReader();
  for (const c of chunks(text, cuts)) reader.pushBytes(c);
  return reader.end();
}

const PROGRAMS = [
  '31014/java',
  '812/nginx: worker',
  '2231/node',
  '-',
  '977/postgres',
  '12/ünïcode',
];
const STATES = [
  'ESTABLISHED',
  'TIME_WAIT',
  'CLOSE_WAIT',
  'LISTEN',
  'SYN_RECV',
  'FIN_WAIT2',
  'established',
  'VERBUNDEN',
];

/** One Linux netstat row, mostly well formed, sometimes odd in one field. */
const row = fc
  .record({
    proto: fc.constantFrom('tcp', 'tcp6', 'tcp ', 'udp'),
    rq: fc.oneof(fc.nat({ max: 700 }), fc.constant(1234567890123)),
    sq: fc.nat({ max: 30_000 }),
    local: fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 70_000 })),
    remote: fc.oneof(
      fc.tuple(fc.nat({ max: 300 }), fc.nat({ max: 65_535 })).map(([h, p]) => `10.0.${h}.9:${p}`),
      fc.constantFrom(
        '0.0.0.0:*',
        '*:*',
        '[::1]:443',
        'db.internal:postgresql',
        '::ffff:10.1.2.3:80',
      ),
    ),
    state: fc.constantFrom(...STATES),
    tail: fc.constantFrom(
      ...PROGRAMS,
      'off (0.00/0/0)',
      '1000 12345 99/x',
      'tcp 0 0 1.2.3.4:5 6.7.8.9:10 LISTEN',
    ),
    pad: fc.constantFrom(' ', '   ', '\t', '          '),
    end: fc.constantFrom('', ' ', '\r', '  \r', '`'),
  })
  .map(
    (r) =>
      `${r.proto}${r.pad}${r.rq}${r.pad}${r.sq} 10.0.3.${r.local[0]}:${r.local[1]}${r.pad}${r.remote}${r.pad}${r.state}${r.pad}${r.tail}${r.end}`,
  );

/** Other lines a paste mixes in. */
const other = fc.constantFrom(
  'Active Internet connections (servers and established)',
  'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name',
  'Active UNIX domain sockets (servers and established)',
  'unix  2      [ ACC ]     STREAM     LISTENING     20621    1/systemd   /run/x',
  'Active Internet connections (w/o servers)',
  '> tcp 0 0 10.0.0.1:22 10.0.0.2:5555 ESTABLISHED',
  '```',
  '$ netstat -tanp',
  '',
  '\tusers:(("sshd",pid=1,fd=3))',
  '[svchost.exe]',
);

describe('row scanner', () => {
  it('is built and loaded (the reader would silently be slow without it)', () => {
    expect(RowScanner.shared()).toBeDefined();
  });

  it('gives the same Snapshot as the text reader on every sample paste', () => {
    for (const file of Object.keys(SAMPLE_COUNTS)) {
      const text = samplePaste(file);
      expect(readText(text), file).toEqual(readAsText(text));
    }
  });

  it('gives the same Snapshot as the text reader on generated listings cut anywhere (3,000 inputs)', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: row }, { weight: 1, arbitrary: other }), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat({ max: 4000 }), { maxLength: 5 }),
        (lines, eol, cuts) => {
          const text = lines.join(eol);
          expect(readInChunks(text, cuts)).toEqual(readAsText(text, cuts));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('reads rows it parses with the right fields', () => {
    const s = readText(
      'tcp        5      0 10.0.3.17:8080          10.0.1.15:50007         CLOSE_WAIT  31014/java\n',
    );
    expect(s.counts.CLOSE_WAIT).toBe(1);
    const d = s.details.CLOSE_WAIT;
    expect(d?.byLocalPort[0]).toMatchObject({ key: '8080', count: 1, recvQ: 5 });
    expect(d?.byRemoteEndpoint[0]?.key).toBe('10.0.1.15:50007');
    expect(d?.byProcess[0]?.key).toBe('java (pid 31014)');
  });

  it('reads a line longer than the scanner takes, between rows, whole or cut into chunks', () => {
    const long = `x${'y'.repeat(1_200_000)}`;
    const rowText = 'tcp 0 0 10.0.0.1:22 10.0.0.2:5555 ESTABLISHED -';
    const text = `${rowText}\n${long}\n${rowText}\n`;
    for (const cuts of [[], [100, 700_000, 1_100_000]]) {
      const s = readInChunks(text, cuts);
      expect(s.counts.ESTABLISHED).toBe(2);
      expect(s).toEqual(readAsText(text, cuts));
    }
  });
});
