import type { TcpState } from './states.js';

/**
 * Every spelling of a TCP state seen in the wild, mapped to the canonical name.
 * Keys are upper-case with '-' folded to '_' (see `normalizeStateToken`).
 * Sources: net-tools netstat.c, iproute2 ss.c, Windows MIB_TCP_STATE and netstat.exe,
 * BSD tcp_fsm.h, illumos netstat.c (reference/triage-anchors.md §5.1), and localized
 * Windows / net-tools output people paste.
 */
const STATE_SPELLINGS: Record<TcpState, readonly string[]> = {
  LISTEN: [
    'LISTEN',
    'LISTENING',
    // Windows localized: de, es, fr, pt-BR, ru
    'ABHÖREN',
    'ESCUCHANDO',
    'ÉCOUTE',
    'ECOUTE',
    'OUVINDO',
    'ПРОСЛУШИВАНИЕ',
  ],
  SYN_SENT: ['SYN_SENT', 'SYN_SEND', 'SYNSENT'],
  SYN_RECEIVED: ['SYN_RECV', 'SYN_RECEIVED', 'SYN_RCVD', 'SYNRECV', 'NEW_SYN_RECV'],
  ESTABLISHED: [
    'ESTABLISHED',
    'ESTAB',
    'ESTABLISED',
    // net-tools de; Windows localized: de, es, fr, pt-BR, ru
    'VERBUNDEN',
    'HERGESTELLT',
    'ESTABLECIDO',
    'ÉTABLI',
    'ETABLI',
    'ESTABELECIDA',
    'ESTABELECIDO',
    'УСТАНОВЛЕНО',
  ],
  FIN_WAIT_1: ['FIN_WAIT_1', 'FIN_WAIT1', 'FINWAIT1'],
  FIN_WAIT_2: ['FIN_WAIT_2', 'FIN_WAIT2', 'FINWAIT2'],
  CLOSE_WAIT: ['CLOSE_WAIT', 'CLOSEWAIT', 'CLOSED_WAIT', 'SCHLIESSEN_WARTEN'],
  CLOSING: ['CLOSING'],
  LAST_ACK: ['LAST_ACK', 'LASTACK'],
  TIME_WAIT: ['TIME_WAIT', 'TIMEWAIT', 'TIMED_WAIT', 'WARTEND'],
  CLOSED: ['CLOSED', 'CLOSE', 'UNCONN'],
};

/** /proc/net/tcp `st` codes (include/net/tcp_states.h); request sockets print as 03. */
const HEX_CODES: Record<string, TcpState> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECEIVED',
  '04': 'FIN_WAIT_1',
  '05': 'FIN_WAIT_2',
  '06': 'TIME_WAIT',
  '07': 'CLOSED',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
  '0C': 'SYN_RECEIVED',
};

/**
 * The reader scans latin1 views of UTF-8 bytes (one char per byte), so non-ASCII spellings
 * are stored in that form too.
 */
function latin1View(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

const ALIASES = new Map<string, TcpState>();
for (const [state, spellings] of Object.entries(STATE_SPELLINGS) as [
  TcpState,
  readonly string[],
][]) {
  for (const spelling of spellings) {
    ALIASES.set(spelling, state);
    ALIASES.set(latin1View(spelling), state);
    const lower = spelling.toLowerCase();
    ALIASES.set(latin1View(lower), state);
    ALIASES.set(latin1View(spelling.replace(/_/g, '-')), state);
    ALIASES.set(latin1View(lower.replace(/_/g, '-')), state);
  }
}
// "CLOSE" alone is a Linux state name but also an English word; only exact upper case counts.
ALIASES.delete('close');
ALIASES.delete('closed');
ALIASES.delete('unconn');

/**
 * The spellings `stateFromToken` knows exactly, as latin1 views (one char per byte); forms
 * that cannot occur in a latin1 view (raw non-Latin text) are left out. Other casings go
 * through normalisation and are not listed.
 */
export function* exactStateSpellings(): Generator<[string, TcpState]> {
  for (const [spelling, state] of ALIASES) {
    let latin1 = true;
    for (let i = 0; i < spelling.length; i++) if (spelling.charCodeAt(i) > 255) latin1 = false;
    if (latin1) yield [spelling, state];
  }
}

/** Upper-cases and folds '-' to '_' so `fin-wait-1` and `FIN_WAIT_1` meet. */
export function normalizeStateToken(token: string): string {
  return token.toUpperCase().replace(/-/g, '_');
}

/**
 * The canonical state a token spells, or undefined. Exact forms hit one Map lookup; other
 * casings are normalised. Tokens such as `established)` (an awk header artefact) are not states.
 */
export function stateFromToken(token: string): TcpState | undefined {
  const hit = ALIASES.get(token);
  if (hit !== undefined) return hit;
  if (token.length < 4 || token.length > 24) return undefined;
  const folded = normalizeStateToken(token);
  if (folded === 'CLOSE' && token !== 'CLOSE') return undefined;
  return ALIASES.get(folded) ?? ALIASES.get(latin1View(folded));
}

/** The state of a /proc/net/tcp hex code ("0A" -> LISTEN), or undefined. */
export function stateFromHexCode(token: string): TcpState | undefined {
  if (token.length !== 2) return undefined;
  return HEX_CODES[token.toUpperCase()];
}

/** Protocol words whose rows are not TCP (skipped and reported as skipped). */
export const NON_TCP_PROTOS: ReadonlyMap<string, string> = new Map([
  ['udp', 'udp'],
  ['udp4', 'udp'],
  ['udp6', 'udp'],
  ['udp46', 'udp'],
  ['UDP', 'udp'],
  ['UDPv6', 'udp'],
  ['udplite', 'udp'],
  ['raw', 'raw'],
  ['raw6', 'raw'],
  ['RAW', 'raw'],
  ['unix', 'unix'],
  ['u_str', 'unix'],
  ['u_dgr', 'unix'],
  ['u_seq', 'unix'],
  ['nl', 'netlink'],
  ['p_raw', 'packet'],
  ['p_dgr', 'packet'],
  ['sctp', 'sctp'],
  ['sctp4', 'sctp'],
  ['sctp6', 'sctp'],
  ['icmp', 'icmp'],
  ['icmp6', 'icmp'],
  ['v_str', 'vsock'],
  ['v_dgr', 'vsock'],
  ['tipc', 'tipc'],
  ['xdp', 'xdp'],
  ['mptcp', 'mptcp'],
  ['div', 'divert'],
  ['ddp', 'ddp'],
  ['ipx', 'ipx'],
  ['ax25', 'ax25'],
]);

/** Protocol words of TCP rows, with the OS family their spelling suggests. */
export const TCP_PROTOS: ReadonlyMap<string, 'linux' | 'windows' | 'bsd' | 'any'> = new Map([
  ['tcp', 'any'],
  ['tcp6', 'any'],
  ['tcp4', 'bsd'],
  ['tcp46', 'bsd'],
  ['TCP', 'windows'],
  ['TCPv6', 'windows'],
  ['TCPV6', 'windows'],
  ['Tcp', 'any'],
]);

/** The OS a state spelling is typical of (net-tools FIN_WAIT2, BSD SYN_RCVD, Windows LISTENING). */
export function osOfSpelling(token: string): 'linux' | 'bsd' | 'windows' | undefined {
  switch (token) {
    case 'FIN_WAIT1':
    case 'FIN_WAIT2':
    case 'SYN_RECV':
    case 'ESTAB':
    case 'TIME-WAIT':
    case 'CLOSE-WAIT':
    case 'SYN-RECV':
    case 'FIN-WAIT-1':
    case 'FIN-WAIT-2':
      return 'linux';
    case 'SYN_RCVD':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
      return 'bsd';
    case 'LISTENING':
    case 'SYN_RECEIVED':
      return 'windows';
    default:
      return undefined;
  }
}
