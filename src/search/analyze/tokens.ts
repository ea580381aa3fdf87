import type { Stage } from './draft.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopWords.js';
import { canonicalWord } from './synonyms.js';

// Latin words (with _ joining names such as tcp_tw_reuse) and the CJK bigrams left by chineseWords.
const TOKEN = /[a-z0-9][a-z0-9_']*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}/g;
const CJK = /^[\u3400-\u9fff\uf900-\ufaff]/;
/** Weight of a Chinese bigram relative to a word (bigrams overlap, so each counts for less). */
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
  if (!word || STOP_WORDS.has(token) || STOP_WORDS.has(word)) return null;
  if (/^\d+$/.test(word)) return null;
  if (word.length === 1) return null;
  const canonical = canonicalWord(word);
  if (canonical) return canonical;
  const stemmed = stem(word);
  return canonicalWord(stemmed) ?? stemmed;
}
