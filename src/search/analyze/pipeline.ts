import { type Draft, newDraft, type Stage } from './draft.js';
import { foldText } from './fold.js';
import { impliedStates } from './impliedStates.js';
import { detectIntents } from './intent.js';
import { joinKnownNames } from './names.js';
import { settingNames } from './settings.js';
import { canonicalStates } from './states.js';
import { addConcepts, foldPhrases } from './synonyms.js';
import { tokenize } from './tokens.js';
import { translateWords } from './translate.js';

/** Stages every text goes through, indexed or asked, so both sides produce the same terms. */
export const TEXT_STAGES: readonly Stage[] = Object.freeze([
  foldText,
  translateWords,
  canonicalStates,
  settingNames,
  foldPhrases,
  addConcepts,
  tokenize,
]);

/**
 * Stages for a question: the text stages plus intent detection (read from the folded,
 * translated text) and, given the setting names the KB knows, rejoining of split names.
 */
export function queryStages(knownNames: ReadonlySet<string> = new Set()): readonly Stage[] {
  return Object.freeze([
    foldText,
    translateWords,
    canonicalStates,
    settingNames,
    joinKnownNames(knownNames),
    detectIntents,
    foldPhrases,
    addConcepts,
    impliedStates,
    tokenize,
  ]);
}

/** Runs `stages` over `text`. */
export function analyze(text: string, stages: readonly Stage[] = TEXT_STAGES): Draft {
  const draft = newDraft(text);
  for (const stage of stages) stage(draft);
  return draft;
}

/** The terms of a text to index. */
export function documentTerms(text: string): string[] {
  return analyze(text, TEXT_STAGES).terms.map((t) => t.term);
}
