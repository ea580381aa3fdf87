import { fromLatin1, indexIn, lastIndexIn, parseIpv4, parseUint } from './lineView.js';
import type { RowScratch } from './snapshotBuilder.js';

/**
 * Port part validity: digits, '*', or a service name (letters, digits, '-', '_').
 * Ports never contain '.', which is how BSD dotted IPv6 (`fe80::1%lo0.1024`) is told apart.
 */
function portKind(s: string, a: number, b: number): 'num' | 'star' | 'name' | 'bad' {
  if (b <= a) return 'bad';
  if (b - a === 1 && s.charCodeAt(a) === 42) return 'star';
  let digits = true;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    if (!isDigit) digits = false;
    const ok = isDigit || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    if (!ok) return 'bad';
  }
  return digits ? 'num' : 'name';
}

/**
 * Parses an address token s[a, b) into the local or remote side of the scratch row.
 * Handles `10.0.0.1:443`, `[::1]:631`, `[fe80::1]%eth0:22`, `:::22`, `::ffff:1.2.3.4:80`,
 * `127.0.0.53%lo:53`, `*:*`, `0.0.0.0:*`, hostnames and service names, and BSD/Solaris
 * dotted ports (`10.0.0.1.8080`, `*.22`, `*.*`, `fe80::1%lo0.1024`, `lhost-1.login`).
 * Returns false when the token has no recognisable port.
 */
export function parseEndpoint(
  s: string,
  a: number,
  b: number,
  side: 0 | 1,
  r: RowScratch,
): boolean {
  if (ipv4WithPort(s, a, b, side, r)) return true;
  let hostA = a;
  let hostB = -1;
  let portA = -1;
  if (s.charCodeAt(a) === 91) {
    // [v6]:port or [v6]%zone:port
    const close = indexIn(s, 93, a, b);
    if (close < 0) return false;
    hostA = a + 1;
    hostB = close;
    const colon = lastIndexIn(s, 58, close, b);
    if (colon < 0) return false;
    portA = colon + 1;
  } else {
    const colon = lastIndexIn(s, 58, a, b);
    if (colon >= 0) {
      const kind = portKind(s, colon + 1, b);
      if (kind !== 'bad') {
        hostB = colon;
        portA = colon + 1;
      }
    }
    if (hostB < 0) {
      const dot = lastIndexIn(s, 46, a, b);
      if (dot < 0 || portKind(s, dot + 1, b) === 'bad') return false;
      hostB = dot;
      portA = dot + 1;
    }
  }
  // Strip a zone id (`%eth0`) from the host.
  const pct = indexIn(s, 37, hostA, hostB);
  if (pct >= 0) hostB = pct;
  // IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is the IPv4 peer.
  if (hostB - hostA > 7 && s.startsWith('::ffff:', hostA)) hostA += 7;
  const ip = parseIpv4(s, hostA, hostB);
  const kind = portKind(s, portA, b);
  const portNum = kind === 'num' ? parseUint(s, portA, b) : -1;
  const num = portNum >= 0 && portNum <= 65535 ? portNum : -1;
  const host = ip >= 0 ? undefined : fromLatin1(s.slice(hostA, hostB));
  r.setSide(side, ip, host, num, num >= 0 ? undefined : s.slice(portA, b));
  return true;
}

/** Whether token s[a, b) looks like an address (has a port separator and is not a bare number). */
export function looksLikeAddress(s: string, a: number, b: number): boolean {
  let sep = false;
  let nonDigit = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 || c === 46) sep = true;
    else if (c === 42) {
      sep = true;
      nonDigit = true;
    } else if (c < 48 || c > 57) nonDigit = true;
  }
  return sep && (nonDigit || b - a > 3);
}

/**
 * The common case in one forward pass: `a.b.c.d:port` or `a.b.c.d:*`. Returns false (having
 * changed nothing) for anything else, which the general parser then reads.
 */
function ipv4WithPort(s: string, a: number, b: number, side: 0 | 1, r: RowScratch): boolean {
  return scanIpv4Endpoint(s, a, b, side, r) === b;
}

/**
 * Reads `a.b.c.d:port` or `a.b.c.d:*` starting at `a` and ending at a space, a tab or `e`,
 * into one side of the row, in one forward pass. Returns the index where the token ends, or
 * -1 (having changed nothing) when the token is anything else.
 */
export function scanIpv4Endpoint(
  s: string,
  a: number,
  e: number,
  side: 0 | 1,
  r: RowScratch,
): number {
  let ip = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let i = a;
  for (; i < e; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      ip = ip * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c === 58) {
      break;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || i >= e - 1) return -1;
  ip = ip * 256 + part;
  i++;
  const c0 = s.charCodeAt(i);
  if (c0 === 42) {
    const next = i + 1 < e ? s.charCodeAt(i + 1) : 32;
    if (next !== 32 && next !== 9) return -1;
    r.setSide(side, ip, undefined, -1, '*');
    return i + 1;
  }
  let port = 0;
  const start = i;
  for (; i < e; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) break;
    if (c < 48 || c > 57 || i - start >= 5) return -1;
    port = port * 10 + (c - 48);
  }
  if (i === start || port > 65535) return -1;
  r.setSide(side, ip, undefined, port, undefined);
  return i;
}
