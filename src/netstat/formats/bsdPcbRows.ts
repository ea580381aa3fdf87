import { isHexToken } from '../lineScan.js';
import type { LineFormat } from './format.js';
import { tcpProtoAt } from './netstatRows.js';

/**
 * BSD, macOS and AIX `netstat -A` (`-Aan`, `-AanP`, `-anA`): each row starts with the
 * socket's PCB address ("fffff80012345678 tcp4 0 0 10.0.0.1.22 10.0.0.2.5555 ESTABLISHED",
 * "f1000e0000c2b3b8 tcp4 0 0 *.22 *.* LISTEN"). The address is dropped and the rest read as
 * the netstat row it is; other protocols after a PCB address are skipped as such.
 */
export const bsdPcbRows: LineFormat = {
  name: 'netstat -A rows',
  row(v, ctx) {
    // Up to two leading tokens: PCB addresses, macOS -A flow hashes ("7fb03cb94d505aed
    // cedd0cbf"), or a list bullet ("- tcp4 0 0 ...").
    let k = 0;
    while (k < 2 && k < v.n - 2 && (isHexToken(v, k, 8, 16) || isBullet(v.tok(k)))) k++;
    if (k === 0) return false;
    const proto = v.tok(k);
    if (tcpProtoAt(v, k) === undefined && !/^(udp|raw|unix|icmp|sctp|div)/i.test(proto))
      return false;
    ctx.b.lines.total--; // the rest of the line is read as the line it is
    ctx.reread(v.s, v.ts[k] as number, v.end);
    return true;
  },
};

function isBullet(t: string): boolean {
  return t === '-' || t === '+' || t === '*' || t === '\u00e2\u0080\u00a2';
}
