import { createRequire } from 'node:module';
import type Fuse from 'fuse.js';

// fuse.js is loaded on the first correction only: most questions need none, and a cold
// command line should not pay for it.
let FuseClass: typeof Fuse | undefined;
function fuseClass(): typeof Fuse {
  FuseClass ??= createRequire(import.meta.url)('fuse.js') as typeof Fuse;
  return FuseClass;
}

/** Options of the typo corrector, with their defaults in FUZZY_DEFAULTS. */
export interface FuzzyOptions {
  /** Shortest word worth correcting. */
  minLength: number;
  /** Worst fuse.js score (0 exact .. 1 anything) accepted as a correction. */
  threshold: number;
  /** A correction's length must be within this ratio of the typed word's. */
  lengthRatio: number;
  /** Corrections remembered (a bounded cache; repeated chat questions are common). */
  cacheSize: number;
}

export const FUZZY_DEFAULTS: Readonly<FuzzyOptions> = Object.freeze({
  minLength: 5,
  threshold: 0.25,
  lengthRatio: 1.35,
  cacheSize: 2000,
});

/** A correction of a typed word to a word of the index, with fuse.js's score for it. */
export interface Correction {
  term: string;
  score: number;
}

/**
 * Corrects misspelt words (`appeard`, `Connnection`) to the index vocabulary with fuse.js.
 * The vocabulary is split by first letter (each part indexed on first use), so a lookup scans
 * a few hundred short words.
 */
export class TypoCorrector {
  private groups: Map<string, string[]> | undefined;
  private readonly vocabulary: Iterable<string>;
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Correction | null>();
  private readonly options: FuzzyOptions;

  constructor(vocabulary: Iterable<string>, options: Partial<FuzzyOptions> = {}) {
    this.options = { ...FUZZY_DEFAULTS, ...options };
    this.vocabulary = vocabulary;
  }

  /** Vocabulary words by first letter, grouped on first use. */
  private grouped(): Map<string, string[]> {
    if (this.groups) return this.groups;
    const groups = new Map<string, string[]>();
    for (const word of this.vocabulary) {
      if (word.length < this.options.minLength - 1 || !/^[a-z]+$/.test(word)) continue;
      const key = word[0] ?? '';
      const group = groups.get(key) ?? [];
      group.push(word);
      groups.set(key, group);
    }
    this.groups = groups;
    return groups;
  }

  /** The fuse.js index of words starting with `letter`, built on first use. */
  private bucket(letter: string): Fuse<string> | undefined {
    let fuse = this.buckets.get(letter);
    const group = this.grouped().get(letter);
    if (!fuse && group) {
      const FuseImpl = fuseClass();
      fuse = new FuseImpl(group.sort(), {
        includeScore: true,
        ignoreLocation: true,
        threshold: this.options.threshold,
        isCaseSensitive: true,
      });
      this.buckets.set(letter, fuse);
    }
    return fuse;
  }

  /** The closest vocabulary word to `word`, or null when none is close enough. */
  correct(word: string): Correction | null {
    if (word.length < this.options.minLength || !/^[a-z]+$/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const fuse = this.bucket(word[0] ?? '');
    let best: Correction | null = null;
    if (fuse) {
      const { lengthRatio, threshold } = this.options;
      for (const hit of fuse.search(word, { limit: 8 })) {
        const ratio = hit.item.length / word.length;
        const score = hit.score ?? 1;
        if (ratio > lengthRatio || ratio < 1 / lengthRatio || score > threshold) continue;
        if (!best || score < best.score) best = { term: hit.item, score };
      }
    }
    if (this.cache.size >= this.options.cacheSize) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
