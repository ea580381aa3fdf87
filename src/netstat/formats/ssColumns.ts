import { parseEndpoint } from '../endpoint.js';
import { fromLatin1, indexIn, type LineView, parseUint } from '../lineView.js';
import type { RowScratch } from '../snapshotBuilder.js';

/** ss columns after the state at index k: Recv-Q Send-Q Local Peer [Process/extras]. */
export function ssColumns(v: LineView, k: number, r: RowScratch): void {
  const s = v.s;
  let i = k + 1;
  const rq = i < v.n ? v.uint(i) : -1;
  if (rq >= 0) {
    r.recvQ = rq;
    i++;
    const sq = i < v.n ? v.uint(i) : -1;
    if (sq >= 0) {
      r.sendQ = sq;
      i++;
    }
  }
  let side: 0 | 1 = 0;
  for (; i < v.n && side < 2; i++) {
    if (parseEndpoint(s, v.ts[i] as number, v.te[i] as number, side, r)) side = (side + 1) as 0 | 1;
  }
  for (; i < v.n; i++) ssExtra(v, i, r);
}

/** `users:(("sshd",pid=812,fd=3))` and `timer:(keepalive,...)` fields of ss. */
export function ssExtra(v: LineView, i: number, r: RowScratch): void {
  const s = v.s;
  const a = v.ts[i] as number;
  const e = v.te[i] as number;
  if (s.startsWith('users:', a) && r.processKey === undefined) {
    const q1 = indexIn(s, 34, a, e);
    const q2 = q1 >= 0 ? indexIn(s, 34, q1 + 1, e) : -1;
    const eq = q2 > 0 ? s.slice(q2, e).indexOf('pid=') : -1;
    const p = eq >= 0 ? q2 + eq : -1;
    if (q2 > q1 && p > 0) {
      let k = p + 4;
      while (k < e && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
      const pid = parseUint(s, p + 4, k);
      if (pid >= 0) {
        r.processKey = pid;
        r.processName = `${fromLatin1(s.slice(q1 + 1, q2))} (pid ${pid})`;
      }
    }
  } else if (s.startsWith('timer:(', a)) {
    let k = a + 7;
    while (k < e && s.charCodeAt(k) !== 44 && s.charCodeAt(k) !== 41) k++;
    r.timer = s.slice(a + 7, k);
  }
}
