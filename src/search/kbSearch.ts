import type { Article } from '../kb/article.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import type { Draft, Intent, Stage, WeightedTerm } from './analyze/draft.js';
import { IMPLIED_WEIGHT } from './analyze/impliedStates.js';
import { analyze, queryStages } from './analyze/pipeline.js';
import { isStateToken, stateToken } from './analyze/states.js';
import { CONCEPT_TERMS } from './analyze/synonyms.js';
import { termFor } from './analyze/tokens.js';
import { Bm25fIndex } from './bm25f.js';
import { TypoCorrector } from './fuzzy.js';
import { dedicatedRunbookFit, intentFit } from './intentKinds.js';
import { SEARCH_DEFAULTS, type SearchOptions } from './options.js';
import { PhraseIndex } from './phrases.js';
import { buildRecords, type SearchRecords } from './records.js';
import type { SearchHit, SearchResult } from './result.js';

/** The longest question analysed; chat messages beyond this are cut (the answer needs no more). */
export const MAX_QUERY_CHARS = 2000;
const LATIN_TERM = /^[a-z0-9_]+$/;

/** An article with its ranking facts as sets, ready for lookups. */
interface ArticleFacts {
  article: Article;
  kind: string;
  subjectTerms: Set<string>;
  aliasTerms: Set<string>;
  stateTerms: Set<string>;
  names: Set<string>;
  titleTerms: string[];
  namedStates: number;
  /** What the article's headings promise, over all its sections (see headingIntents). */
  promises: Set<Intent>;
}

/** One article's standing for a question, before it becomes a SearchHit. */
interface Ranked {
  index: number;
  score: number;
  section: number;
}

/** The analysed question: weighted terms plus what it names and asks. */
export interface AnalysedQuery {
  draft: Draft;
  terms: WeightedTerm[];
}

/**
 * Ranked answers from the knowledge base. Three BM25F indexes (article subjects: title,
 * aliases, id; article content; sections) and the aliases as phrases are built once here, so a
 * question only walks the postings of its own terms; fuse.js corrects misspelt words against
 * the vocabulary. The ranking then prefers the article whose subject the question names and
 * whose kind suits what it asks. (fuse.js over the section bodies themselves measured 15-25 ms
 * a question on a quarter of this KB, far from the millisecond a question should take.)
 */
export class KbSearch {
  private readonly options: SearchOptions;
  private readonly facts: ArticleFacts[];
  private readonly subjectIndex: Bm25fIndex;
  private readonly contentIndex: Bm25fIndex;
  private readonly sectionIndex: Bm25fIndex;
  private readonly sectionArticle: number[];
  private readonly sectionIndexInArticle: number[];
  private readonly sectionIntents: Intent[][];
  private readonly stages: readonly Stage[];
  private readonly phrases: PhraseIndex;
  /** Terms the KB uses in titles, aliases, ids or headings: the words of its topics. */
  private readonly topicalTerms: ReadonlySet<string>;
  private readonly typos: TypoCorrector;
  private readonly byId: Map<string, number>;
  /** Articles most linked to by others: the fallback "start here" list. */
  private readonly central: number[];

  /**
   * Indexes the KB. `records` may come from a cache (see openKbSearch); they are rebuilt when
   * absent or when they do not describe this KB's articles.
   */
  constructor(
    kb: KnowledgeBase,
    options: Partial<SearchOptions> = {},
    records: SearchRecords = buildRecords(kb.articles),
  ) {
    this.options = { ...SEARCH_DEFAULTS, ...options };
    if (records.facts.length !== kb.articles.length) records = buildRecords(kb.articles);
    this.facts = kb.articles.map((article, i) => {
      const r = records.facts[i] as SearchRecords['facts'][number];
      return {
        article,
        kind: r.kind,
        subjectTerms: new Set(r.subjectTerms),
        aliasTerms: new Set(r.aliasTerms),
        stateTerms: new Set(r.stateTerms),
        names: new Set(r.names),
        titleTerms: r.titleTerms,
        namedStates: r.namedStates,
        promises: new Set<Intent>(),
      };
    });
    this.subjectIndex = Bm25fIndex.fromJSON(records.subject);
    this.contentIndex = Bm25fIndex.fromJSON(records.content);
    this.sectionIndex = Bm25fIndex.fromJSON(records.sections);
    this.sectionArticle = records.sectionArticle;
    this.sectionIndexInArticle = records.sectionIndex;
    this.sectionIntents = records.sectionIntents;
    records.sectionArticle.forEach((a, doc) => {
      for (const i of records.sectionIntents[doc] ?? []) this.facts[a]?.promises.add(i);
    });
    const names = new Set(records.knownNames);
    this.stages = queryStages(names);
    // A state or setting an alias names is its anchor: "CLOSE_WAIT keeps growing" is no match
    // for a question about TIME_WAIT that keeps growing.
    this.phrases = new PhraseIndex(
      records.facts.map((f) => f.phrases),
      this.subjectIndex,
      (t) => isStateToken(t) || names.has(t),
    );
    this.topicalTerms = new Set(records.topicalTerms);
    this.typos = new TypoCorrector([...this.contentIndex.terms()]);
    this.central = centrality(kb.articles);
    this.byId = new Map(kb.articles.map((a, i) => [a.id, i]));
  }

  /** Analyses a question into weighted index terms (exposed for tests and debugging). */
  analyzeQuery(query: string): AnalysedQuery {
    const draft = analyze(query.slice(0, MAX_QUERY_CHARS), this.stages);
    const merged = new Map<string, number>();
    for (const { term, weight } of this.withNameParts(draft.terms)) {
      let t = term;
      let w = weight;
      if (!this.contentIndex.has(t) && !this.subjectIndex.has(t)) {
        // Only Latin words are corrected: the vocabulary is English, so a foreign word has no typo.
        const fix = isStateToken(t) || !LATIN_TERM.test(t) ? null : this.typos.correct(t);
        if (!fix) continue;
        t = fix.term;
        w = weight * this.options.correctionWeight * (1 - fix.score);
      }
      // A word only the bodies use ("mechanism", "within") says less about the topic.
      if (!this.topicalTerms.has(t)) w *= this.options.bodyOnlyWeight;
      merged.set(t, Math.max(merged.get(t) ?? 0, w));
    }
    const terms = [...merged].map(([term, weight]) => ({ term, weight }));
    return { draft, terms };
  }

  /**
   * An unknown name joined by underscores (`CONFIG_SYN_COOKIES`) also stands for its words, at
   * half weight: the KB knows `syn` and `cookies`, not every build option that spells them.
   */
  private withNameParts(terms: readonly WeightedTerm[]): WeightedTerm[] {
    const out: WeightedTerm[] = [];
    for (const t of terms) {
      out.push(t);
      if (!t.term.includes('_') || isStateToken(t.term) || this.subjectIndex.has(t.term)) continue;
      if (this.contentIndex.has(t.term)) continue;
      for (const part of t.term.split('_')) {
        const word = termFor(part);
        if (word) out.push({ term: word, weight: t.weight / 2 });
      }
    }
    return out;
  }

  /** The best articles for `query`, best first, each with its best-matching section. */
  search(query: string, limit: number = this.options.limit): SearchResult {
    const want = Math.max(1, Math.floor(limit) || this.options.limit);
    const q = this.analyzeQuery(query);
    const ranked = this.rank(q);
    // A question that is exactly an article id ("see: tcp-triage ask closed") is a lookup.
    const exact = this.byId.get(query.trim().toLowerCase());
    if (exact !== undefined) {
      const at = ranked.findIndex((r) => r.index === exact);
      const [hit] = at >= 0 ? ranked.splice(at, 1) : [{ index: exact, score: 0, section: -1 }];
      const score = Math.max(
        hit?.score ?? 0,
        (ranked[0]?.score ?? 0) + 1,
        this.options.minConfidentScore,
      );
      if (hit) ranked.unshift({ ...hit, score });
    }
    const top = ranked[0];
    const confident =
      top !== undefined && top.score >= this.options.minConfidentScore && !aboutOtherProtocol(q);
    const floor = Math.min(this.facts.length, Math.max(want, this.options.minResults));
    const chosen = ranked.slice(0, want);
    for (const index of this.central) {
      if (chosen.length >= floor) break;
      if (chosen.some((r) => r.index === index)) continue;
      chosen.push({ index, score: 0, section: -1 });
    }
    return { query, results: chosen.map((r) => this.hit(r)), confident };
  }

  private rank(q: AnalysedQuery): Ranked[] {
    const subjectScores = this.subjectIndex.score(q.terms);
    const contentScores = this.contentIndex.score(q.terms);
    const sectionScores = this.sectionIndex.score(q.terms);
    // Per article: the best section by score (for ranking) and the one to show, which also
    // weighs whether its heading promises what the question asks ("Why it piles up" for "why").
    const bestSection = new Map<number, { doc: number; score: number }>();
    const shownSection = new Map<number, { doc: number; score: number }>();
    sectionScores.forEach((score, doc) => {
      if (score <= 0) return;
      const a = this.sectionArticle[doc] ?? 0;
      const promises = this.sectionIntents[doc]?.some((i) => q.draft.intents.has(i)) ?? false;
      const shown = promises ? score * (1 + this.options.headingIntentBoost) : score;
      const best = bestSection.get(a);
      if (!best || score > best.score) bestSection.set(a, { doc, score });
      const cur = shownSection.get(a);
      if (!cur || shown > cur.score) shownSection.set(a, { doc, score: shown });
    });
    const named = [...q.draft.states].map(stateToken);
    const implied = [...q.draft.impliedStates].map(stateToken);
    const queryTerms = new Set(q.terms.map((t) => t.term));
    const concepts = CONCEPT_TERMS.filter((c) => queryTerms.has(c));
    const phrases = this.phrases.evidence(queryTerms, this.options.phraseCoverage);
    const settings = [...q.draft.settings].filter((s) => this.subjectIndex.has(s));
    const ranked: Ranked[] = [];
    this.facts.forEach((facts, index) => {
      const best = bestSection.get(index);
      const base =
        this.options.subjectWeight * (subjectScores[index] ?? 0) +
        (contentScores[index] ?? 0) +
        this.options.sectionWeight * (best?.score ?? 0);
      if (base <= 0) return;
      const subject = Math.max(
        subjectStrength(facts, named, settings),
        IMPLIED_WEIGHT * subjectStrength(facts, implied, []),
      );
      const fit = intentFit(facts.kind, q.draft.intents);
      const dedicated = dedicatedRunbookFit(
        facts.kind,
        facts.article.states,
        q.draft.states,
        q.draft.intents,
        facts.promises,
      );
      const phrase = phrases.get(index) ?? 0;
      const titleCover = PhraseIndex.coverage(facts.titleTerms, queryTerms, this.subjectIndex);
      // An article about other states than the ones named ("CLOSE_WAIT leak" for a TIME_WAIT
      // question) is off-subject, however many words it shares.
      const offSubject =
        named.length > 0 &&
        facts.stateTerms.size > 0 &&
        !named.some((n) => facts.stateTerms.has(n) || facts.aliasTerms.has(n));
      // Never lifts an article about other states than the ones named.
      const concept =
        !offSubject && concepts.some((c) => facts.subjectTerms.has(c) || facts.aliasTerms.has(c))
          ? 1
          : 0;
      const coversAll =
        q.draft.states.size >= 2 &&
        [...q.draft.states].every((st) => facts.article.states.includes(st))
          ? 1
          : 0;
      const score =
        (offSubject ? this.options.offSubjectFactor : 1) *
        (base + this.options.phraseWeight * phrase) *
        (1 + this.options.subjectBoost * subject) *
        (1 + this.options.titleBoost * titleCover) *
        (1 + this.options.intentBoost * fit) *
        (1 + this.options.runbookBoost * dedicated) *
        (1 + this.options.conceptBoost * concept) *
        (1 + this.options.allStatesBoost * coversAll);
      const shown = shownSection.get(index);
      const section = shown ? (this.sectionIndexInArticle[shown.doc] ?? 0) : -1;
      ranked.push({ index, score, section });
    });
    return ranked.sort((x, y) => y.score - x.score || x.index - y.index);
  }

  private hit(r: Ranked): SearchHit {
    const article = (this.facts[r.index] as ArticleFacts).article;
    const section = article.sections[Math.max(r.section, 0)];
    const topics = [...new Set([...article.topics, ...(section?.topics ?? [])])];
    return {
      id: article.id,
      title: article.title,
      section: section?.heading ?? '',
      topics,
      // Higher is better, in 0..1; the confidence threshold maps to 0.5.
      score: Number((r.score / (r.score + this.options.minConfidentScore)).toFixed(4)),
    };
  }
}

/**
 * How much the article is *about* what the question names: 1 when a named state or setting is in
 * its title or id, 0.6 in its aliases, 0.3 only in its front-matter states; averaged over names.
 */
function subjectStrength(facts: ArticleFacts, states: string[], settings: string[]): number {
  const names = [...states, ...settings];
  if (names.length === 0) return 0;
  let sum = 0;
  for (const name of names) {
    // An article whose aliases name many states is an overview, not about any one of them.
    const specific = Math.min(1, 2 / Math.max(1, facts.namedStates));
    if (facts.subjectTerms.has(name)) sum += 1;
    else if (facts.aliasTerms.has(name) || facts.names.has(name)) sum += 0.6 * specific;
    else if (facts.stateTerms.has(name)) sum += 0.3;
  }
  return sum / names.length;
}

// Sockets of other kinds: a question about them alone is not one this TCP knowledge base answers.
const OTHER_PROTOCOLS = new Set(['udp', 'unix', 'sock', 'quic', 'sctp', 'websocket']);

/** True when the question is about UDP, UNIX-domain or other non-TCP sockets and never TCP. */
function aboutOtherProtocol(q: AnalysedQuery): boolean {
  if (q.draft.states.size > 0) return false;
  const terms = new Set(q.terms.map((t) => t.term));
  if (terms.has('tcp')) return false;
  return [...OTHER_PROTOCOLS].some((p) => terms.has(p));
}

/** Article indexes ordered by how many other articles link to them (related lists). */
function centrality(articles: readonly Article[]): number[] {
  const inbound = new Map<string, number>();
  for (const a of articles) for (const id of a.related) inbound.set(id, (inbound.get(id) ?? 0) + 1);
  return articles
    .map((a, i) => ({ i, n: inbound.get(a.id) ?? 0 }))
    .sort((x, y) => y.n - x.n || x.i - y.i)
    .map((x) => x.i);
}
