import type { Article } from '../kb/article.js';
import { markdownToText } from '../kb/markdownText.js';
import { analyze, documentTerms } from './analyze/pipeline.js';
import { stateToken } from './analyze/states.js';
import type { FieldSpec } from './bm25f.js';

/**
 * What an article is about: its title, aliases and id/topic names. Scored with its own idf, so
 * a state that every article mentions still tells articles apart by which ones are *about* it.
 */
export const SUBJECT_FIELDS: readonly FieldSpec[] = Object.freeze([
  { name: 'title', weight: 3, b: 0.2 },
  { name: 'aliases', weight: 1.5, b: 0.3 },
  { name: 'id', weight: 1.5, b: 0 },
]);

/** What an article says: its answer paragraph, headings and body. */
export const CONTENT_FIELDS: readonly FieldSpec[] = Object.freeze([
  { name: 'summary', weight: 2, b: 0.5 },
  { name: 'headings', weight: 1.5, b: 0.5 },
  { name: 'body', weight: 0.6, b: 0.75 },
]);

/** Section-level fields: which part of the article answers the question. */
export const SECTION_FIELDS: readonly FieldSpec[] = Object.freeze([
  { name: 'heading', weight: 3, b: 0.3 },
  { name: 'topics', weight: 1.5, b: 0 },
  { name: 'body', weight: 1, b: 0.75 },
]);

/** What the ranker knows about an article besides its text. */
export interface ArticleFacts {
  article: Article;
  /** The kb sub-folder (`states`, `runbooks`...), the article's kind. */
  kind: string;
  /** Terms of the title and id: the article's own subject. */
  subjectTerms: Set<string>;
  /** Terms of the aliases. */
  aliasTerms: Set<string>;
  /** Terms of the title and of each alias: phrases a question may contain whole. */
  phrases: string[][];
  /** Terms of the title alone. */
  titleTerms: string[];
  /** Tokens of the front-matter states. */
  stateTerms: Set<string>;
  /** How many different states the title and aliases name (an overview names many). */
  namedStates: number;
  /** Setting names (sysctls, socket options) the article's title, id or aliases name. */
  names: Set<string>;
  /** Index of its first section document. */
  firstSection: number;
}

/** Documents for both indexes plus per-article facts, built once from the KB. */
export interface SearchRecords {
  subjectDocs: string[][][];
  contentDocs: string[][][];
  sectionDocs: string[][][];
  /** Article index of each section document. */
  sectionArticle: number[];
  /** Section index within its article of each section document. */
  sectionIndex: number[];
  facts: ArticleFacts[];
  /** Every setting name the KB mentions, for rejoining split names in questions. */
  knownNames: Set<string>;
  /** Terms used in any title, alias, id, topic or heading. */
  topicalTerms: Set<string>;
}

const words = (s: string) => s.replace(/[-/]+/g, ' ');

/** Turns articles into index documents (terms per field) and ranking facts. */
export function buildRecords(articles: readonly Article[]): SearchRecords {
  const subjectDocs: string[][][] = [];
  const contentDocs: string[][][] = [];
  const sectionDocs: string[][][] = [];
  const sectionArticle: number[] = [];
  const sectionIndex: number[] = [];
  const facts: ArticleFacts[] = [];
  const knownNames = new Set<string>();
  const topicalTerms = new Set<string>();
  articles.forEach((article, a) => {
    const title = analyze(article.title);
    const id = analyze(`${words(article.id)} ${article.topics.map(words).join(' ')}`);
    const aliases = analyze(article.aliases.join(' ; '));
    const summary = documentTerms(markdownToText(article.summary));
    const headings = documentTerms(article.sections.map((s) => s.heading).join(' ; '));
    const bodyDrafts = article.sections.map((s) => analyze(`${s.heading} ; ${s.text}`));
    const body = bodyDrafts.flatMap((d) => d.terms.map((t) => t.term));
    const terms = (d: ReturnType<typeof analyze>) => d.terms.map((t) => t.term);
    subjectDocs.push([terms(title), terms(aliases), terms(id)]);
    contentDocs.push([summary, headings, body]);
    const firstSection = sectionDocs.length;
    article.sections.forEach((section, s) => {
      sectionDocs.push([
        documentTerms(section.heading),
        documentTerms(section.topics.map(words).join(' ')),
        documentTerms(section.text),
      ]);
      sectionArticle.push(a);
      sectionIndex.push(s);
    });
    for (const t of [...terms(title), ...terms(aliases), ...terms(id), ...headings]) {
      topicalTerms.add(t);
    }
    const names = new Set([...title.settings, ...id.settings, ...aliases.settings]);
    const phrases = [article.title, ...article.aliases]
      .map((p) => [...new Set(documentTerms(p))])
      .filter((p) => p.length > 0);
    const subjectStates = new Set(
      [...terms(title), ...terms(aliases)].filter((t) => t.startsWith('state_')),
    );
    for (const d of [title, id, aliases, ...bodyDrafts])
      for (const n of d.settings) knownNames.add(n);
    facts.push({
      article,
      kind: article.file.includes('/') ? (article.file.split('/')[0] ?? '') : '',
      subjectTerms: new Set([...terms(title), ...terms(id)]),
      aliasTerms: new Set(terms(aliases)),
      names,
      phrases,
      titleTerms: [...new Set(terms(title))],
      namedStates: subjectStates.size,
      stateTerms: new Set(article.states.map(stateToken)),
      firstSection,
    });
  });
  return {
    subjectDocs,
    contentDocs,
    sectionDocs,
    sectionArticle,
    sectionIndex,
    facts,
    knownNames,
    topicalTerms,
  };
}
