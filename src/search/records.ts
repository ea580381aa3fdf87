import type { Article } from '../kb/article.js';
import type { Draft, Intent } from './analyze/draft.js';
import { analyze, documentTerms } from './analyze/pipeline.js';
import { isStateToken, stateToken } from './analyze/states.js';
import { type Bm25fData, Bm25fIndex, type FieldSpec } from './bm25f.js';
import { headingIntents } from './intentKinds.js';

/**
 * What an article is about: its title, aliases and id/topic names, and the symptoms that lead to it. Scored with its own idf, so
 * a state that every article mentions still tells articles apart by which ones are *about* it.
 */
export const SUBJECT_FIELDS: readonly FieldSpec[] = Object.freeze([
  { name: 'title', weight: 3, b: 0.2 },
  { name: 'aliases', weight: 1.5, b: 0.3 },
  { name: 'id', weight: 1.5, b: 0 },
  { name: 'symptoms', weight: 1.2, b: 0.3 },
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

/** What the ranker knows about an article besides its text (plain data, so it can be cached). */
export interface ArticleRecord {
  /** The kb sub-folder (`states`, `runbooks`...), the article's kind. */
  kind: string;
  /** Terms of the title and id: the article's own subject. */
  subjectTerms: string[];
  /** Terms of the aliases. */
  aliasTerms: string[];
  /** Terms of the title, each alias and each symptom: phrases a question may contain whole. */
  phrases: string[][];
  /** Terms of the title alone. */
  titleTerms: string[];
  /** Tokens of the front-matter states. */
  stateTerms: string[];
  /** How many different states the title and aliases name (an overview names many). */
  namedStates: number;
  /** Setting names (sysctls, socket options) the article's title, id or aliases name. */
  names: string[];
}

/**
 * Documents for the three indexes plus per-article facts, built once from the KB. Plain JSON
 * data: a command line may cache it between runs (see openKbSearch).
 */
export interface SearchRecords {
  /** Article subjects: title, aliases, id, symptoms (SUBJECT_FIELDS). */
  subject: Bm25fData;
  /** Article content: summary, headings, body (CONTENT_FIELDS). */
  content: Bm25fData;
  /** Sections: heading, topics, body (SECTION_FIELDS). */
  sections: Bm25fData;
  /** Article index of each section document. */
  sectionArticle: number[];
  /** Section index within its article of each section document. */
  sectionIndex: number[];
  /** What each section's heading promises to answer (see headingIntents). */
  sectionIntents: Intent[][];
  /** One per article, in KB order. */
  facts: ArticleRecord[];
  /** Every setting name the KB mentions, for rejoining split names in questions. */
  knownNames: string[];
  /** Terms used in any title, alias, id, topic or heading. */
  topicalTerms: string[];
}

const words = (s: string) => s.replace(/[-/]+/g, ' ');

/** Turns articles into index documents (terms per field) and ranking facts. */
export function buildRecords(articles: readonly Article[]): SearchRecords {
  const subjectDocs: string[][][] = [];
  const contentDocs: string[][][] = [];
  const sectionDocs: string[][][] = [];
  const sectionArticle: number[] = [];
  const sectionIndex: number[] = [];
  const sectionIntents: Intent[][] = [];
  const facts: ArticleRecord[] = [];
  const knownNames = new Set<string>();
  const topicalTerms = new Set<string>();
  const termsOf = (d: Draft) => d.terms.map((t) => t.term);
  articles.forEach((article, a) => {
    const title = analyze(article.title);
    const id = analyze(`${words(article.id)} ${article.topics.map(words).join(' ')}`);
    const aliasDrafts = article.aliases.map((alias) => analyze(alias));
    const symptomDrafts = article.symptoms.map((symptom) => analyze(symptom));
    // The plain-text summary when the loader made one; the markdown's words are close enough.
    const summary = documentTerms(article.summaryText ?? article.summary);
    const headingDrafts = article.sections.map((s) => analyze(s.heading));
    const textDrafts = article.sections.map((s) => analyze(s.text));
    const headings = headingDrafts.flatMap(termsOf);
    const titleTerms = termsOf(title);
    const aliasTerms = aliasDrafts.flatMap(termsOf);
    const idTerms = termsOf(id);
    const symptomTerms = symptomDrafts.flatMap(termsOf);
    subjectDocs.push([titleTerms, aliasTerms, idTerms, symptomTerms]);
    contentDocs.push([summary, headings, textDrafts.flatMap(termsOf)]);
    article.sections.forEach((section, s) => {
      sectionDocs.push([
        termsOf(headingDrafts[s] as Draft),
        documentTerms(section.topics.map(words).join(' ')),
        termsOf(textDrafts[s] as Draft),
      ]);
      sectionArticle.push(a);
      sectionIndex.push(s);
      sectionIntents.push(headingIntents(section.heading));
    });
    for (const t of [...titleTerms, ...aliasTerms, ...idTerms, ...symptomTerms, ...headings]) {
      topicalTerms.add(t);
    }
    const names = new Set([title, id, ...aliasDrafts].flatMap((d) => [...d.settings]));
    for (const d of [title, id, ...aliasDrafts, ...headingDrafts, ...textDrafts]) {
      for (const n of d.settings) knownNames.add(n);
    }
    const phrases = [title, ...aliasDrafts, ...symptomDrafts]
      .map((d) => [...new Set(termsOf(d))])
      .filter((p) => p.length > 0);
    const subjectStates = new Set([...titleTerms, ...aliasTerms].filter(isStateToken));
    facts.push({
      kind: article.file.includes('/') ? (article.file.split('/')[0] ?? '') : '',
      subjectTerms: [...new Set([...titleTerms, ...idTerms])],
      aliasTerms: [...new Set(aliasTerms)],
      names: [...names],
      phrases,
      titleTerms: [...new Set(titleTerms)],
      namedStates: subjectStates.size,
      stateTerms: article.states.map(stateToken),
    });
  });
  return {
    subject: Bm25fIndex.build(subjectDocs, { fields: SUBJECT_FIELDS }).toJSON(),
    content: Bm25fIndex.build(contentDocs, { fields: CONTENT_FIELDS }).toJSON(),
    sections: Bm25fIndex.build(sectionDocs, { fields: SECTION_FIELDS }).toJSON(),
    sectionArticle,
    sectionIndex,
    sectionIntents,
    facts,
    knownNames: [...knownNames],
    topicalTerms: [...topicalTerms],
  };
}
