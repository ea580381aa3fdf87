import { fromLatin1, type LineView } from './lineView.js';

/** The first index at or after i that is not a space or tab (or e). */
export function skipBlanks(s: string, i: number, e: number): number {
  while (i < e) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** The end of the token starting at i (the next space or tab, or e). */
export function tokenEnd(s: string, i: number, e: number): number {
  while (i < e) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) break;
    i++;
  }
  return i;
}

/** The end of the run of digits starting at i. */
export function digitsEnd(s: string, i: number, e: number): number {
  while (i < e) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** Letters, digits, '-', '_' and '+': the characters of a code fence's language tag. */
export function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 45 ||
    c === 95 ||
    c === 43
  );
}

/** True when every token from `from` on is an unsigned integer. */
export function allNumbers(v: LineView, from: number): boolean {
  for (let i = from; i < v.n; i++) if (v.uint(i) < 0) return false;
  return true;
}

/** The line as UTF-8 text, cut to 80 characters, for a message. */
export function preview(v: LineView): string {
  const t = fromLatin1(v.text());
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/** True when token i of v is all hex digits, `min` to `max` long (an optional 0x not counted). */
export function isHexToken(v: LineView, i: number, min: number, max: number): boolean {
  const s = v.s;
  let a = v.ts[i] as number;
  const e = v.te[i] as number;
  if (e - a > 2 && s.charCodeAt(a) === 48 && (s.charCodeAt(a + 1) | 32) === 120) a += 2;
  const len = e - a;
  if (len < min || len > max) return false;
  for (let k = a; k < e; k++) {
    const c = s.charCodeAt(k) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
