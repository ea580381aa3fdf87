import type { Bm25fIndex } from './bm25f.js';

interface Phrase {
  article: number;
  /** Weight of each term (subject idf + a floor, so common words still count a little). */
  weights: Map<string, number>;
  total: number;
  /** States and setting names in the phrase: it only matches a question that has them all. */
  anchors: string[];
}

/**
 * Titles and aliases as phrases a question may contain whole ("connection reset by peer").
 * Indexed by term, so a question only touches the phrases that share a word with it.
 */
export class PhraseIndex {
  private readonly phrases: Phrase[] = [];
  private readonly byTerm = new Map<string, number[]>();

  /** `phrases[a]` are the term lists of article `a`'s title and aliases. */
  constructor(
    phrases: ReadonlyArray<ReadonlyArray<readonly string[]>>,
    subject: Bm25fIndex,
    isAnchor: (term: string) => boolean,
  ) {
    phrases.forEach((list, article) => {
      for (const terms of list) {
        const weights = new Map<string, number>();
        for (const t of terms) weights.set(t, subject.idf(t) + 0.1);
        let total = 0;
        for (const w of weights.values()) total += w;
        const id = this.phrases.length;
        this.phrases.push({
          article,
          weights,
          total,
          anchors: [...weights.keys()].filter(isAnchor),
        });
        for (const t of weights.keys()) {
          const ids = this.byTerm.get(t) ?? [];
          ids.push(id);
          this.byTerm.set(t, ids);
        }
      }
    });
  }

  /**
   * Per article, the strongest phrase the question contains (at least `minCoverage` of its
   * weight, every anchor present): the matched weight. Articles without one are absent.
   */
  evidence(query: ReadonlySet<string>, minCoverage: number): Map<number, number> {
    const got = new Map<number, number>();
    for (const t of query) {
      for (const id of this.byTerm.get(t) ?? []) {
        got.set(id, (got.get(id) ?? 0) + (this.phrases[id]?.weights.get(t) ?? 0));
      }
    }
    const best = new Map<number, number>();
    for (const [id, weight] of got) {
      const phrase = this.phrases[id] as Phrase;
      if (weight < minCoverage * phrase.total) continue;
      if (phrase.anchors.some((a) => !query.has(a))) continue;
      if (weight > (best.get(phrase.article) ?? 0)) best.set(phrase.article, weight);
    }
    return best;
  }

  /** Share of the weight of `terms` (a title) found in the question. */
  static coverage(terms: readonly string[], query: ReadonlySet<string>, subject: Bm25fIndex) {
    let total = 0;
    let hit = 0;
    for (const t of terms) {
      const w = subject.idf(t) + 0.1;
      total += w;
      if (query.has(t)) hit += w;
    }
    return total === 0 ? 0 : hit / total;
  }
}
