/** Ranking knobs of KbSearch; the defaults in SEARCH_DEFAULTS are what the eval was tuned on. */
export interface SearchOptions {
  /** Results returned when the caller gives no limit. */
  limit: number;
  /** Fewest results returned when the KB has that many articles (DESIGN: at least 3). */
  minResults: number;
  /** How much the subject score (title, aliases, id) counts against the content score (1). */
  subjectWeight: number;
  /** How much the best section's score adds to its article's score. */
  sectionWeight: number;
  /** Multiplier bonus when the article is about the states/settings the question names. */
  subjectBoost: number;
  /** Weight of the best alias (or title) the question contains nearly whole. */
  phraseWeight: number;
  /** Share of an alias's weight the question must contain for it to count as contained. */
  phraseCoverage: number;
  /** Multiplier for an article whose states are all different from the ones the question names. */
  offSubjectFactor: number;
  /** Multiplier bonus for the share of the article's title the question contains. */
  titleBoost: number;
  /** Multiplier bonus when the article's kind (folder) suits the question's intent. */
  intentBoost: number;
  /** When choosing the section to show: bonus for a heading that promises what is asked. */
  headingIntentBoost: number;
  /** Multiplier bonus for the runbook dedicated to a state the question reports trouble with. */
  runbookBoost: number;
  /**
   * Multiplier bonus for an article whose title or aliases name a concept the question
   * describes in other words (a dead peer, a leak): that article is about it.
   */
  conceptBoost: number;
  /**
   * Multiplier bonus, when a question names two or more states, for an article that covers
   * all of them: "CLOSE_WAIT and TIME_WAIT" asks how they relate, not what one of them is.
   */
  allStatesBoost: number;
  /** Weight of a word that appears only in article bodies, never in a title, alias or heading. */
  bodyOnlyWeight: number;
  /** Weight of a term that is a typo correction, times (1 - fuse score). */
  correctionWeight: number;
  /**
   * Confidence: the least final score of the top article. Questions about the KB's subjects
   * score from about 15 up; off-topic ones (weather, CSS, "my disk is full") below 8.
   */
  minConfidentScore: number;
}

export const SEARCH_DEFAULTS: Readonly<SearchOptions> = Object.freeze({
  limit: 5,
  minResults: 3,
  subjectWeight: 1.5,
  sectionWeight: 0.5,
  subjectBoost: 0.8,
  phraseWeight: 2,
  phraseCoverage: 0.75,
  offSubjectFactor: 0.6,
  titleBoost: 0.5,
  intentBoost: 0.15,
  headingIntentBoost: 3,
  runbookBoost: 2,
  conceptBoost: 1,
  allStatesBoost: 0.5,
  bodyOnlyWeight: 0.5,
  correctionWeight: 0.7,
  minConfidentScore: 11,
});
