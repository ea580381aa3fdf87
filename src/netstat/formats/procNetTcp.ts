import { stateFromHexCode } from '../aliases.js';
import { preview } from '../lineScan.js';
import { indexIn, parseHex, parseUint } from '../lineView.js';
import type { RowScratch } from '../snapshotBuilder.js';
import type { LineFormat } from './format.js';

/** `/proc/net/tcp` and `/proc/net/tcp6` rows: "  46: 010310AC:9C4C 030310AC:1770 01 00000150:00000000 ...". */
export const procNetTcp: LineFormat = {
  name: 'proc-net-tcp',
  row(v, ctx, line) {
    const s = v.s;
    const t0 = line.t0;
    if (!line.digit || !t0.endsWith(':') || v.n < 4) return false;
    if (parseUint(s, v.ts[0] as number, (v.te[0] as number) - 1) < 0) return false;
    const st = stateFromHexCode(v.tok(3));
    if (st === undefined) {
      ctx.b.unreadable(`unknown /proc/net/tcp state code: ${preview(v)}`);
      return true;
    }
    const r = ctx.startRow();
    r.state = st;
    r.proto = 'tcp';
    procAddress(s, v.ts[1] as number, v.te[1] as number, 0, r);
    procAddress(s, v.ts[2] as number, v.te[2] as number, 1, r);
    if (v.n > 4) {
      const a = v.ts[4] as number;
      const e = v.te[4] as number;
      const colon = indexIn(s, 58, a, e);
      if (colon > a) {
        r.sendQ = Math.max(0, parseHex(s, a, colon));
        r.recvQ = Math.max(0, parseHex(s, colon + 1, e));
      }
    }
    ctx.seen('proc-net-tcp', 'linux', 2);
    ctx.endRow(v);
    return true;
  },
};

/** /proc/net/tcp address "0100007F:0019" (IPv4 little-endian) or 32 hex digits (IPv6). */
function procAddress(s: string, a: number, e: number, side: 0 | 1, r: RowScratch): void {
  const colon = indexIn(s, 58, a, e);
  if (colon < 0) return;
  const port = parseHex(s, colon + 1, e);
  const hexLen = colon - a;
  let ip = -1;
  let host: string | undefined;
  if (hexLen === 8) {
    const le = parseHex(s, a, colon);
    if (le >= 0)
      ip =
        ((le & 255) * 16777216 +
          ((le >>> 8) & 255) * 65536 +
          ((le >>> 16) & 255) * 256 +
          ((le >>> 24) & 255)) >>>
        0;
  } else if (hexLen === 32) {
    host = procIpv6(s.slice(a, colon));
  }
  r.setSide(side, ip, host, port, undefined);
}

/** 32 hex digits of /proc/net/tcp6 (four little-endian 32-bit words) as IPv6 text. */
function procIpv6(hex: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (let i = 3; i >= 0; i--) bytes.push(Number.parseInt(word.slice(i * 2, i * 2 + 2), 16));
  }
  if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 255 && bytes[11] === 255) {
    return bytes.slice(12).join('.');
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  return groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
}
