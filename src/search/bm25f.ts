import type { WeightedTerm } from './analyze/draft.js';

/** One field of the documents: how much a match in it counts and how much its length matters. */
export interface FieldSpec {
  name: string;
  /** Multiplies the term frequency in this field. */
  weight: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
}

/** Okapi BM25F parameters and field specs. */
export interface Bm25fOptions {
  fields: readonly FieldSpec[];
  /** Term-frequency saturation; default 1.2. */
  k1?: number;
}

interface Posting {
  docs: number[];
  /** Weighted, length-normalised term frequency per entry of `docs`. */
  tf: number[];
}

/**
 * A BM25F index over documents made of term lists per field. The per-term, per-document
 * weights are computed once, so a query only walks the postings of its own terms.
 */
export class Bm25fIndex {
  readonly size: number;
  private readonly k1: number;
  private readonly postings = new Map<string, Posting>();
  private readonly idfs = new Map<string, number>();

  /** `docs[d][f]` is the term list of field `f` of document `d`. */
  constructor(docs: ReadonlyArray<ReadonlyArray<readonly string[]>>, options: Bm25fOptions) {
    const { fields } = options;
    this.k1 = options.k1 ?? 1.2;
    this.size = docs.length;
    const avg = fields.map((_, f) => {
      const total = docs.reduce((n, d) => n + (d[f]?.length ?? 0), 0);
      return Math.max(1, total / Math.max(1, docs.length));
    });
    docs.forEach((doc, d) => {
      const weighted = new Map<string, number>();
      fields.forEach((field, f) => {
        const terms = doc[f] ?? [];
        if (terms.length === 0) return;
        const norm = 1 - field.b + field.b * (terms.length / (avg[f] ?? 1));
        const counts = new Map<string, number>();
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [t, n] of counts) {
          weighted.set(t, (weighted.get(t) ?? 0) + (field.weight * n) / norm);
        }
      });
      for (const [t, w] of weighted) {
        let p = this.postings.get(t);
        if (!p) {
          p = { docs: [], tf: [] };
          this.postings.set(t, p);
        }
        p.docs.push(d);
        p.tf.push(w);
      }
    });
    for (const [term, p] of this.postings) {
      const df = p.docs.length;
      this.idfs.set(term, Math.log(1 + (this.size - df + 0.5) / (df + 0.5)));
    }
  }

  /** Inverse document frequency of a term (0 for unknown terms). */
  idf(term: string): number {
    return this.idfs.get(term) ?? 0;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Every indexed term. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** BM25F score of every document for the weighted query terms. */
  score(terms: readonly WeightedTerm[]): Float64Array {
    const out = new Float64Array(this.size);
    for (const { term, weight } of terms) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = (this.idfs.get(term) ?? 0) * weight;
      for (let i = 0; i < p.docs.length; i++) {
        const tf = p.tf[i] ?? 0;
        const d = p.docs[i] ?? 0;
        out[d] = (out[d] ?? 0) + (idf * tf * (this.k1 + 1)) / (this.k1 + tf);
      }
    }
    return out;
  }
}
