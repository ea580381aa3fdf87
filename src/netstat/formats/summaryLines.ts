import { osOfSpelling, stateFromHexCode, stateFromToken } from '../aliases.js';
import { fromLatin1, type LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { TcpState } from '../states.js';
import type { LineFormat } from './format.js';

/**
 * Summary lines in the many shapes people and tools write them: one state name (any OS
 * spelling, any case) beside one count, in either order, whatever surrounds them.
 *
 *   1.TIME_WAIT 346            - numbered or bulleted lists
 *   TIME_WAIT = 12,248 | CLOSE_WAIT: 23     - separators, thousands separators, several pairs
 *   8388 01 ESTABLISHED        - a /proc/net/tcp state code beside the name
 *   CLOSE_WAIT 23 # 非常异常      - a trailing comment in any language
 *   node_tcp_connection_states{state="time_wait"} 4120     - Prometheus text
 *   netstat tcp_established=10i,tcp_time_wait=4i            - Telegraf / InfluxDB lines
 *   45 Established {MSFT_NetTCPConnection ...}              - PowerShell Group-Object
 *
 * Prose is not a summary: a line with other words before its first pair ("we had 300
 * TIME_WAIT") or an address in it is left to the other formats. The line is read by one
 * linear scan of its chars.
 */
export const summaryLines: LineFormat = {
  name: 'summary lines',
  row(v, ctx) {
    const n = lex(v.s, v.start, v.end);
    if (n === 0) return false;
    const pairs = pairUp(n) ?? pairUp(dropStateCodes(n));
    if (pairs === undefined) return false;
    ctx.flushPending();
    const numFirst = pairs.numFirst;
    let counted = 0;
    for (let p = 0; p < pairs.count; p++) {
      const st = pairStates[p] as TcpState;
      const item = pairNums[p] as number;
      if (itemNegative[item]) {
        ctx.b.warn(
          `${lineRef(ctx, v)}: a negative count (-${itemText(v.s, item)}) is not a count: ignored`,
        );
        continue;
      }
      let value = itemValue[item] as number;
      if (!itemExact[item]) {
        ctx.b.warn(
          `${lineRef(ctx, v)}: the count ${itemText(v.s, item)} is too large to hold exactly: read as at least ${Number.MAX_SAFE_INTEGER}`,
        );
        ctx.b.extra['counts:inexact'] = (ctx.b.extra['counts:inexact'] ?? 0) + 1;
        value = Number.MAX_SAFE_INTEGER;
      }
      ctx.b.addCount(st, value);
      ctx.hintOs(osOfSpelling(pairWords[p] as string));
      counted++;
    }
    ctx.seen(numFirst ? 'uniq-count' : 'state-count', undefined, Math.max(1, counted));
    ctx.b.skip('count');
    return true;
  },
};

/** "line 12: TIME_WAIT 99999999999999999999", for warnings that name the line. */
function lineRef(ctx: ReadContext, v: LineView): string {
  const t = fromLatin1(v.text());
  return `line ${ctx.b.lines.total}: "${t.length > 60 ? `${t.slice(0, 57)}...` : t}"`;
}

// ---- lexing: the line as items (numbers, state words, other words), reused arrays -----------

const MAX_ITEMS = 48;
const KIND_NUM = 1;
const KIND_STATE = 2;
const KIND_WORD = 3;
const itemKind = new Uint8Array(MAX_ITEMS);
const itemStart = new Int32Array(MAX_ITEMS);
const itemEnd = new Int32Array(MAX_ITEMS);
const itemValue = new Float64Array(MAX_ITEMS);
const itemExact = new Uint8Array(MAX_ITEMS);
const itemNegative = new Uint8Array(MAX_ITEMS);
const itemState: (TcpState | undefined)[] = new Array(MAX_ITEMS).fill(undefined);
const itemWord: string[] = new Array(MAX_ITEMS).fill('');
/** The item is inside (...) or {...}: a comment, a code or labels, used only when the rest does not pair up. */
const itemNested = new Uint8Array(MAX_ITEMS);
/** The number follows '=' ("tcp_time_wait=4i"): in key=value lines only such numbers are counts. */
const itemAfterEq = new Uint8Array(MAX_ITEMS);

/** Words that may stand beside the pairs without making the line prose. */
const FILLER = new Set([
  'tcp',
  'tcp4',
  'tcp6',
  'total',
  'count',
  'counts',
  'state',
  'states',
  'connections',
  'connection',
  'conns',
  'sockets',
  'socket',
  'sessions',
  'current',
  'number',
  'of',
  'in',
  'tcpstate',
]);

function itemText(s: string, i: number): string {
  return s.slice(itemStart[i], itemEnd[i]);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80;
}

/**
 * Splits s[a, e) into items. Returns how many, or 0 when the line cannot be a summary (a
 * comment line, an address or a time in it, too many items, a leading word that is prose).
 */
function lex(s: string, a: number, e: number): number {
  let n = 0;
  let i = a;
  // Bullets and numbering: "- ", "* ", "• ", "1. ", "2) ", "#3 ".
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 42 || c === 43 || c === 62) {
      if (c === 45 && isDigit(s.charCodeAt(i + 1))) break; // "-5 TIME_WAIT": a negative count
      i++;
    } else if (c === 0xe2 && s.charCodeAt(i + 1) === 0x80 && s.charCodeAt(i + 2) === 0xa2) {
      i += 3;
    } else if (c === 35) {
      if (!isDigit(s.charCodeAt(i + 1))) return 0; // "# HELP ...": a comment line
      i++;
      while (isDigit(s.charCodeAt(i))) i++;
    } else break;
    while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  }
  {
    let k = i;
    while (k < e && isDigit(s.charCodeAt(k))) k++;
    const c = s.charCodeAt(k);
    if (k > i && k - i <= 3 && (c === 46 || c === 41) && !isDigit(s.charCodeAt(k + 1))) i = k + 1;
  }
  let depth = 0;
  while (i < e) {
    const c = s.charCodeAt(i);
    if (
      isDigit(c) ||
      (c === 45 && isDigit(s.charCodeAt(i + 1)) && (i === a || !isLetter(s.charCodeAt(i - 1))))
    ) {
      if (n >= MAX_ITEMS) return 0;
      const negative = c === 45;
      const start = negative ? i + 1 : i;
      let k = start;
      let value = 0;
      let digits = 0;
      while (k < e && isDigit(s.charCodeAt(k))) {
        value = value * 10 + (s.charCodeAt(k) - 48);
        digits++;
        k++;
      }
      // Thousands separators: "12,248", "12'248", "1 234" is left alone (two numbers).
      for (;;) {
        const sep = s.charCodeAt(k);
        if (
          (sep === 44 || sep === 39 || sep === 95) &&
          isDigit(s.charCodeAt(k + 1)) &&
          isDigit(s.charCodeAt(k + 2)) &&
          isDigit(s.charCodeAt(k + 3)) &&
          !isDigit(s.charCodeAt(k + 4)) &&
          k + 3 < e
        ) {
          for (let d = 1; d <= 3; d++) value = value * 10 + (s.charCodeAt(k + d) - 48);
          digits += 3;
          k += 4;
        } else break;
      }
      const next = s.charCodeAt(k);
      if (k < e && (next === 46 || next === 58) && isDigit(s.charCodeAt(k + 1))) return 0; // address, decimal, time
      if (k < e && next === 37) {
        pushWord(s, n, i, k + 1, depth); // a percentage: not a count
        n++;
        i = k + 1;
        continue;
      }
      if (
        k < e &&
        isLetter(next) &&
        !(next === 105 && (k + 1 >= e || !isLetter(s.charCodeAt(k + 1))))
      ) {
        // Digits glued to letters: a hex code ("0A"), a word ("6h"); read as a word.
        let w = k;
        while (w < e && (isLetter(s.charCodeAt(w)) || isDigit(s.charCodeAt(w)))) w++;
        pushWord(s, n, i, w, depth);
        n++;
        i = w;
        continue;
      }
      itemKind[n] = KIND_NUM;
      itemStart[n] = start;
      itemEnd[n] = start + (k - start);
      itemValue[n] = value;
      itemExact[n] = digits <= 15 || Number.isSafeInteger(value) ? 1 : 0;
      itemNegative[n] = negative ? 1 : 0;
      itemNested[n] = depth > 0 ? 1 : 0;
      itemAfterEq[n] = i > a && s.charCodeAt(i - 1) === 61 ? 1 : 0;
      n++;
      i = next === 105 && k < e ? k + 1 : k; // Influx integers: "10i"
      continue;
    }
    if (isLetter(c) || c === 95) {
      if (n >= MAX_ITEMS) return 0;
      let w = i;
      while (w < e) {
        const d = s.charCodeAt(w);
        if (!(isLetter(d) || isDigit(d) || d === 95 || d === 45)) break;
        w++;
      }
      pushWord(s, n, i, w, depth);
      // Labels: a metric or measurement name ("node_tcp_connection_states{", "netstat,"),
      // a key ("host=") or a value ("=a", "=\"x\"") that is not a state.
      if (itemKind[n] === KIND_WORD) {
        const after = s.charCodeAt(w);
        const before = i > a ? s.charCodeAt(i - 1) : 0;
        if (
          after === 61 ||
          before === 61 ||
          (before === 34 && i > a + 1 && s.charCodeAt(i - 2) === 61) ||
          (n === 0 && (after === 123 || after === 44))
        )
          itemNested[n] = 1;
      }
      // "host:8080": an address, not a summary ("TIME_WAIT:346" is one).
      if (itemKind[n] !== KIND_STATE && s.charCodeAt(w) === 58 && isDigit(s.charCodeAt(w + 1)))
        return 0;
      n++;
      i = w;
      continue;
    }
    // Comments: "# ...", "// ...", "-- ...", "<- ...", "←".
    if (c === 35 && n > 0) break;
    if (c === 47 && s.charCodeAt(i + 1) === 47) break;
    if (c === 45 && s.charCodeAt(i + 1) === 45 && s.charCodeAt(i + 2) === 32) break;
    if (c === 60 && s.charCodeAt(i + 1) === 45) break;
    if (c === 40 || c === 123 || c === 91) depth++;
    else if ((c === 41 || c === 125 || c === 93) && depth > 0) depth--;
    i++;
  }
  return n;
}

/** Adds the word s[a, w) as item n: a state (also `tcp_time_wait`, `TimeWait`), or another word. */
function pushWord(s: string, n: number, a: number, w: number, depth: number): void {
  const word = s.slice(a, w);
  let st = word.length >= 4 ? stateFromToken(word) : undefined;
  if (st === undefined && word.length > 8) {
    // Metric and field names: "tcp_time_wait", "netstat_tcp_close_wait".
    const lower = word.toLowerCase();
    const at = lower.lastIndexOf('tcp_');
    if (at >= 0) st = stateFromToken(word.slice(at + 4));
  }
  itemKind[n] = st !== undefined ? KIND_STATE : KIND_WORD;
  itemState[n] = st;
  itemWord[n] = word;
  itemStart[n] = a;
  itemEnd[n] = w;
  itemNested[n] = depth > 0 ? 1 : 0;
  itemAfterEq[n] = 0;
}

// ---- pairing ---------------------------------------------------------------------------------

const pairStates: TcpState[] = [];
const pairNums: number[] = [];
const pairWords: string[] = [];
const kept = new Int32Array(MAX_ITEMS);
let keptCount = 0;
const dropped = new Uint8Array(MAX_ITEMS);

/**
 * Pairs the items up: state then count or count then state, alternating. Words in brackets
 * are labels or comments; filler words ("connections") may stand anywhere; other words only
 * after the last pair (a comment). Returns undefined when the items do not pair.
 */
function pairUp(n: number): { count: number; numFirst: boolean } | undefined {
  const tryNested = (useNested: boolean) => {
    keptCount = 0;
    let trailingOnly = false;
    for (let i = 0; i < n; i++) {
      if (dropped[i]) continue;
      if (itemNested[i] && !useNested && itemKind[i] !== KIND_STATE) continue;
      if (itemNested[i] && !useNested && itemKind[i] === KIND_STATE && !labelledState(i)) continue;
      const kind = itemKind[i];
      if (kind === KIND_WORD) {
        if (FILLER.has((itemWord[i] as string).toLowerCase()) || itemNested[i]) continue;
        // Other words end the pairs: they are a comment, and nothing may follow.
        trailingOnly = true;
        continue;
      }
      if (trailingOnly) return undefined;
      kept[keptCount++] = i;
    }
    return pairKept();
  };
  const result = tryNested(false) ?? tryNested(true);
  dropped.fill(0, 0, n);
  return result;
}

/** A state word inside braces is a label value (`{state="time_wait"}`): it counts. */
function labelledState(i: number): boolean {
  return i > 0 && (itemWord[i - 1] as string).toLowerCase() === 'state';
}

function pairKept(): { count: number; numFirst: boolean } | undefined {
  // key=value lines ("tcp_time_wait=4i ... 1700000000000000000"): a number not after '=' is a timestamp.
  let eq = false;
  for (let k = 0; k < keptCount; k++) if (itemAfterEq[kept[k] as number]) eq = true;
  if (eq) {
    let w = 0;
    for (let k = 0; k < keptCount; k++) {
      const i = kept[k] as number;
      if (itemKind[i] !== KIND_NUM || itemAfterEq[i]) kept[w++] = i;
    }
    keptCount = w;
  }
  if (keptCount < 2 || keptCount % 2 !== 0) return undefined;
  const numFirst = itemKind[kept[0] as number] === KIND_NUM;
  pairStates.length = 0;
  pairNums.length = 0;
  pairWords.length = 0;
  for (let k = 0; k < keptCount; k += 2) {
    const ni = kept[numFirst ? k : k + 1] as number;
    const si = kept[numFirst ? k + 1 : k] as number;
    if (itemKind[ni] !== KIND_NUM || itemKind[si] !== KIND_STATE) return undefined;
    pairStates.push(itemState[si] as TcpState);
    pairNums.push(ni);
    pairWords.push(itemWord[si] as string);
  }
  return { count: pairStates.length, numFirst };
}

/**
 * Marks numbers that are the state code of the state beside them ("8388 01 ESTABLISHED":
 * /proc/net/tcp hex codes, Windows MIB_TCP_STATE numbers) as dropped, so the count pairs.
 */
function dropStateCodes(n: number): number {
  for (let i = 0; i < n; i++) {
    if (itemKind[i] !== KIND_STATE) continue;
    const st = itemState[i] as TcpState;
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= n || dropped[j]) continue;
      if (isStateCode(j, st)) {
        dropped[j] = 1;
        break;
      }
    }
  }
  return n;
}

/** Windows MIB_TCP_STATE numbers (1 CLOSED ... 11 TIME_WAIT). */
const MIB_CODES: readonly (TcpState | undefined)[] = [
  undefined,
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
];

function isStateCode(j: number, st: TcpState): boolean {
  const len = (itemEnd[j] as number) - (itemStart[j] as number);
  if (itemKind[j] === KIND_WORD) return len === 2 && stateFromHexCode(itemWord[j] as string) === st;
  if (itemKind[j] !== KIND_NUM || len > 2 || itemNegative[j]) return false;
  const value = itemValue[j] as number;
  const hex = len === 2 ? stateFromHexCode(value < 10 ? `0${value}` : String(value)) : undefined;
  return hex === st || MIB_CODES[value] === st;
}
