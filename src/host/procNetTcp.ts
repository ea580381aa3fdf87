import type { TcpState } from '../netstat/states.js';

/** One row of /proc/net/tcp or /proc/net/tcp6, decoded. */
export interface ProcSocket {
  state: TcpState;
  localHost: string;
  localPort: number;
  remoteHost: string;
  remotePort: number;
  sendQ: number;
  recvQ: number;
  /** The socket inode; 0 for sockets no file descriptor holds (TIME_WAIT, orphans). */
  inode: number;
}

/** Kernel state codes (include/net/tcp_states.h) to canonical names. */
const STATE_CODES: Readonly<Record<number, TcpState>> = Object.freeze({
  1: 'ESTABLISHED',
  2: 'SYN_SENT',
  3: 'SYN_RECEIVED',
  4: 'FIN_WAIT_1',
  5: 'FIN_WAIT_2',
  6: 'TIME_WAIT',
  7: 'CLOSED',
  8: 'CLOSE_WAIT',
  9: 'LAST_ACK',
  10: 'LISTEN',
  11: 'CLOSING',
  // TCP_NEW_SYN_RECV: a request socket waiting for the final ACK of the handshake.
  12: 'SYN_RECEIVED',
});

/** "0100007F" (little-endian IPv4) -> "127.0.0.1". */
function ipv4FromHex(hex: string, at = 0): string {
  const n = Number.parseInt(hex.slice(at, at + 8), 16) >>> 0;
  return `${n & 255}.${(n >>> 8) & 255}.${(n >>> 16) & 255}.${n >>> 24}`;
}

/** The four little-endian 32-bit words of /proc/net/tcp6 to an IPv6 text (v4-mapped as dotted). */
function ipv6FromHex(hex: string): string {
  const groups: number[] = [];
  for (let w = 0; w < 4; w++) {
    const n = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
    // Each word is in host (little-endian) byte order: swap to network order.
    const b0 = n & 255;
    const b1 = (n >>> 8) & 255;
    const b2 = (n >>> 16) & 255;
    const b3 = n >>> 24;
    groups.push((b0 << 8) | b1, (b2 << 8) | b3);
  }
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return ipv4FromHex(hex, 24);
  }
  return compressIpv6(groups);
}

/** RFC 5952 text: lower-case groups, the longest run of zero groups (2+) as "::". */
function compressIpv6(groups: number[]): string {
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}

/** "0100007F:1F90" -> host and port, or undefined when malformed. */
function endpoint(token: string): { host: string; port: number } | undefined {
  const colon = token.indexOf(':');
  const hexLen = colon;
  if (hexLen !== 8 && hexLen !== 32) return undefined;
  const port = Number.parseInt(token.slice(colon + 1), 16);
  if (!Number.isFinite(port)) return undefined;
  const hex = token.slice(0, colon);
  return { host: hexLen === 8 ? ipv4FromHex(hex) : ipv6FromHex(hex), port };
}

/** Whitespace-separated tokens of one line, without a regex (linear, no allocation per space). */
function tokens(line: string, max: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && out.length < max) {
    while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && line.charCodeAt(i) !== 32 && line.charCodeAt(i) !== 9) i++;
    out.push(line.slice(start, i));
  }
  return out;
}

/**
 * Decodes the text of /proc/net/tcp or tcp6 (header line included) and calls `take` for each
 * socket; returns how many rows could not be read.
 */
export function eachProcSocket(text: string, take: (s: ProcSocket) => void): number {
  let bad = 0;
  let at = text.indexOf('\n') + 1; // the header line
  while (at > 0 && at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    if (line.trim() === '') continue;
    const t = tokens(line, 10);
    const local = endpoint(t[1] ?? '');
    const remote = endpoint(t[2] ?? '');
    const state = STATE_CODES[Number.parseInt(t[3] ?? '', 16)];
    const queues = t[4] ?? '';
    const colon = queues.indexOf(':');
    if (!local || !remote || !state || colon < 0 || t.length < 10) {
      bad++;
      continue;
    }
    take({
      state,
      localHost: local.host,
      localPort: local.port,
      remoteHost: remote.host,
      remotePort: remote.port,
      sendQ: Number.parseInt(queues.slice(0, colon), 16) || 0,
      recvQ: Number.parseInt(queues.slice(colon + 1), 16) || 0,
      inode: Number.parseInt(t[9] ?? '', 10) || 0,
    });
  }
  return bad;
}
