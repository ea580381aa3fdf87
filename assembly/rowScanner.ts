// AssemblyScript, compiled to dist/rowScanner.wasm by `npm run build:wasm`.
//
// The byte-level fast path of the netstat reader (src/netstat/rowScanner.ts is its host side).
// It reads whole lines from a chunk of input bytes and, for the shape that dominates large
// dumps, a Linux `netstat -tan[p]` row with IPv4 endpoints, writes the parsed fields as one
// record. Every other line is handed back, untouched, as part of a "fallback span" that the
// TypeScript reader reads. The grammar accepted here is a strict subset of the reader's own
// `fastLinuxRow`, field for field, so a row gives the same Snapshot on either path; the
// property tests in test/netstat/rowScanner.test.ts compare the two.
//
// Why WebAssembly: a JavaScript loop over bytes costs 2.5 to 5 ns a byte on the target
// machines; this loop costs well under 1 ns, which is what the 1M-line benchmark needs.

/** Bytes of input the host may copy in per call. */
const INPUT_CAP: i32 = 1 << 20;
/** Records written per call at most; the host calls again from `consumed()`. */
const OUT_RECORDS: i32 = 4096;
/** i32 fields per record. */
const STRIDE: i32 = 16;
/** Open-addressing table of exact state spellings registered by the host. */
const SLOTS: i32 = 512;
const SLOT_SIZE: i32 = 48; // length, code, padding, then the spelling (up to 40 bytes) at 8
const MAX_SPELLING: i32 = 40;

// Record layout (i32 fields).
const F_KIND: i32 = 0; // 0 fallback span, 1 row
const F_START: i32 = 1; // line or span start (byte offset in the input area)
const F_END: i32 = 2; // row: end after trimming; span: the '\n' ending its last line
const F_FLAGS: i32 = 3; // bit 0 tcp6, bit 2 remote port '*'
const F_STATE: i32 = 4; // state code registered by the host
const F_RECVQ: i32 = 5;
const F_SENDQ: i32 = 6;
const F_LOCAL_IP: i32 = 7;
const F_LOCAL_PORT: i32 = 8;
const F_REMOTE_IP: i32 = 9;
const F_REMOTE_PORT: i32 = 10;
const F_PID: i32 = 11; // -1 when the row names no process
const F_NAME_START: i32 = 12;
const F_NAME_END: i32 = 13;

let input: usize = 0;
let out: usize = 0;
let table: usize = 0;
let consumedAt: i32 = 0;

/** Allocates the input, output and spelling areas; call once before anything else. */
export function init(): void {
  input = heap.alloc(<usize>INPUT_CAP + 16); // vector reads may look 16 bytes ahead
  out = heap.alloc(<usize>(OUT_RECORDS * STRIDE * 4));
  table = heap.alloc(<usize>(SLOTS * SLOT_SIZE));
  memory.fill(table, 0, <usize>(SLOTS * SLOT_SIZE));
}

export function inputPtr(): usize {
  return input;
}
export function outputPtr(): usize {
  return out;
}
export function inputCapacity(): i32 {
  return INPUT_CAP;
}
export function outputCapacity(): i32 {
  return OUT_RECORDS;
}
export function recordStride(): i32 {
  return STRIDE;
}
/** Where the last `scan` stopped: the start of the first line it did not read. */
export function consumed(): i32 {
  return consumedAt;
}

@inline
function byte(i: i32): i32 {
  return <i32>load<u8>(input + <usize>i);
}

/** Hash of input[a, a + len) from its first eight bytes and its length (the area is padded). */
function hashOf(a: i32, len: i32): u32 {
  let w = load<u64>(input + <usize>a);
  if (len < 8) w &= (<u64>1 << (<u64>len << 3)) - 1;
  const h = <u32>(w ^ (w >> 29)) * 0x9e3779b1;
  return (h ^ (h >> 15)) + <u32>len;
}

/** Registers the spelling in input[0, len) as state `code`; false when the table is full or it is too long. */
export function learn(len: i32, code: i32): bool {
  if (len <= 0 || len > MAX_SPELLING) return false;
  let slot = <i32>(hashOf(0, len) & <u32>(SLOTS - 1));
  for (let probes = 0; probes < SLOTS; probes++) {
    const at = table + <usize>(slot * SLOT_SIZE);
    const have = <i32>load<u8>(at);
    if (have === 0) {
      store<u8>(at, <u8>len);
      store<u8>(at + 1, <u8>code);
      memory.copy(at + 8, input, <usize>len);
      return true;
    }
    if (have === len && sameBytes(at + 8, input, len)) return true;
    slot = (slot + 1) & (SLOTS - 1);
  }
  return false;
}

/**
 * Whether the len bytes at p and q are equal, eight at a time. Bytes past len are not
 * compared; reading them is safe (slots and the input area are padded).
 */
function sameBytes(p: usize, q: usize, len: i32): bool {
  let i = 0;
  for (; i + 8 <= len; i += 8) {
    if (load<u64>(p + <usize>i) !== load<u64>(q + <usize>i)) return false;
  }
  if (i === len) return true;
  const mask = (<u64>1 << (<u64>(len - i) << 3)) - 1;
  return ((load<u64>(p + <usize>i) ^ load<u64>(q + <usize>i)) & mask) === 0;
}

/** The registered state code of input[a, e), or -1. */
function stateCode(a: i32, e: i32): i32 {
  const len = e - a;
  if (len <= 0 || len > MAX_SPELLING) return -1;
  let slot = <i32>(hashOf(a, len) & <u32>(SLOTS - 1));
  for (let probes = 0; probes < SLOTS; probes++) {
    const at = table + <usize>(slot * SLOT_SIZE);
    const have = <i32>load<u8>(at);
    if (have === 0) return -1;
    if (have === len && sameBytes(at + 8, input + <usize>a, len)) return <i32>load<u8>(at + 1);
    slot = (slot + 1) & (SLOTS - 1);
  }
  return -1;
}

@inline
function isBlank(c: i32): bool {
  return c === 32 || c === 9;
}

const SPACES: u64 = 0x2020202020202020;
const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;
const NEWLINES: u64 = 0x0a0a0a0a0a0a0a0a;

const TABS: u64 = 0x0909090909090909;

function skipBlanks(i: i32, e: i32): i32 {
  // Column padding comes in runs of up to ~20 spaces: find its end eight bytes at a time.
  while (i + 8 <= e) {
    const x = load<u64>(input + <usize>i) ^ SPACES;
    if (x !== 0) {
      i += <i32>(ctz(x) >> 3);
      break;
    }
    i += 8;
  }
  while (i < e && isBlank(byte(i))) i++;
  return i;
}

function tokenEnd(i: i32, e: i32): i32 {
  while (i + 8 <= e) {
    const x = load<u64>(input + <usize>i);
    const s = x ^ SPACES;
    const t = x ^ TABS;
    // The lowest flagged byte is the first blank (the zero-byte test is exact up to there).
    const hit = (((s - ONES) & ~s) | ((t - ONES) & ~t)) & HIGHS;
    if (hit !== 0) return i + <i32>(ctz(hit) >> 3);
    i += 8;
  }
  while (i < e && !isBlank(byte(i))) i++;
  return i;
}

/** The first '\n' in [i, len), or len. The input area has 16 spare bytes past its capacity. */
function newlineFrom(i: i32, len: i32): i32 {
  while (i < len) {
    const x = load<u64>(input + <usize>i) ^ NEWLINES;
    const hit = (x - ONES) & ~x & HIGHS;
    if (hit !== 0) {
      const at = i + <i32>(ctz(hit) >> 3);
      return at < len ? at : len;
    }
    i += 8;
  }
  return len;
}

function digitsEnd(i: i32, e: i32): i32 {
  while (i < e) {
    const c = byte(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** Digits in [a, b) as a number; the caller has checked they are 1 to 9 digits. */
function digitsValue(a: i32, b: i32): i32 {
  let v = 0;
  for (let i = a; i < b; i++) v = v * 10 + (byte(i) - 48);
  return v;
}

// Results of scanEndpoint, read by the caller right after it returns.
let epIp: u32 = 0;
let epPort: i32 = 0;
let epStar: bool = false;

/**
 * `a.b.c.d:port` or `a.b.c.d:*` ending at a blank or e; the end index, or -1. The common
 * shape is read with 16-byte vector compares (no branch per byte); anything it does not
 * accept outright goes to `scanEndpointBytes`, which mirrors the reader's scanIpv4Endpoint.
 */
function scanEndpoint(a: i32, e: i32): i32 {
  const lim = e - a;
  const v = v128.load(input + <usize>a);
  const digits = i8x16.bitmask(v128.and(i8x16.ge_u(v, i8x16.splat(48)), i8x16.le_u(v, i8x16.splat(57))));
  const dots = i8x16.bitmask(i8x16.eq(v, i8x16.splat(46)));
  const colons = i8x16.bitmask(i8x16.eq(v, i8x16.splat(58)));
  const pc = <i32>ctz(colons);
  // The colon within the token with a port after it, and only digits and dots before it.
  if (pc >= 16 || pc >= lim - 1) return scanEndpointBytes(a, e);
  const before = (1 << pc) - 1;
  if (((digits | dots) & before) !== before) return scanEndpointBytes(a, e);
  const d = dots & before;
  if (popcnt(d) !== 3) return scanEndpointBytes(a, e);
  const d1 = <i32>ctz(d);
  const d2 = <i32>ctz(d & (d - 1));
  const d3 = 31 - <i32>clz(d);
  const l1 = d1;
  const l2 = d2 - d1 - 1;
  const l3 = d3 - d2 - 1;
  const l4 = pc - d3 - 1;
  if (<u32>(l1 - 1) > 2 || <u32>(l2 - 1) > 2 || <u32>(l3 - 1) > 2 || <u32>(l4 - 1) > 2) {
    return scanEndpointBytes(a, e);
  }
  const p1 = part(a, l1);
  const p2 = part(a + d1 + 1, l2);
  const p3 = part(a + d2 + 1, l3);
  const p4 = part(a + d3 + 1, l4);
  if ((p1 | p2 | p3 | p4) > 255) return scanEndpointBytes(a, e);
  // The port: one to five digits, then a blank or the end of the line.
  const q = a + pc + 1;
  const pv = v128.load(input + <usize>q);
  const pd = i8x16.bitmask(v128.and(i8x16.ge_u(pv, i8x16.splat(48)), i8x16.le_u(pv, i8x16.splat(57))));
  const lp = <i32>ctz(~pd & 0xffff);
  const pe = q + lp;
  if (lp === 0 || lp > 5 || pe > e || (pe < e && !isBlank(byte(pe)))) return scanEndpointBytes(a, e);
  const port = digitsValue(q, pe);
  if (port > 65535) return scanEndpointBytes(a, e);
  epIp = (<u32>p1 << 24) | (<u32>p2 << 16) | (<u32>p3 << 8) | <u32>p4;
  epPort = port;
  epStar = false;
  return pe;
}

/** The value of the 1 to 3 digits at `at` (the bytes after a shorter part are read but not used). */
@inline
function part(at: i32, len: i32): i32 {
  const d0 = byte(at) - 48;
  const v2 = d0 * 10 + byte(at + 1) - 48;
  const v3 = v2 * 10 + byte(at + 2) - 48;
  return select<i32>(d0, select<i32>(v2, v3, len === 2), len === 1);
}

/** `a.b.c.d:port` or `a.b.c.d:*`, byte by byte. Mirrors scanIpv4Endpoint. */
function scanEndpointBytes(a: i32, e: i32): i32 {
  let ip: u32 = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let i = a;
  for (; i < e; i++) {
    const c = byte(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      ip = (ip << 8) | <u32>part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c === 58) {
      break;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || i >= e - 1) return -1;
  epIp = (ip << 8) | <u32>part;
  i++;
  if (byte(i) === 42) {
    if (i + 1 < e && !isBlank(byte(i + 1))) return -1;
    epPort = -1;
    epStar = true;
    return i + 1;
  }
  let port = 0;
  const start = i;
  for (; i < e; i++) {
    const c = byte(i);
    if (isBlank(c)) break;
    if (c < 48 || c > 57 || i - start >= 5) return -1;
    port = port * 10 + (c - 48);
  }
  if (i === start || port > 65535) return -1;
  epPort = port;
  epStar = false;
  return i;
}

/**
 * Reads the line input[a, nl) as a Linux netstat row into record `rec`, offsets shifted by
 * `base`; false (the record left as garbage) when the line is anything else.
 */
function row(a: i32, nl: i32, rec: usize, base: i32): bool {
  let e = nl;
  while (e > a) {
    const c = byte(e - 1);
    if (c !== 13 && c !== 32 && c !== 9) break;
    e--;
  }
  // Chat damage (quotes, fences, indentation, closing backticks) is the reader's job.
  if (e - a < 8 || byte(e - 1) === 96) return false;
  if (byte(a) !== 116 || byte(a + 1) !== 99 || byte(a + 2) !== 112) return false;
  let i = a + 3;
  let flags = 0;
  if (byte(i) === 54) {
    flags = 1;
    i++;
  }
  if (byte(i) !== 32) return false;
  i = skipBlanks(i, e);
  const rqEnd = digitsEnd(i, e);
  if (rqEnd === i || rqEnd - i > 9 || rqEnd >= e || byte(rqEnd) !== 32) return false;
  const rq = digitsValue(i, rqEnd);
  i = skipBlanks(rqEnd, e);
  const sqEnd = digitsEnd(i, e);
  if (sqEnd === i || sqEnd - i > 9 || sqEnd >= e || byte(sqEnd) !== 32) return false;
  const sq = digitsValue(i, sqEnd);
  const le = scanEndpoint(skipBlanks(sqEnd, e), e);
  if (le < 0) return false;
  // A local '*' port never appears in a real listing: left to the reader, so every row here
  // has a numeric local port.
  if (epStar) return false;
  const localIp = epIp;
  const localPort = epPort;
  const re = scanEndpoint(skipBlanks(le, e), e);
  if (re < 0) return false;
  if (epStar) flags |= 4;
  const sa = skipBlanks(re, e);
  if (sa >= e) return false;
  const se = tokenEnd(sa, e);
  const state = stateCode(sa, se);
  if (state < 0) return false;
  // After the state: pid/program or '-', maybe user and inode. Timers go to the reader.
  let pid = -1;
  let nameStart = 0;
  let nameEnd = 0;
  let k = skipBlanks(se, e);
  while (k < e) {
    const te = tokenEnd(k, e);
    if (byte(k) === 116 && k + 2 < e && byte(k + 1) === 99 && byte(k + 2) === 112) return false;
    let isPid = false;
    if (pid < 0) {
      const slash = slashIn(k, te);
      if (slash > k && slash < te && digitsEnd(k, slash) === slash) {
        if (slash - k > 9) return false;
        pid = digitsValue(k, slash);
        nameStart = slash + 1;
        nameEnd = te;
        isPid = true;
      }
    }
    const next = skipBlanks(te, e);
    if (!isPid && te < e && byte(next) === 40) return false;
    k = next;
  }
  store<i32>(rec + F_KIND * 4, 1);
  store<i32>(rec + F_START * 4, a + base);
  store<i32>(rec + F_END * 4, e + base);
  store<i32>(rec + F_FLAGS * 4, flags);
  store<i32>(rec + F_STATE * 4, state);
  store<i32>(rec + F_RECVQ * 4, rq);
  store<i32>(rec + F_SENDQ * 4, sq);
  store<i32>(rec + F_LOCAL_IP * 4, <i32>localIp);
  store<i32>(rec + F_LOCAL_PORT * 4, localPort);
  store<i32>(rec + F_REMOTE_IP * 4, <i32>epIp);
  store<i32>(rec + F_REMOTE_PORT * 4, epPort);
  store<i32>(rec + F_PID * 4, pid);
  store<i32>(rec + F_NAME_START * 4, nameStart + base);
  store<i32>(rec + F_NAME_END * 4, nameEnd + base);
  return true;
}

/** The first '/' in [k, te), or te: sixteen bytes at a time. */
function slashIn(k: i32, te: i32): i32 {
  while (k < te) {
    const hits = i8x16.bitmask(i8x16.eq(v128.load(input + <usize>k), i8x16.splat(47)));
    if (hits !== 0) {
      const at = k + <i32>ctz(hits);
      return at < te ? at : te;
    }
    k += 16;
  }
  return te;
}

@inline
function recordAt(n: i32): usize {
  return out + <usize>(n * STRIDE * 4);
}

function span(n: i32, start: i32, end: i32, base: i32): void {
  const rec = recordAt(n);
  store<i32>(rec + F_KIND * 4, 0);
  store<i32>(rec + F_START * 4, start + base);
  store<i32>(rec + F_END * 4, end + base);
}

/**
 * Reads the complete lines of input[from, len) into records: rows, and fallback spans for
 * runs of other lines. Stops at the last '\n' or when the output is full; returns the
 * number of records, and `consumed()` tells where it stopped. Offsets in records are
 * shifted by `base` (where the input area's bytes sit in the host's buffer).
 */
export function scan(from: i32, len: i32, base: i32): i32 {
  let n = 0;
  let p = from;
  let spanStart = -1;
  // Two records per step at most: a span being closed, then a row.
  while (n < OUT_RECORDS - 1) {
    const nl = newlineFrom(p, len);
    if (nl >= len) break;
    const slot = spanStart >= 0 ? n + 1 : n;
    if (row(p, nl, recordAt(slot), base)) {
      if (spanStart >= 0) {
        span(n, spanStart, p - 1, base);
        spanStart = -1;
        n++;
      }
      n++;
    } else if (spanStart < 0) {
      spanStart = p;
    }
    p = nl + 1;
  }
  if (spanStart >= 0) {
    span(n, spanStart, p - 1, base);
    n++;
  }
  consumedAt = p;
  return n;
}
