import { exactStateSpellings } from './aliases.js';
import type { TcpState } from './states.js';

/** When a count may be of several states, the one it is read as: the usual pile-ups first. */
const PRIORITY: readonly TcpState[] = [
  'CLOSE_WAIT',
  'TIME_WAIT',
  'ESTABLISHED',
  'SYN_RECEIVED',
  'FIN_WAIT_2',
  'FIN_WAIT_1',
  'LAST_ACK',
  'SYN_SENT',
  'CLOSING',
  'LISTEN',
  'CLOSED',
];

const SPELLINGS: [string, TcpState][] = [...exactStateSpellings()].filter(([w]) =>
  /^[A-Za-z0-9_-]+$/.test(w),
);

/**
 * The states a grep pattern can match in a listing, most likely first, or undefined when it
 * can also match rows of any state (":80", "java"). Alternatives (`A|B`, `A\|B`) are each
 * read as literal fragments in order (regex operators between them match anything); no
 * regular expression is built from the pattern.
 */
export function statesMatchedBy(pattern: string, ignoreCase: boolean): TcpState[] | undefined {
  const found = new Set<TcpState>();
  for (const alt of pattern.split(/\\?\|/)) {
    const fragments = alt
      .split(/[\\^$.*+?()[\]{}]+/)
      .filter((f) => f.length > 0)
      .map((f) => (ignoreCase ? f.toLowerCase() : f));
    if (fragments.length === 0) return undefined;
    let matchedAny = false;
    for (const [spelling, state] of SPELLINGS) {
      const text = ignoreCase ? spelling.toLowerCase() : spelling;
      let at = 0;
      let ok = true;
      for (const f of fragments) {
        const k = text.indexOf(f, at);
        if (k < 0) {
          ok = false;
          break;
        }
        at = k + f.length;
      }
      if (ok) {
        found.add(state);
        matchedAny = true;
      }
    }
    if (!matchedAny) return undefined;
  }
  return PRIORITY.filter((s) => found.has(s));
}
