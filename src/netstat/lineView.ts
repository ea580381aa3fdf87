/**
 * One input line as offsets into a latin1 chunk string (one char per byte), with its
 * whitespace-separated tokens as offset pairs. Reused for every line: no per-line arrays.
 */
export class LineView {
  /** Tokens beyond this many are ignored (no real listing row has more). */
  static readonly MAX_TOKENS = 48;
  s = '';
  start = 0;
  end = 0;
  n = 0;
  readonly ts = new Int32Array(LineView.MAX_TOKENS);
  readonly te = new Int32Array(LineView.MAX_TOKENS);

  /** Points the view at s[start, end) and splits it into tokens. */
  set(s: string, start: number, end: number): void {
    this.s = s;
    this.start = start;
    this.end = end;
    let n = 0;
    let i = start;
    while (i < end && n < LineView.MAX_TOKENS) {
      let c = s.charCodeAt(i);
      while (c === 32 || c === 9) {
        i++;
        if (i >= end) break;
        c = s.charCodeAt(i);
      }
      if (i >= end) break;
      const t0 = i;
      while (i < end) {
        c = s.charCodeAt(i);
        if (c === 32 || c === 9) break;
        i++;
      }
      this.ts[n] = t0;
      this.te[n] = i;
      n++;
    }
    this.n = n;
  }

  /** Token i as a string. */
  tok(i: number): string {
    return this.s.slice(this.ts[i], this.te[i]);
  }

  /** The token as an unsigned integer, or -1 when it is not all digits (or too long). */
  uint(i: number): number {
    return parseUint(this.s, this.ts[i] as number, this.te[i] as number);
  }

  /** The line text (trimmed of chat damage). */
  text(): string {
    return this.s.slice(this.start, this.end);
  }
}

/** Digits in s[a, b) as a number, or -1 when empty, not all digits, or longer than 15 digits. */
export function parseUint(s: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Hex digits in s[a, b) as a number, or -1. */
export function parseHex(s: string, a: number, b: number): number {
  if (b <= a || b - a > 12) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/** A dotted-quad IPv4 address in s[a, b) as an unsigned 32-bit number, or -1. */
export function parseIpv4(s: string, a: number, b: number): number {
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      digits++;
      if (digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      v = v * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return v * 256 + part;
}

/** Converts a latin1 view back to the UTF-8 text it holds (only when it has non-ASCII bytes). */
export function fromLatin1(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) return Buffer.from(s, 'latin1').toString('utf8');
  }
  return s;
}

/** Index of char code `c` in s[a, e), or -1. Bounded, unlike String#indexOf which scans to the end. */
export function indexIn(s: string, c: number, a: number, e: number): number {
  for (let i = a; i < e; i++) if (s.charCodeAt(i) === c) return i;
  return -1;
}

/** Last index of char code `c` in s[a, e), or -1. */
export function lastIndexIn(s: string, c: number, a: number, e: number): number {
  for (let i = e - 1; i >= a; i--) if (s.charCodeAt(i) === c) return i;
  return -1;
}
