import { fromLatin1 } from '../lineView.js';
import type { LineFormat } from './format.js';

/**
 * Windows `netstat -b`: the "[svchost.exe]" line under a row names its process. (The rows
 * themselves, "TCP 0.0.0.0:135 0.0.0.0:0 LISTENING 4", are read by `netstatRows`.)
 */
export const windowsImageNames: LineFormat = {
  name: 'netstat -b image names',
  row(v, ctx, line) {
    const t0 = line.t0;
    if (line.digit || !ctx.pending || v.n !== 1) return false;
    if (t0.charCodeAt(0) !== 91 || t0.charCodeAt(t0.length - 1) !== 93) return false;
    const r = ctx.pend;
    const name = fromLatin1(t0.slice(1, -1));
    r.processName = r.processKey !== undefined ? `${name} (pid ${r.processKey})` : name;
    if (r.processKey === undefined) r.processKey = name;
    ctx.b.skip('continuation');
    return true;
  },
};
