import type { Stage } from './draft.js';
import { ALPHABETIC_WORDS, MIN_PREFIX } from './lexicon/alphabetic.js';
import { CJK_NEGATIONS, CJK_WORDS } from './lexicon/cjk.js';

/** Han, Hiragana, Katakana and Hangul: scripts written without spaces between words. */
export const CJK_CHARS =
  '\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af';
const CJK_RUN = new RegExp(`[${CJK_CHARS}]+`, 'g');
// Words of other alphabets, or Latin words with letters beyond ASCII before folding.
const LETTER_WORD = /[\p{L}][\p{L}\p{M}]*/gu;
const ASCII_WORD = /^[a-z]+$/;

/** Lower-case, without diacritics (á -> a, ё -> е, ß -> ss); kana and Hangul stay whole. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss');
}

const CJK_KEYS = new Set(Object.keys(CJK_WORDS));
const MAX_CJK_WORD = Math.max(...[...CJK_KEYS].map((k) => k.length));
const ALPHABETIC_EXACT = new Map<string, string>();
const ALPHABETIC = new Map<string, string>();
for (const [key, english] of Object.entries(ALPHABETIC_WORDS)) {
  const exact = key.endsWith('$') || key.length < MIN_PREFIX;
  (exact ? ALPHABETIC_EXACT : ALPHABETIC).set(foldWord(key.replace(/\$$/, '')), english);
}
const MAX_ALPHABETIC_KEY = Math.max(...[...ALPHABETIC.keys()].map((k) => k.length));

/**
 * Translates the subject's common words in other languages to the English terms the articles
 * use. CJK runs are matched longest word first and what is left becomes character bigrams, so
 * unmapped text can still match itself; words of other alphabets are matched by their stems.
 */
export const translateWords: Stage = (draft) => {
  draft.text = draft.text
    .replace(CJK_RUN, (run) => ` ${translateCjkRun(run)} `)
    .replace(LETTER_WORD, (word) => translateWord(word));
};

function translateWord(word: string): string {
  const folded = foldWord(word);
  // Plain English words are looked up too (German and Spanish stems are ASCII), but only
  // whole-word or long-stem hits count, so short English words pass through untouched.
  const hit = lookupStem(folded);
  if (hit) return ` ${hit} `;
  return ASCII_WORD.test(folded) || folded === word ? word : folded;
}

function lookupStem(word: string): string | undefined {
  const exact = ALPHABETIC_EXACT.get(word) ?? ALPHABETIC.get(word);
  if (exact) return exact;
  for (let len = Math.min(MAX_ALPHABETIC_KEY, word.length - 1); len >= MIN_PREFIX; len--) {
    const hit = ALPHABETIC.get(word.slice(0, len));
    if (hit) return hit;
  }
  return undefined;
}

function translateCjkRun(run: string): string {
  const whole = CJK_WORDS[run];
  if (whole) return whole;
  const out: string[] = [];
  let rest = '';
  let negated = false;
  const flush = () => {
    if (rest) out.push(bigrams(rest));
    rest = '';
  };
  let i = 0;
  while (i < run.length) {
    const negation = CJK_NEGATIONS.find((n) => run.startsWith(n, i));
    if (negation) {
      flush();
      negated = true;
      i += negation.length;
      continue;
    }
    const word = longestWord(run, i);
    if (word) {
      flush();
      if (!negated) out.push(CJK_WORDS[word] ?? '');
      negated = false;
      i += word.length;
      continue;
    }
    rest += run[i];
    negated = false;
    i++;
  }
  flush();
  return out.join(' ');
}

function longestWord(run: string, at: number): string | undefined {
  for (let len = Math.min(MAX_CJK_WORD, run.length - at); len >= 2; len--) {
    const candidate = run.slice(at, at + len);
    if (CJK_KEYS.has(candidate)) return candidate;
  }
  return undefined;
}

/** `挥手过程` -> `挥手 手过 过程`: bigrams let unmapped CJK text match itself. */
export function bigrams(run: string): string {
  if (run.length < 2) return '';
  const grams: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  return grams.join(' ');
}
