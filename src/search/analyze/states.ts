import type { TcpState } from '../../netstat/states.js';
import type { Stage } from './draft.js';

/** The search token a state becomes: `TIME_WAIT` -> `state_time_wait` (never a plain word). */
export function stateToken(state: TcpState | string): string {
  return `state_${state.toLowerCase()}`;
}

/** True for a token made by stateToken. */
export function isStateToken(token: string): boolean {
  return token.startsWith('state_');
}

const SEP = '[\\s_-]*';
const SEP1 = '[\\s_-]+';

interface StatePattern {
  re: RegExp;
  states: TcpState[];
}

// Spellings of states in free text (RFC, Linux netstat/ss, Windows, BSD, people). Every pattern is
// anchored on word boundaries and built of bounded alternatives, so none can backtrack badly.
const ANY_CASE: StatePattern[] = [
  { re: new RegExp(`\\btime(?:d)?${SEP}wait(?:ing|s)?\\b`, 'gi'), states: ['TIME_WAIT'] },
  { re: /\btimewait\b/gi, states: ['TIME_WAIT'] },
  { re: new RegExp(`\\bclosed?${SEP}wait(?:ing|s)?\\b`, 'gi'), states: ['CLOSE_WAIT'] },
  {
    re: new RegExp(`\\bfin${SEP}wait${SEP}(?:1|one|i)\\b`, 'gi'),
    states: ['FIN_WAIT_1'],
  },
  {
    re: new RegExp(`\\bfin${SEP}wait${SEP}(?:2|two|ii)\\b`, 'gi'),
    states: ['FIN_WAIT_2'],
  },
  { re: new RegExp(`\\bfin${SEP}wait(?:s)?\\b`, 'gi'), states: ['FIN_WAIT_1', 'FIN_WAIT_2'] },
  {
    re: new RegExp(`\\bsyn${SEP}(?:recv|rcvd|rcv|received|receive|recieved|recived)\\b`, 'gi'),
    states: ['SYN_RECEIVED'],
  },
  { re: new RegExp(`\\bsyn${SEP}(?:sent|send)\\b`, 'gi'), states: ['SYN_SENT'] },
  { re: new RegExp(`\\blast${SEP}ack(?:s)?\\b`, 'gi'), states: ['LAST_ACK'] },
  { re: /\bestab(?:lished|lish|lised)?\b/gi, states: ['ESTABLISHED'] },
  { re: /\bEST\b/g, states: ['ESTABLISHED'] },
  // Short forms count only when written as a state: `TW`, or `es/cw/tw state`.
  { re: /\bTW\b(?![\s_-]*(?:reuse|recycle|bucket))/g, states: ['TIME_WAIT'] },
  {
    re: new RegExp(`\\b(?:es|est)(?=${SEP1}(?:state|status|connection)s?\\b)`, 'gi'),
    states: ['ESTABLISHED'],
  },
  {
    re: new RegExp(`\\bcw(?=${SEP1}(?:state|status|connection)s?\\b)`, 'gi'),
    states: ['CLOSE_WAIT'],
  },
  {
    re: new RegExp(`\\btw(?=${SEP1}(?:state|status|connection|socket|bucket)s?\\b)`, 'gi'),
    states: ['TIME_WAIT'],
  },
];

// English words that are also state names count as states only in capitals, or before "state".
const CAPITALS: StatePattern[] = [
  // ...but "LISTEN queue" / "listen backlog" is the accept queue, not the state.
  { re: /\bLISTEN(?:ING)?\b(?![\s_-]*(?:queue|backlog|overflow|drop))/g, states: ['LISTEN'] },
  { re: /\bCLOSED\b/g, states: ['CLOSED'] },
  { re: /\bCLOSING\b/g, states: ['CLOSING'] },
  { re: new RegExp(`\\blisten(?:ing)?(?=${SEP1}(?:state|status)\\b)`, 'gi'), states: ['LISTEN'] },
  { re: new RegExp(`\\bclosed(?=${SEP1}(?:state|status)\\b)`, 'gi'), states: ['CLOSED'] },
  { re: new RegExp(`\\bclosing(?=${SEP1}(?:state|status)\\b)`, 'gi'), states: ['CLOSING'] },
];

const PATTERNS = [...ANY_CASE, ...CAPITALS];

/** Rewrites every state spelling to its canonical token (`time_wait`) and records the state. */
export const canonicalStates: Stage = (draft) => {
  let text = draft.text;
  for (const { re, states } of PATTERNS) {
    text = text.replace(re, () => {
      for (const s of states) draft.states.add(s);
      return ` ${states.map(stateToken).join(' ')} `;
    });
  }
  draft.text = text;
};
