import { stateFromToken } from '../aliases.js';
import type { LineFormat } from './format.js';
import { ssColumns, ssExtra } from './ssColumns.js';

/** iproute2 `ss -tan` rows without a Netid column: "ESTAB 0 0 10.0.0.5:22 10.0.0.9:51234 ...". */
export const ssRows: LineFormat = {
  name: 'ss rows',
  row(v, ctx, line) {
    if (line.digit || v.n < 4 || v.uint(1) < 0 || v.uint(2) < 0) return false;
    const st = stateFromToken(line.t0);
    if (st === undefined) return false;
    const r = ctx.startRow();
    r.state = st;
    r.proto = 'tcp';
    ssColumns(v, 0, r);
    ctx.seen('ss', 'linux');
    ctx.endRow(v);
    return true;
  },
};

/** The second lines of `ss -p/-e/-i/-o` records: indented "key:value" fields that complete the row above. */
export const ssDetailLines: LineFormat = {
  name: 'ss detail lines',
  row(v, ctx, line) {
    if (line.digit || !ctx.pending) return false;
    const t0 = line.t0;
    if (
      !(line.indented && v.text().includes(':')) &&
      !t0.startsWith('users:') &&
      !t0.startsWith('timer:') &&
      !t0.startsWith('skmem:')
    )
      return false;
    for (let i = 0; i < v.n; i++) ssExtra(v, i, ctx.pend);
    ctx.b.skip('continuation');
    return true;
  },
};
