/**
 * Fits markdown text into a chat platform's budget: characters per chunk (a Slack section
 * block, a Discord message), chunks per message, characters per message, messages per reply
 * and characters in all. Splits at paragraph, then line, then word boundaries, and only
 * splits inside a word (at a grapheme boundary) when one word is longer than a chunk. A code
 * fence that spans two chunks is closed at the end of the first and reopened, with its
 * language, at the start of the next. When the reply is longer than the whole budget the
 * last chunk ends with a visible notice saying how much was left out.
 *
 * Lengths are UTF-16 code units (`string.length`), which is what both platforms count or
 * more than they count, so a chunk that fits here fits there.
 */
import {
  type Fence,
  fenceCloser,
  fenceReopener,
  type LineFenceState,
  scanFences,
} from './fences.js';

/** How much text one reply may use on a platform. */
export interface ChunkBudget {
  /** Characters in one chunk (a Slack section block, a Discord message or embed text). */
  maxChunkChars: number;
  /** Chunks in one message (Slack blocks per message; 1 when each chunk is its own message). */
  maxChunksPerMessage: number;
  /** Characters across the chunks of one message (e.g. Slack's ~13,200 of block text). */
  maxMessageChars: number;
  /** Messages one reply may use. */
  maxMessages: number;
  /** Characters across the whole reply. */
  maxTotalChars: number;
  /** The visible line ending a reply that was cut, given how many characters were left out. */
  truncationNotice: (omittedChars: number) => string;
}

/** Smallest chunk size accepted: room for a reopened and closed fence plus some text. */
export const MIN_CHUNK_CHARS = 200;

/**
 * A neutral budget: 2,000-character chunks, one chunk per message, at most 4 messages and
 * 8,000 characters. Adapters pass their own platform figures.
 */
export const DEFAULT_CHUNK_BUDGET: Readonly<ChunkBudget> = Object.freeze({
  maxChunkChars: 2000,
  maxChunksPerMessage: 1,
  maxMessageChars: 2000,
  maxMessages: 4,
  maxTotalChars: 8000,
  truncationNotice: (omitted: number) =>
    `… (reply cut here: ${omitted.toLocaleString('en-US')} more characters did not fit)`,
});

/** One chunk, with what the chunker added to the text kept apart (tests and renderers use it). */
export interface ChunkPiece {
  /** Fence line reopened at the start ('' if none). */
  reopen: string;
  /** The slice of the (newline-normalised) input this chunk carries. */
  body: string;
  /** Fence line added at the end to close a fence left open ('' if none). */
  close: string;
  /** The truncation notice, on the last chunk of a reply that was cut ('' otherwise). */
  notice: string;
  /** Which message (0-based) the chunk belongs to. */
  message: number;
}

/** The result of chunking: the chunk strings, grouped by message, and whether text was cut. */
export interface ChunkedText {
  chunks: string[];
  messages: string[][];
  pieces: ChunkPiece[];
  truncated: boolean;
  /** Characters of the input left out when truncated (0 otherwise). */
  omittedChars: number;
}

/** The text of one chunk as it is sent. */
export function pieceText(p: ChunkPiece): string {
  let s = p.reopen ? `${p.reopen}\n${p.body}` : p.body;
  if (p.close) s += `\n${p.close}`;
  if (p.notice) s += s ? `\n\n${p.notice}` : p.notice;
  return s;
}

/** Fills in defaults and rejects budgets that cannot hold a chunk. */
export function resolveBudget(budget: Partial<ChunkBudget> = {}): ChunkBudget {
  const b: ChunkBudget = { ...DEFAULT_CHUNK_BUDGET, ...budget };
  const ints: (keyof ChunkBudget)[] = [
    'maxChunkChars',
    'maxChunksPerMessage',
    'maxMessageChars',
    'maxMessages',
    'maxTotalChars',
  ];
  for (const k of ints) {
    const v = b[k] as number;
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`chunk budget: ${k} must be a positive integer`);
  }
  for (const k of ['maxChunkChars', 'maxMessageChars', 'maxTotalChars'] as const) {
    if (b[k] < MIN_CHUNK_CHARS)
      throw new RangeError(`chunk budget: ${k} must be at least ${MIN_CHUNK_CHARS}`);
  }
  if (reserveFor(b) > Math.min(b.maxChunkChars, b.maxMessageChars, b.maxTotalChars)) {
    throw new RangeError('chunk budget: the truncation notice does not fit in a chunk');
  }
  return b;
}

/** Text a chunk must still hold besides the notice for it to be worth starting. */
const MIN_CONTENT = 40;

function reserveFor(b: ChunkBudget): number {
  return b.truncationNotice(Number.MAX_SAFE_INTEGER).length + 2 + MIN_CONTENT;
}

/** Splits text into chunks that fit the budget (defaults: `DEFAULT_CHUNK_BUDGET`). */
export function chunkText(input: string, budget: Partial<ChunkBudget> = {}): ChunkedText {
  const b = resolveBudget(budget);
  const doc = new Doc(input);
  const pieces: ChunkPiece[] = [];
  const reserve = reserveFor(b);
  let pos = doc.start;
  let used = 0;
  let msg = 0;
  let inMsg = 0;
  let msgChars = 0;
  let truncated = false;
  let omittedChars = 0;

  while (pos < doc.end) {
    if (inMsg >= b.maxChunksPerMessage || (inMsg > 0 && b.maxMessageChars - msgChars < reserve)) {
      msg++;
      inMsg = 0;
      msgChars = 0;
    }
    const limit = Math.min(b.maxChunkChars, b.maxMessageChars - msgChars, b.maxTotalChars - used);
    const cut = doc.take(pos, limit);
    const next = cut ? cut.nextStart : pos;
    if (cut && next >= doc.end) {
      pieces.push(doc.piece(pos, cut, '', msg));
      break;
    }
    if (cut) {
      const size = pieceText(doc.piece(pos, cut, '', msg)).length;
      const roomInMessage =
        inMsg + 1 < b.maxChunksPerMessage && b.maxMessageChars - msgChars - size >= reserve;
      const roomAfter =
        b.maxTotalChars - used - size >= reserve && (roomInMessage || msg + 1 < b.maxMessages);
      if (roomAfter) {
        pieces.push(doc.piece(pos, cut, '', msg));
        used += size;
        msgChars += size;
        inMsg++;
        pos = next;
        continue;
      }
    }
    // This is the last chunk the budget allows: keep room for the notice.
    const noticeRoom = b.truncationNotice(doc.end - pos).length + 2;
    const last = doc.take(pos, limit - noticeRoom);
    const rest = last ? last.nextStart : pos;
    omittedChars = doc.end - rest;
    const notice = b.truncationNotice(omittedChars);
    let piece = last ? doc.piece(pos, last, notice, msg) : emptyPiece(notice, msg);
    if (pieceText(piece).length > limit) piece = emptyPiece(notice, msg);
    pieces.push(piece);
    truncated = true;
    break;
  }

  const chunks = pieces.map(pieceText);
  const messages: string[][] = [];
  pieces.forEach((p, i) => {
    const text = chunks[i] as string;
    const group = messages[p.message];
    if (group) group.push(text);
    else messages[p.message] = [text];
  });
  return { chunks, messages: messages.filter(Boolean), pieces, truncated, omittedChars };
}

function emptyPiece(notice: string, message: number): ChunkPiece {
  return { reopen: '', body: '', close: '', notice, message };
}

/** Where a chunk ends (`cutEnd`, exclusive) and where the next one starts. */
interface Cut {
  cutEnd: number;
  nextStart: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The input split into lines with their fence states, and the search for split points. */
class Doc {
  readonly text: string;
  readonly lines: string[];
  readonly starts: number[];
  readonly fences: LineFenceState[];
  /** Index of the first non-whitespace character (text.length when none). */
  readonly start: number;
  /** Index just after the last non-whitespace character. */
  readonly end: number;

  constructor(input: string) {
    this.text = input.replace(/\r\n?/g, '\n');
    this.lines = this.text.split('\n');
    this.starts = [];
    let at = 0;
    for (const line of this.lines) {
      this.starts.push(at);
      at += line.length + 1;
    }
    this.fences = scanFences(this.lines);
    const first = this.text.search(/\S/);
    this.start = first < 0 ? this.text.length : this.lineStart(this.lineAt(first));
    this.end = first < 0 ? 0 : this.text.trimEnd().length;
  }

  lineStart(i: number): number {
    return this.starts[i] as number;
  }

  lineEnd(i: number): number {
    return (this.starts[i] as number) + (this.lines[i] as string).length;
  }

  state(i: number): LineFenceState {
    return this.fences[i] as LineFenceState;
  }

  /** The line holding position p (binary search). */
  lineAt(p: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The fence open at position p (a chunk start or end). */
  fenceAt(p: number): Fence | undefined {
    const i = this.lineAt(p);
    const st = this.state(i);
    if (p === this.lineStart(i)) return st.before;
    if (p >= this.lineEnd(i)) return st.after;
    // Mid-line: only fence marker lines change state, and a cut never falls inside their run.
    return st.role === 'opener' || st.role === 'closer' ? st.after : st.before;
  }

  isBlankText(i: number): boolean {
    return this.state(i).role === 'text' && (this.lines[i] as string).trim() === '';
  }

  /** Builds the piece for a chunk starting at pos and ending at cut. */
  piece(pos: number, cut: Cut, notice: string, message: number): ChunkPiece {
    const open = this.fenceAt(pos);
    const left = this.fenceAt(cut.cutEnd);
    return {
      reopen: open ? fenceReopener(open) : '',
      body: this.text.slice(pos, cut.cutEnd),
      close: left ? fenceCloser(left) : '',
      notice,
      message,
    };
  }

  /** The best cut for a chunk starting at pos within `limit` characters, or undefined. */
  take(pos: number, limit: number): Cut | undefined {
    const open = this.fenceAt(pos);
    const avail = limit - (open ? fenceReopener(open).length + 1 : 0);
    if (avail <= 0) return undefined;
    const closeLen = (f: Fence | undefined) => (f ? f.length + 1 : 0);
    if (this.end - pos + closeLen(this.fenceAt(this.end)) <= avail) {
      return { cutEnd: this.end, nextStart: this.text.length };
    }
    const windowEnd = pos + avail;
    let firstContent = pos;
    while (firstContent < windowEnd && /\s/.test(this.text[firstContent] as string)) firstContent++;
    if (firstContent >= windowEnd) return undefined;

    // Paragraph and line boundaries inside the window.
    let paragraph: number | undefined;
    let line: number | undefined;
    let anyLine: number | undefined;
    let overflow: number | undefined;
    const last = this.lines.length - 1;
    for (let i = this.lineAt(pos); i < last && this.lineStart(i) <= windowEnd; i++) {
      const cutEnd = this.lineEnd(i);
      if (cutEnd <= firstContent) continue;
      const st = this.state(i);
      // A closer line is at least as long as the fence it saves closing, so later lines fit no better.
      if (cutEnd - pos + closeLen(st.after) > avail) {
        overflow = i;
        break;
      }
      anyLine = i;
      // Never end a chunk with an empty fence, nor start one with a lone closer.
      if (st.role === 'opener' || this.state(i + 1).role === 'closer') continue;
      const nextRole = this.state(i + 1).role;
      if (!st.after && (this.isBlankText(i + 1) || st.role === 'closer' || nextRole === 'opener')) {
        paragraph = i;
      }
      line = i;
    }
    if (paragraph !== undefined) {
      let n = paragraph + 1;
      while (n <= last && this.isBlankText(n)) n++;
      const nextStart = n <= last ? this.lineStart(n) : this.text.length;
      return { cutEnd: this.lineEnd(paragraph), nextStart };
    }
    if (line !== undefined)
      return { cutEnd: this.lineEnd(line), nextStart: this.lineStart(line + 1) };

    // The line that overflows the window is longer than the room: split it at a word, else
    // inside a word, but never inside a fence marker's run of backticks or tildes.
    const j = overflow ?? this.lineAt(Math.min(windowEnd, this.end));
    const st = this.state(j);
    const marker = st.role === 'opener' || st.role === 'closer';
    const closeHere = closeLen(marker ? st.after : st.before);
    const hi = Math.min(this.lineEnd(j), pos + avail - closeHere);
    let lo = Math.max(pos, this.lineStart(j), firstContent);
    if (marker) lo = Math.max(lo, this.lineStart(j) + markerRunEnd(this.lines[j] as string));
    if (lo < hi) {
      const word = this.wordCut(j, lo, hi);
      if (word) return word;
      const hard = this.hardCut(lo, hi);
      if (hard !== undefined) return { cutEnd: hard, nextStart: hard };
    }
    if (anyLine !== undefined)
      return { cutEnd: this.lineEnd(anyLine), nextStart: this.lineStart(anyLine + 1) };
    // Last resort (pathological fence lines longer than a chunk): split between code points.
    let b = hi;
    const code = this.text.charCodeAt(b - 1);
    if (code >= 0xd800 && code <= 0xdbff && b - 1 > firstContent) b--;
    return b > firstContent ? { cutEnd: b, nextStart: b } : undefined;
  }

  /** The last run of spaces in line j, within (lo, hi], followed by text on the same line. */
  wordCut(j: number, lo: number, hi: number): Cut | undefined {
    const lineEnd = this.lineEnd(j);
    for (let a = Math.min(hi, lineEnd - 1); a > lo; a--) {
      if (!isSpace(this.text.charCodeAt(a))) continue;
      if (isSpace(this.text.charCodeAt(a - 1))) continue;
      let b = a;
      while (b < lineEnd && isSpace(this.text.charCodeAt(b))) b++;
      if (b < lineEnd) return { cutEnd: a, nextStart: b };
    }
    return undefined;
  }

  /** The last grapheme boundary in (lo, hi], or a code point boundary inside one long grapheme. */
  hardCut(lo: number, hi: number): number | undefined {
    const slice = this.text.slice(lo, Math.min(this.text.length, hi + 64));
    let best: number | undefined;
    for (const seg of graphemes.segment(slice)) {
      const boundary = lo + seg.index;
      if (boundary > hi) break;
      if (boundary > lo) best = boundary;
    }
    if (best !== undefined) return best;
    let b = hi;
    const code = this.text.charCodeAt(b - 1);
    if (code >= 0xd800 && code <= 0xdbff) b--;
    return b > lo ? b : undefined;
  }
}

/** Where the run of fence characters ends in a fence marker line. */
function markerRunEnd(line: string): number {
  let k = 0;
  while (line[k] === ' ') k++;
  const c = line[k];
  while (line[k] === c) k++;
  return k;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
