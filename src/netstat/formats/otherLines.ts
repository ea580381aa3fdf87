import { stateFromToken } from '../aliases.js';
import { looksLikeAddress } from '../endpoint.js';
import { preview } from '../lineScan.js';
import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';

/** Anything no format took: kernel log lines and counters worth keeping, timestamps, elisions, prose. */
export function otherLine(v: LineView, ctx: ReadContext): void {
  const b = ctx.b;
  const text = v.text();
  if (kernelSignal(text, b.extra)) {
    b.skip('log');
    return;
  }
  if (ctx.timeLine(v)) return;
  // Something with a state and an address in it, that no format explains, is data we failed to read.
  let hasState = false;
  let hasAddr = false;
  for (let i = 0; i < v.n; i++) {
    if (!hasState && stateFromToken(v.tok(i)) !== undefined) hasState = true;
    if (!hasAddr && looksLikeAddress(v.s, v.ts[i] as number, v.te[i] as number)) hasAddr = true;
  }
  if (hasState && hasAddr) {
    ctx.flushPending();
    b.unreadable(`could not place the columns: ${preview(v)}`);
    return;
  }
  b.skip(text.includes('...') || text.includes('[...]') ? 'elision' : 'noise');
}

/** Kernel messages and counters that change a verdict, kept in `extra`. */
function kernelSignal(text: string, extra: Record<string, number>): boolean {
  const bump = (k: string) => {
    extra[k] = (extra[k] ?? 0) + 1;
  };
  if (text.includes('time wait bucket table overflow')) bump('log:time-wait-bucket-overflow');
  else if (text.includes('Possible SYN flooding on port')) bump('log:syn-flooding');
  else if (text.includes('too many orphaned sockets')) bump('log:too-many-orphans');
  else if (text.includes('out of memory -- consider tuning tcp_mem')) bump('log:tcp-mem');
  else if (text.includes('nf_conntrack: table full')) bump('log:conntrack-full');
  else if (text.includes('Cannot assign requested address')) bump('log:eaddrnotavail');
  else {
    const m = /^(TcpExt|Tcp)([A-Za-z]+)\s+(\d+)/.exec(text);
    if (m) {
      extra[`nstat:${m[2]}`] = Number(m[3]);
      return true;
    }
    const o = /^(\d+) times the listen queue of a socket overflowed/.exec(text);
    if (o) {
      extra['nstat:ListenOverflows'] = Number(o[1]);
      return true;
    }
    const d = /^(\d+) SYNs to LISTEN sockets (dropped|ignored)/.exec(text);
    if (d) {
      extra['nstat:ListenDrops'] = Number(d[1]);
      return true;
    }
    return false;
  }
  return true;
}
