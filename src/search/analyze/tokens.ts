import type { Stage } from './draft.js';
import { FOREIGN_STOP_WORDS } from './lexicon/alphabetic.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopWords.js';
import { canonicalWord } from './synonyms.js';
import { CJK_CHARS } from './translate.js';

// Words of any alphabet (with _ joining names such as tcp_tw_reuse), and the CJK bigrams that
// translateWords leaves separated by spaces.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}_']*/gu;
const CJK = new RegExp(`^[${CJK_CHARS}]`);
const FOREIGN_STOPS: ReadonlySet<string> = new Set(FOREIGN_STOP_WORDS);
/** Weight of a CJK bigram relative to a word (bigrams overlap, so each counts for less). */
export const BIGRAM_WEIGHT = 0.5;

/** Splits the text into terms: lower-case, no stop words or bare numbers, stemmed, canonical. */
export const tokenize: Stage = (draft) => {
  for (const m of draft.text.toLowerCase().matchAll(TOKEN)) {
    const term = termFor(m[0]);
    if (term) draft.terms.push({ term, weight: CJK.test(term) ? BIGRAM_WEIGHT : 1 });
  }
};

// Indexing sees the same words again and again; a bounded memo keeps their analysis cheap.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string | null>();

/** The index term for one lower-case token, or null when it carries no topic. */
export function termFor(token: string): string | null {
  const known = memo.get(token);
  if (known !== undefined) return known;
  const term = computeTerm(token);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token, term);
  return term;
}

function computeTerm(token: string): string | null {
  const word = token.replace(/'s$/, '').replace(/'/g, '');
  if (!word || STOP_WORDS.has(token) || STOP_WORDS.has(word) || FOREIGN_STOPS.has(word))
    return null;
  if (/^\d+$/.test(word)) return null;
  if (word.length === 1) return null;
  const canonical = canonicalWord(word);
  if (canonical) return canonical;
  const stemmed = stem(word);
  return canonicalWord(stemmed) ?? stemmed;
}
