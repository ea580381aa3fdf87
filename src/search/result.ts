/** One ranked answer to a question (one item of `ask --json` results). */
export interface SearchHit {
  id: string;
  title: string;
  section: string;
  topics: string[];
  /** Lower is better (fuse.js convention), 0..1. */
  score: number;
}

/** The ranked answer to a question. */
export interface SearchResult {
  query: string;
  results: SearchHit[];
  /** False when nothing matched well: the reply should say so and offer the closest topics. */
  confident: boolean;
}
