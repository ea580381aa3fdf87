/** A source cited by an article. */
export interface Source {
  title: string;
  url: string;
}

/** A `##` section of an article. */
export interface Section {
  /** Slug of the heading, unique within the article. */
  id: string;
  heading: string;
  /** The section body as markdown. */
  markdown: string;
  /** Plain text of the body, for search. */
  text: string;
  /** Extra topics this section carries, if its heading or front matter says so. */
  topics: string[];
}

/** One knowledge-base article: front matter plus its answer paragraph and sections. */
export interface Article {
  id: string;
  title: string;
  aliases: string[];
  /**
   * What people say when this article is the answer, in any language: symptoms and error
   * strings that name no state ("Cannot assign requested address"). Unlike aliases, they do
   * not make the article *about* a state or setting.
   */
  symptoms: string[];
  topics: string[];
  states: string[];
  sources: Source[];
  /** The first paragraph: the on-call answer by itself. */
  summary: string;
  /** The first paragraph as plain text (no markdown), when the loader provides it. */
  summaryText?: string;
  sections: Section[];
  /** Ids of articles this one links to (`see also`). */
  related: string[];
  /** Path relative to the kb folder. */
  file: string;
}
