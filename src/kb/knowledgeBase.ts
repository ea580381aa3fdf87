import type { Article } from './article.js';

/** The loaded knowledge base: articles in file order, lookup by id, and the topics covered. */
export interface KnowledgeBase {
  articles: Article[];
  get(id: string): Article | undefined;
  /** Every topic some article or section carries, sorted. */
  topics(): string[];
}

/** Wraps validated articles (ids already unique) as a KnowledgeBase. */
export function createKnowledgeBase(articles: readonly Article[]): KnowledgeBase {
  const list = [...articles];
  const byId = new Map(list.map((a) => [a.id, a]));
  const topics = new Set<string>();
  for (const a of list) {
    for (const t of a.topics) topics.add(t);
    for (const s of a.sections) for (const t of s.topics) topics.add(t);
  }
  const sortedTopics = [...topics].sort();
  return {
    articles: list,
    get: (id) => byId.get(id),
    topics: () => [...sortedTopics],
  };
}
