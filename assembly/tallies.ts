// AssemblyScript, compiled to dist/tallies.wasm by `npm run build:wasm`.
//
// The numeric tallies of a Snapshot, per TCP state: rows, queue totals, local ports, IPv4
// peers (host, and host:port) and processes (by numeric key). src/netstat/tallies.ts is the
// host side and the only user. Rows read as text are folded one call at a time; rows of the
// byte scanner are folded a run at a time straight from its records, which is what makes a
// 1M-row dump cheap. This module is the one implementation of these tallies: both paths
// go through it, in input order, so a cap on distinct keys admits the same keys either way.

const STATES: i32 = 11;
const TABLES: i32 = 3; // hosts, endpoints, processes
const PAGE_BITS: i32 = 8; // ports are tallied in pages of 256, made on first use
const PAGES: i32 = 1 << (16 - PAGE_BITS);
const PAGE_MASK: i32 = (1 << PAGE_BITS) - 1;
const FIRST_SLOTS: i32 = 64;

// Scanner record layout (see assembly/rowScanner.ts).
const STRIDE: i32 = 16;
const R_KIND: i32 = 0;
const R_STATE: i32 = 4;
const R_RECVQ: i32 = 5;
const R_SENDQ: i32 = 6;
const R_LOCAL_PORT: i32 = 8;
const R_REMOTE_IP: i32 = 9;
const R_REMOTE_PORT: i32 = 10;
const R_PID: i32 = 11;

/** Record capacity of the batch area. */
const BATCH: i32 = 4096;
/** State index of LISTEN in TCP_STATES (src/netstat/states.ts); checked by the host. */
const LISTEN: i32 = 0;

// State block: scalars, then port page tables, then table headers.
const S_RECORDS: i32 = 0;
const S_RQ_TOTAL: i32 = 1;
const S_RQ_MAX: i32 = 2;
const S_RQ_NONZERO: i32 = 3;
const S_SQ_TOTAL: i32 = 4;
const S_SQ_MAX: i32 = 5;
const S_SQ_NONZERO: i32 = 6;
const S_AT_1024: i32 = 7;
const S_AT_10000: i32 = 8;
const S_AT_32768: i32 = 9;
const S_AT_49152: i32 = 10;
const S_PORTS_DISTINCT: i32 = 11;
const SCALARS: i32 = 12;
const COUNT_PAGES: i32 = SCALARS * 8;
const RQ_PAGES: i32 = COUNT_PAGES + PAGES * 4;
const SQ_PAGES: i32 = RQ_PAGES + PAGES * 4;
const TABLE_HEADERS: i32 = SQ_PAGES + PAGES * 4;
// Table header: slots ptr, queues ptr, mask, size, capped.
const T_SLOTS: i32 = 0;
const T_QUEUES: i32 = 4;
const T_MASK: i32 = 8;
const T_SIZE: i32 = 12;
const T_CAPPED: i32 = 16;
const T_HEADER: i32 = 20;
const BLOCK: i32 = TABLE_HEADERS + TABLES * T_HEADER;

let heapStart: usize = 0;
let top: usize = 0;
let maxKeys: i32 = 4096;
let maxSlots: i32 = 8192;
let rows: usize = 0; // f64[STATES]
let blocks: usize = 0; // usize[STATES]
let batch: usize = 0; // records
let events: usize = 0; // i32 triples
let out: usize = 0; // top-list output

/** Zeroed memory from the bump allocator (everything lives until `reset`). */
function alloc(size: i32): usize {
  const at = (top + 7) & ~(<usize>7);
  const end = at + <usize>size;
  const have = <usize>memory.size() << 16;
  if (end > have) {
    const pages = <i32>((end - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) unreachable();
  }
  memory.fill(at, 0, <usize>size);
  top = end;
  return at;
}

/** Starts over with a cap of `keys` distinct keys per table; everything earlier is dropped. */
export function reset(keys: i32): void {
  if (heapStart === 0) heapStart = (__heap_base + 7) & ~(<usize>7);
  top = heapStart;
  maxKeys = keys;
  maxSlots = FIRST_SLOTS;
  while (maxSlots < keys * 2) maxSlots <<= 1;
  rows = alloc(STATES * 8);
  blocks = alloc(STATES * 4);
  batch = alloc(BATCH * STRIDE * 4);
  events = alloc(BATCH * 2 * 12);
  out = alloc(<i32>maxSlots * 32 + 64);
}

export function batchPtr(): usize {
  return batch;
}
export function batchCapacity(): i32 {
  return BATCH;
}
export function eventsPtr(): usize {
  return events;
}
export function outPtr(): usize {
  return out;
}
export function listenIndex(): i32 {
  return LISTEN;
}

// ---- per state ---------------------------------------------------------------------------

function block(si: i32): usize {
  const at = blocks + <usize>(si << 2);
  let b = load<usize>(at);
  if (b === 0) {
    b = alloc(BLOCK);
    store<usize>(at, b);
  }
  return b;
}

/** Whether state si has folded a row with addresses. */
export function hasState(si: i32): bool {
  return load<usize>(blocks + <usize>(si << 2)) !== 0;
}

/** Counts one row of state si (every row, with or without addresses). */
export function countRow(si: i32): void {
  const at = rows + <usize>(si << 3);
  store<f64>(at, load<f64>(at) + 1);
}

export function rowsOf(si: i32): f64 {
  return load<f64>(rows + <usize>(si << 3));
}

/** Scalar k of state si (records, queue stats, ports at or above thresholds, distinct ports). */
export function scalar(si: i32, k: i32): f64 {
  const b = load<usize>(blocks + <usize>(si << 2));
  return b === 0 ? 0 : load<f64>(b + <usize>(k << 3));
}

@inline
function bump(b: usize, k: i32, by: f64): void {
  const at = b + <usize>(k << 3);
  store<f64>(at, load<f64>(at) + by);
}

function queue(b: usize, total: i32, v: f64): void {
  if (v <= 0) return;
  bump(b, total, v);
  bump(b, total + 2, 1);
  const maxAt = b + <usize>((total + 1) << 3);
  if (v > load<f64>(maxAt)) store<f64>(maxAt, v);
}

/** A page of a port table, made on first use. */
function page(b: usize, table: i32, p: i32, size: i32): usize {
  const at = b + <usize>(table + ((p >> PAGE_BITS) << 2));
  let pg = load<usize>(at);
  if (pg === 0) {
    pg = alloc(size << PAGE_BITS);
    store<usize>(at, pg);
  }
  return pg;
}

function foldPort(b: usize, p: i32, rq: f64, sq: f64): void {
  if (<u32>p > 65535) return; // not a port: never index past the page table
  const c = page(b, COUNT_PAGES, p, 4) + <usize>((p & PAGE_MASK) << 2);
  const n = load<i32>(c);
  if (n === 0) bump(b, S_PORTS_DISTINCT, 1);
  store<i32>(c, n + 1);
  if (rq > 0) {
    const q = page(b, RQ_PAGES, p, 8) + <usize>((p & PAGE_MASK) << 3);
    store<f64>(q, load<f64>(q) + rq);
  }
  if (sq > 0) {
    const q = page(b, SQ_PAGES, p, 8) + <usize>((p & PAGE_MASK) << 3);
    store<f64>(q, load<f64>(q) + sq);
  }
  if (p >= 1024) {
    bump(b, S_AT_1024, 1);
    if (p >= 10000) bump(b, S_AT_10000, 1);
    if (p >= 32768) bump(b, S_AT_32768, 1);
    if (p >= 49152) bump(b, S_AT_49152, 1);
  }
}

// ---- keyed tables (open addressing; each slot: key a, key b, count, spare) ----------------

@inline
function header(b: usize, t: i32): usize {
  return b + <usize>(TABLE_HEADERS + t * T_HEADER);
}

@inline
function slotOf(a: i32, bkey: i32, mask: i32): i32 {
  const h = (a ^ (bkey * 0x27d4eb2d)) * <i32>0x9e3779b1;
  return (h ^ <i32>(<u32>h >> 16)) & mask;
}

/** Doubles a table (keeping load at most one half), re-inserting keys in slot order. */
function grow(h: usize): void {
  const oldSlots = load<usize>(h, T_SLOTS);
  const oldQueues = load<usize>(h, T_QUEUES);
  const oldMask = load<i32>(h, T_MASK);
  // Quadruple once past a few hundred keys: a big input rehashes less.
  const grown = oldMask + 1 >= 256 ? (oldMask + 1) << 2 : (oldMask + 1) << 1;
  const slots = oldSlots === 0 ? FIRST_SLOTS : grown < maxSlots ? grown : maxSlots;
  const mask = slots - 1;
  const s = alloc(slots << 4);
  const q = alloc(slots << 4);
  if (oldSlots !== 0) {
    for (let i = 0; i <= oldMask; i++) {
      const from = oldSlots + <usize>(i << 4);
      const count = load<i32>(from, 8);
      if (count === 0) continue;
      const a = load<i32>(from);
      const bkey = load<i32>(from, 4);
      let j = slotOf(a, bkey, mask);
      while (load<i32>(s + <usize>(j << 4), 8) !== 0) j = (j + 1) & mask;
      const to = s + <usize>(j << 4);
      store<i32>(to, a);
      store<i32>(to, bkey, 4);
      store<i32>(to, count, 8);
      store<f64>(q + <usize>(j << 4), load<f64>(oldQueues + <usize>(i << 4)));
      store<f64>(q + <usize>(j << 4), load<f64>(oldQueues + <usize>(i << 4), 8), 8);
    }
  }
  store<usize>(h, s, T_SLOTS);
  store<usize>(h, q, T_QUEUES);
  store<i32>(h, mask, T_MASK);
}

/** Counts a row under (a, b) in table t of block b0; true when the key is new and kept. */
function tableAdd(b0: usize, t: i32, a: i32, bkey: i32, rq: f64, sq: f64): bool {
  const h = header(b0, t);
  if (load<usize>(h, T_SLOTS) === 0) grow(h);
  let mask = load<i32>(h, T_MASK);
  let slots = load<usize>(h, T_SLOTS);
  let i = slotOf(a, bkey, mask);
  let fresh = false;
  for (;;) {
    const at = slots + <usize>(i << 4);
    const count = load<i32>(at, 8);
    if (count === 0) {
      const size = load<i32>(h, T_SIZE);
      if (size >= maxKeys) {
        store<i32>(h, 1, T_CAPPED);
        return false;
      }
      if ((size + 1) * 2 > mask + 1 && mask + 1 < maxSlots) {
        grow(h);
        return tableAdd(b0, t, a, bkey, rq, sq);
      }
      store<i32>(at, a);
      store<i32>(at, bkey, 4);
      store<i32>(h, size + 1, T_SIZE);
      fresh = true;
      break;
    }
    if (load<i32>(at) === a && load<i32>(at, 4) === bkey) break;
    i = (i + 1) & mask;
  }
  const at = slots + <usize>(i << 4);
  store<i32>(at, load<i32>(at, 8) + 1, 8);
  if (rq > 0 || sq > 0) {
    const q = load<usize>(h, T_QUEUES) + <usize>(i << 4);
    store<f64>(q, load<f64>(q) + rq);
    store<f64>(q, load<f64>(q, 8) + sq, 8);
  }
  return fresh;
}

export function tableSize(si: i32, t: i32): i32 {
  const b = load<usize>(blocks + <usize>(si << 2));
  return b === 0 ? 0 : load<i32>(header(b, t), T_SIZE);
}

export function tableCapped(si: i32, t: i32): bool {
  const b = load<usize>(blocks + <usize>(si << 2));
  return b !== 0 && load<i32>(header(b, t), T_CAPPED) !== 0;
}

// ---- folding ------------------------------------------------------------------------------

/**
 * Folds one row of state si with addresses: local port (-1 when not a number), IPv4 peer
 * (0 for none or the wildcard), remote port (-1 for none), queues, process key (`hasProc`).
 * True when the process key is new and kept (the host labels it).
 */
export function foldRow(
  si: i32,
  port: i32,
  ip: i32,
  remotePort: i32,
  rq: f64,
  sq: f64,
  hasProc: bool,
  proc: i32,
): bool {
  const b = block(si);
  bump(b, S_RECORDS, 1);
  if (rq > 0) queue(b, S_RQ_TOTAL, rq);
  if (sq > 0) queue(b, S_SQ_TOTAL, sq);
  if (port >= 0) foldPort(b, port, rq, sq);
  if (ip !== 0) {
    tableAdd(b, 0, ip, 0, rq, sq);
    if (remotePort >= 0) tableAdd(b, 1, ip, remotePort, rq, sq);
  }
  return hasProc && tableAdd(b, 2, proc, 0, rq, sq);
}

/**
 * Folds scanner row records n of the batch area (every one a row). Writes events for the
 * host, in order: (1, state, record) when a process key is new, (2, state, record) for a
 * LISTEN row (its port joins the listening list). Returns the number of events.
 */
export function foldBatch(n: i32): i32 {
  let ev = 0;
  for (let k = 0; k < n; k++) {
    const r = batch + <usize>(k * STRIDE * 4);
    if (load<i32>(r + <usize>(R_KIND * 4)) !== 1) continue;
    const si = load<i32>(r + <usize>(R_STATE * 4));
    const port = load<i32>(r + <usize>(R_LOCAL_PORT * 4));
    const ip = load<i32>(r + <usize>(R_REMOTE_IP * 4));
    const pid = load<i32>(r + <usize>(R_PID * 4));
    countRow(si);
    if (si === LISTEN) {
      const e = events + <usize>(ev * 12);
      store<i32>(e, 2);
      store<i32>(e, si, 4);
      store<i32>(e, k, 8);
      ev++;
    }
    const fresh = foldRow(
      si,
      port,
      ip,
      load<i32>(r + <usize>(R_REMOTE_PORT * 4)),
      <f64>load<i32>(r + <usize>(R_RECVQ * 4)),
      <f64>load<i32>(r + <usize>(R_SENDQ * 4)),
      pid >= 0,
      pid,
    );
    if (fresh) {
      const e = events + <usize>(ev * 12);
      store<i32>(e, 1);
      store<i32>(e, si, 4);
      store<i32>(e, k, 8);
      ev++;
    }
  }
  return ev;
}

// ---- results ------------------------------------------------------------------------------

/**
 * Selects the n highest counts among `count` candidates offered in order: an entry ties
 * lose to earlier ones. Entries in `out` are (key a, key b, count, spare, rq f64, sq f64),
 * 32 bytes each.
 */
function offer(have: i32, n: i32, a: i32, bkey: i32, c: i32, rq: f64, sq: f64): i32 {
  if (have === n && c <= load<i32>(out + <usize>((n - 1) << 5), 8)) return have;
  let i = have < n ? have : n - 1;
  while (i > 0 && load<i32>(out + <usize>((i - 1) << 5), 8) < c) {
    memory.copy(out + <usize>(i << 5), out + <usize>((i - 1) << 5), 32);
    i--;
  }
  const at = out + <usize>(i << 5);
  store<i32>(at, a);
  store<i32>(at, bkey, 4);
  store<i32>(at, c, 8);
  store<f64>(at, rq, 16);
  store<f64>(at, sq, 24);
  return have < n ? have + 1 : n;
}

/** The n busiest local ports of state si into the out area (key a = port); returns how many. */
export function topPorts(si: i32, n: i32): i32 {
  const b = load<usize>(blocks + <usize>(si << 2));
  if (b === 0 || n <= 0) return 0;
  let have = 0;
  for (let pg = 0; pg < PAGES; pg++) {
    const counts = load<usize>(b + <usize>(COUNT_PAGES + (pg << 2)));
    if (counts === 0) continue;
    const rqs = load<usize>(b + <usize>(RQ_PAGES + (pg << 2)));
    const sqs = load<usize>(b + <usize>(SQ_PAGES + (pg << 2)));
    for (let i = 0; i <= PAGE_MASK; i++) {
      const c = load<i32>(counts + <usize>(i << 2));
      if (c === 0) continue;
      const rq = rqs === 0 ? 0 : load<f64>(rqs + <usize>(i << 3));
      const sq = sqs === 0 ? 0 : load<f64>(sqs + <usize>(i << 3));
      have = offer(have, n, (pg << PAGE_BITS) | i, 0, c, rq, sq);
    }
  }
  return have;
}

/** The n highest entries of table t of state si into the out area; n < 0 for all of them, in slot order. */
export function topTable(si: i32, t: i32, n: i32): i32 {
  const b = load<usize>(blocks + <usize>(si << 2));
  if (b === 0) return 0;
  const h = header(b, t);
  const slots = load<usize>(h, T_SLOTS);
  if (slots === 0) return 0;
  const queues = load<usize>(h, T_QUEUES);
  const mask = load<i32>(h, T_MASK);
  let have = 0;
  for (let i = 0; i <= mask; i++) {
    const at = slots + <usize>(i << 4);
    const c = load<i32>(at, 8);
    if (c === 0) continue;
    const rq = load<f64>(queues + <usize>(i << 4));
    const sq = load<f64>(queues + <usize>(i << 4), 8);
    if (n < 0) {
      const o = out + <usize>(have << 5);
      store<i32>(o, load<i32>(at));
      store<i32>(o, load<i32>(at, 4), 4);
      store<i32>(o, c, 8);
      store<f64>(o, rq, 16);
      store<f64>(o, sq, 24);
      have++;
    } else if (n > 0) {
      have = offer(have, n, load<i32>(at), load<i32>(at, 4), c, rq, sq);
    }
  }
  return have;
}
