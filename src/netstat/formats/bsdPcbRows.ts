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
    if (v.n < 3 || !isHexToken(v, 0, 8, 16)) return false;
    const proto = v.tok(1);
    if (tcpProtoAt(v, 1) === undefined && !/^(udp|raw|unix|icmp|sctp|div)/i.test(proto))
      return false;
    ctx.b.lines.total--; // the rest of the line is read as the line it is
    ctx.reread(v.s, v.ts[1] as number, v.end);
    return true;
  },
};
