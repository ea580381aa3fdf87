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

/** The index as plain data: per term, the documents holding it and their weighted frequency. */
export interface Bm25fData {
  size: number;
  k1: number;
  /** [term, document numbers, weighted length-normalised term frequencies]. */
  postings: [string, number[], number[]][];
}

/**
 * A BM25F index over documents made of term lists per field. Field weights and length
 * normalisation are folded into the postings when it is built, so a query only walks the
 * postings of its own terms. `toJSON`/`fromJSON` let a command line cache a built index.
 */
export class Bm25fIndex {
  readonly size: number;
  private readonly k1: number;
  private readonly postings = new Map<string, { docs: number[]; tf: number[]; idf: number }>();

  private constructor(data: Bm25fData) {
    this.size = data.size;
    this.k1 = data.k1;
    for (const [term, docs, tf] of data.postings) {
      const df = docs.length;
      const idf = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      this.postings.set(term, { docs, tf, idf });
    }
  }

  /** Builds the index; `docs[d][f]` is the term list of field `f` of document `d`. */
  static build(docs: ReadonlyArray<ReadonlyArray<readonly string[]>>, options: Bm25fOptions) {
    const { fields } = options;
    const avg = fields.map((_, f) => {
      const total = docs.reduce((n, d) => n + (d[f]?.length ?? 0), 0);
      return Math.max(1, total / Math.max(1, docs.length));
    });
    const postings = new Map<string, [string, number[], number[]]>();
    docs.forEach((doc, d) => {
      const weighted = new Map<string, number>();
      fields.forEach((field, f) => {
        const terms = doc[f] ?? [];
        if (terms.length === 0) return;
        const norm = 1 - field.b + field.b * (terms.length / (avg[f] ?? 1));
        const add = field.weight / norm;
        for (const t of terms) weighted.set(t, (weighted.get(t) ?? 0) + add);
      });
      for (const [t, w] of weighted) {
        let p = postings.get(t);
        if (!p) {
          p = [t, [], []];
          postings.set(t, p);
        }
        p[1].push(d);
        // Four decimals are plenty for ranking and keep a cached index small and quick to
        // parse; rounding here (not in toJSON) keeps cached and fresh indexes identical.
        p[2].push(Math.round(w * 1e4) / 1e4);
      }
    });
    return new Bm25fIndex({
      size: docs.length,
      k1: options.k1 ?? 1.2,
      postings: [...postings.values()],
    });
  }

  /** An index from toJSON output. */
  static fromJSON(data: Bm25fData): Bm25fIndex {
    return new Bm25fIndex(data);
  }

  toJSON(): Bm25fData {
    const postings: Bm25fData['postings'] = [];
    for (const [term, p] of this.postings) postings.push([term, p.docs, p.tf]);
    return { size: this.size, k1: this.k1, postings };
  }

  /** Inverse document frequency of a term (0 for unknown terms). */
  idf(term: string): number {
    return this.postings.get(term)?.idf ?? 0;
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
      const idf = p.idf * weight;
      for (let i = 0; i < p.docs.length; i++) {
        const tf = p.tf[i] ?? 0;
        const d = p.docs[i] ?? 0;
        out[d] = (out[d] ?? 0) + (idf * tf * (this.k1 + 1)) / (this.k1 + tf);
      }
    }
    return out;
  }
}
