/** One ranked answer to a question (one item of `ask --json` results). */
export interface SearchHit {
  id: string;
  title: string;
  section: string;
  topics: string[];
  /** Higher is better, 0..1: at least 0.5 when the article answers confidently, 0 for a filler. */
  score: number;
}

/** The ranked answer to a question. */
export interface SearchResult {
  query: string;
  results: SearchHit[];
  /** False when nothing matched well: the reply should say so and offer the closest topics. */
  confident: boolean;
}
