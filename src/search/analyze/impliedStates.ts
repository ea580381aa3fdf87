import type { Stage } from './draft.js';
import { stateToken } from './states.js';

/** Weight of a state the question describes without naming it. */
export const IMPLIED_WEIGHT = 0.7;

// People often describe a state by its definition instead of its name. Bounded gaps ({0,40}) and
// word alternations keep these linear.
const PEER =
  '(?:client|peer|remote|other (?:side|end)|browser|caller|upstream|downstream|player|user)s?';
const PEER_CLOSED = new RegExp(
  `\\b(?:clos(?:ed|es)|disconnected|terminated|hung up|shut down)\\s+(?:by|from)\\s+(?:the\\s+)?${PEER}\\b|\\b${PEER}\\s+(?:has\\s+|have\\s+|had\\s+)?(?:already\\s+)?(?:closed|disconnected|hung up|gone away|went away)\\b`,
  'i',
);
const STILL_OPEN = /\bnotclosed\b|\bstill open\b|\bremain(?:s|ed)? open\b|\bstay(?:s|ed)? open\b/i;
const PEER_NOT_CLOSING = new RegExp(`\\b${PEER}\\b[^.?!]{0,40}?\\bnotclosed\\b`, 'i');

/**
 * Adds the state a question describes: "closed by the client but left unclosed" is CLOSE_WAIT
 * (the peer closed, this side did not); "clients that don't close their end" is FIN_WAIT_2
 * (this side closed, the peer does not). Runs after phrases are folded (`notclosed`).
 */
export const impliedStates: Stage = (draft) => {
  const text = draft.text;
  if (draft.states.size > 0) return;
  if (PEER_CLOSED.test(text) && STILL_OPEN.test(text)) {
    draft.impliedStates.add('CLOSE_WAIT');
    draft.terms.push({ term: stateToken('CLOSE_WAIT'), weight: IMPLIED_WEIGHT });
  } else if (PEER_NOT_CLOSING.test(text)) {
    draft.impliedStates.add('FIN_WAIT_2');
    draft.terms.push({ term: stateToken('FIN_WAIT_2'), weight: IMPLIED_WEIGHT });
  }
};
