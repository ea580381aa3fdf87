// The WebAssembly tallies against a plain model: per-state counts, queue stats, ports and
// capped keyed tables must be exactly what a straightforward Map-based count gives, and a
// run folded from scanner records must equal the same rows folded one at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCAN_RECORD } from '../../src/netstat/scanRecord.js';
import { SCALAR, TABLE, Tallies, type TallyEntry } from '../../src/netstat/tallies.js';

interface Row {
  si: number;
  port: number;
  ip: number;
  remotePort: number;
  rq: number;
  sq: number;
  proc: number | undefined;
}

/** A capped count of keys, admitting keys in order of first appearance. */
class ModelTable {
  readonly map = new Map<string, { a: number; b: number; count: number; rq: number; sq: number }>();
  capped = false;
  constructor(private readonly cap: number) {}
  add(a: number, b: number, rq: number, sq: number): boolean {
    const key = `${a}/${b}`;
    const t = this.map.get(key);
    if (t) {
      t.count++;
      t.rq += rq;
      t.sq += sq;
      return false;
    }
    if (this.map.size >= this.cap) {
      this.capped = true;
      return false;
    }
    this.map.set(key, { a, b, count: 1, rq, sq });
    return true;
  }
}

class ModelState {
  records = 0;
  readonly scalars = new Array<number>(12).fill(0);
  readonly ports = new Map<number, { count: number; rq: number; sq: number }>();
  readonly tables: ModelTable[];
  constructor(cap: number) {
    this.tables = [new ModelTable(cap), new ModelTable(cap), new ModelTable(cap)];
  }
}

/** What Tallies.foldRow should do, written the obvious way. */
function modelFold(states: Map<number, ModelState>, cap: number, r: Row): boolean {
  let s = states.get(r.si);
  if (!s) {
    s = new ModelState(cap);
    states.set(r.si, s);
  }
  const v = s.scalars;
  const add = (k: number, by = 1) => {
    v[k] = (v[k] ?? 0) + by;
  };
  add(SCALAR.records);
  for (const [q, total, max, nonZero] of [
    [r.rq, SCALAR.recvQTotal, SCALAR.recvQMax, SCALAR.recvQNonZero],
    [r.sq, SCALAR.sendQTotal, SCALAR.sendQMax, SCALAR.sendQNonZero],
  ] as const) {
    if (q > 0) {
      add(total, q);
      add(nonZero);
      v[max] = Math.max(v[max] ?? 0, q);
    }
  }
  if (r.port >= 0) {
    const p = s.ports.get(r.port) ?? { count: 0, rq: 0, sq: 0 };
    if (p.count === 0) add(SCALAR.distinctPorts);
    p.count++;
    p.rq += r.rq;
    p.sq += r.sq;
    s.ports.set(r.port, p);
    if (r.port >= 1024) add(SCALAR.atLeast1024);
    if (r.port >= 10000) add(SCALAR.atLeast10000);
    if (r.port >= 32768) add(SCALAR.atLeast32768);
    if (r.port >= 49152) add(SCALAR.atLeast49152);
  }
  if (r.ip > 0) {
    s.tables[TABLE.hosts]?.add(r.ip | 0, 0, r.rq, r.sq);
    if (r.remotePort >= 0) s.tables[TABLE.endpoints]?.add(r.ip | 0, r.remotePort, r.rq, r.sq);
  }
  return r.proc !== undefined && (s.tables[TABLE.processes]?.add(r.proc, 0, r.rq, r.sq) ?? false);
}

const byKey = (x: TallyEntry, y: TallyEntry) => x.a - y.a || x.b - y.b;

const row = (ports: number, keys: number) =>
  fc.record({
    si: fc.nat({ max: 10 }),
    port: fc.oneof(fc.constant(-1), fc.nat({ max: ports }), fc.constant(65535)),
    ip: fc.oneof(
      fc.constant(-1),
      fc.nat({ max: keys }).map((k) => 0x0a000000 + k),
    ),
    remotePort: fc.oneof(fc.constant(-1), fc.nat({ max: 3 })),
    rq: fc.oneof(fc.constant(0), fc.nat({ max: 900 })),
    sq: fc.oneof(fc.constant(0), fc.nat({ max: 900 })),
    proc: fc.oneof(fc.constant(undefined), fc.nat({ max: keys })),
  });

describe('tallies', () => {
  it('match a Map-based model, caps and table growth included (300 sequences)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(row(65_535, 600), { maxLength: 1500 }),
        (cap, rows) => {
          const t = Tallies.acquire(cap);
          try {
            const model = new Map<number, ModelState>();
            for (const r of rows) {
              t.countRow(r.si);
              const fresh = t.foldRow(r.si, r.port, r.ip, r.remotePort, r.rq, r.sq, r.proc);
              expect(fresh).toBe(modelFold(model, cap, r));
            }
            for (let si = 0; si < 11; si++) {
              const m = model.get(si);
              expect(t.rows(si)).toBe(rows.filter((r) => r.si === si).length);
              expect(t.hasState(si)).toBe(m !== undefined);
              if (!m) continue;
              for (let k = 0; k < 12; k++) expect(t.scalar(si, k)).toBe(m.scalars[k]);
              for (const table of [TABLE.hosts, TABLE.endpoints, TABLE.processes]) {
                const mt = m.tables[table] as ModelTable;
                expect(t.tableSize(si, table)).toBe(mt.map.size);
                expect(t.tableCapped(si, table)).toBe(mt.capped);
                const all = t.topTable(si, table, -1).sort(byKey);
                const want = [...mt.map.values()]
                  .map((e) => ({ a: e.a, b: e.b, count: e.count, recvQ: e.rq, sendQ: e.sq }))
                  .sort(byKey);
                expect(all).toEqual(want);
                // A top list holds the highest counts, each with its own figures.
                const top = t.topTable(si, table, 3);
                const counts = want.map((e) => e.count).sort((x, y) => y - x);
                expect(top.map((e) => e.count)).toEqual(counts.slice(0, 3));
                for (const e of top) expect(want).toContainEqual(e);
              }
              const ports = t.topPorts(si, 5);
              const wantPorts = [...m.ports.entries()]
                .map(([p, e]) => ({ a: p, b: 0, count: e.count, recvQ: e.rq, sendQ: e.sq }))
                .sort((x, y) => y.count - x.count || x.a - y.a)
                .slice(0, 5);
              expect(ports).toEqual(wantPorts);
            }
          } finally {
            t.release();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ignore a local port out of range rather than write past their tables', () => {
    const t = Tallies.acquire(16);
    try {
      t.foldRow(3, 70_000, -1, -1, 0, 0, undefined);
      t.foldRow(3, 80, -1, -1, 0, 0, undefined);
      expect(t.topPorts(3, 5)).toEqual([{ a: 80, b: 0, count: 1, recvQ: 0, sendQ: 0 }]);
      expect(t.scalar(3, SCALAR.records)).toBe(2);
    } finally {
      t.release();
    }
  });

  it('fold a run of scanner records exactly as the same rows one at a time', () => {
    fc.assert(
      fc.property(fc.array(row(65_535, 50), { minLength: 1, maxLength: 5000 }), (rows) => {
        const scanned = rows.filter((r) => r.port >= 0);
        const S = SCAN_RECORD;
        const rec = new Int32Array(scanned.length * S.STRIDE);
        scanned.forEach((r, i) => {
          const o = i * S.STRIDE;
          rec[o + S.KIND] = 1;
          rec[o + S.STATE] = r.si;
          rec[o + S.LOCAL_PORT] = r.port;
          rec[o + S.REMOTE_IP] = Math.max(r.ip, 0);
          rec[o + S.REMOTE_PORT] = r.remotePort;
          rec[o + S.RECVQ] = r.rq;
          rec[o + S.SENDQ] = r.sq;
          rec[o + S.PID] = r.proc ?? -1;
        });
        const batch = Tallies.acquire(64);
        const single = Tallies.acquire(64);
        try {
          const events: string[] = [];
          batch.foldRecords(rec, 0, rec.length, S.STRIDE, {
            newProcess: (si, o) => events.push(`p${si}@${o / S.STRIDE}`),
            listening: (o) => events.push(`l@${o / S.STRIDE}`),
          });
          const expected: string[] = [];
          scanned.forEach((r, i) => {
            single.countRow(r.si);
            if (r.si === 0) expected.push(`l@${i}`);
            const ip = r.ip > 0 ? r.ip : -1;
            if (single.foldRow(r.si, r.port, ip, r.remotePort, r.rq, r.sq, r.proc)) {
              expected.push(`p${r.si}@${i}`);
            }
          });
          expect(events).toEqual(expected);
          for (let si = 0; si < 11; si++) {
            expect(batch.rows(si)).toBe(single.rows(si));
            for (let k = 0; k < 12; k++) expect(batch.scalar(si, k)).toBe(single.scalar(si, k));
            for (const table of [TABLE.hosts, TABLE.endpoints, TABLE.processes]) {
              expect(batch.topTable(si, table, -1)).toEqual(single.topTable(si, table, -1));
            }
            expect(batch.topPorts(si, 10)).toEqual(single.topPorts(si, 10));
          }
        } finally {
          batch.release();
          single.release();
        }
      }),
      { numRuns: 200 },
    );
  });
});
