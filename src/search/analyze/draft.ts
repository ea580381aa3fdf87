import type { TcpState } from '../../netstat/states.js';

/** What a question (or an indexed text) is asking, as far as cheap rules can tell. */
export type Intent =
  | 'fix'
  | 'clear'
  | 'reduce'
  | 'why'
  | 'what'
  | 'how'
  | 'compare'
  | 'many'
  | 'stuck'
  | 'check';

/** A search term with its weight in the query (1 = a word the user typed). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** The working value the analysis stages pass along; each stage reads and refines it. */
export interface Draft {
  /** The text still to be tokenised (stages rewrite it). */
  text: string;
  /** Terms found so far, in order. */
  terms: WeightedTerm[];
  /** States named explicitly (TIME-WAIT, close_wait, SYN_RCVD...). */
  states: Set<TcpState>;
  /** States the text describes without naming them ("closed by the client, never closed here"). */
  impliedStates: Set<TcpState>;
  /** Setting names (sysctls, socket options, registry values) named in the text. */
  settings: Set<string>;
  intents: Set<Intent>;
}

/** One step of the analysis pipeline. */
export type Stage = (draft: Draft) => void;

/** A fresh draft for `text`. */
export function newDraft(text: string): Draft {
  return {
    text,
    terms: [],
    states: new Set(),
    impliedStates: new Set(),
    settings: new Set(),
    intents: new Set(),
  };
}
