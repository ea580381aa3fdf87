import { osOfSpelling, stateFromHexCode, stateFromToken } from '../aliases.js';
import { fromLatin1 } from '../lineView.js';
import type { TcpState } from '../states.js';
import type { LineFormat } from './format.js';

/**
 * Count summaries: "N STATE" (`sort | uniq -c`) or "STATE N" (awk), one pair per line or
 * several collapsed onto one line. Words that are not states (`Foreign`, `established)`) are
 * header artefacts of `awk '{print $6}'`: ignored and named in a warning.
 */
export const stateCounts: LineFormat = {
  name: 'state counts',
  row(v, ctx) {
    const n = v.n;
    if (n < 2 || n % 2 !== 0) return false;
    const numFirst = v.uint(0) >= 0;
    const states: TcpState[] = [];
    const values: number[] = [];
    let others = 0;
    const artefacts: string[] = [];
    for (let i = 0; i < n; i += 2) {
      const ni = numFirst ? i : i + 1;
      const wi = numFirst ? i + 1 : i;
      const num = v.uint(ni);
      if (num < 0) return false;
      let word = v.tok(wi);
      if (word.endsWith(':') || word.endsWith('=') || word.endsWith(',') || word.endsWith(';'))
        word = word.slice(0, -1);
      if (v.uint(wi) >= 0 && stateFromHexCode(word) === undefined) return false;
      const st = stateFromToken(word) ?? stateFromHexCode(word);
      if (st === undefined) {
        others++;
        if (word.length <= 24) artefacts.push(word);
        continue;
      }
      states.push(st);
      values.push(num);
    }
    if (states.length === 0) {
      // Shaped like a count but naming no state: a header artefact line such as "1 Foreign".
      if (others > 0 && n === 2 && numFirst) {
        for (const word of artefacts)
          if (ctx.artefacts.size < 12) ctx.artefacts.add(fromLatin1(word));
        ctx.b.skip('not-a-state');
        return true;
      }
      return false;
    }
    ctx.flushPending();
    for (const word of artefacts) if (ctx.artefacts.size < 12) ctx.artefacts.add(fromLatin1(word));
    for (let i = 0; i < states.length; i++)
      ctx.b.addCount(states[i] as TcpState, values[i] as number);
    for (let i = numFirst ? 1 : 0; i < n; i += 2) ctx.hintOs(osOfSpelling(v.tok(i)));
    ctx.seen(numFirst ? 'uniq-count' : 'state-count', undefined, states.length);
    ctx.b.skip('count');
    return true;
  },
};

/** `awk '{print $6}'` without `sort | uniq -c`: one state word per line, each a socket. */
export const stateWords: LineFormat = {
  name: 'state words',
  row(v, ctx, line) {
    if (v.n !== 1 || line.digit) return false;
    const st = stateFromToken(line.t0);
    if (st === undefined) return false;
    const r = ctx.startRow();
    r.state = st;
    r.proto = 'tcp';
    ctx.seen('state-count');
    ctx.endRow(v);
    return true;
  },
};
