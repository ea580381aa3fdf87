import { defaultKbDir } from './defaultDir.js';
import { invalidKbError } from './errors.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';
import { validateKnowledgeBase } from './validate.js';

export type { Article, Section, Source } from './article.js';
export { defaultKbDir } from './defaultDir.js';
export { KbError, KbErrorCode } from './errors.js';
export { createKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';
export { findKbLinks, type KbLink, parseKbHref, replaceKbLinks } from './links.js';
export { markdownToText } from './markdownText.js';
export { parseArticle } from './parseArticle.js';
export { formatProblem, type KbProblem } from './problem.js';
export { isKbTopic, KB_TOPICS, type KbTopic } from './topics.js';
export { type KbValidation, uncoveredTopics, validateKnowledgeBase } from './validate.js';

/** Loads and validates `kb/**\/*.md` (default: the package's kb/ folder); throws KbError on any problem. */
export async function loadKnowledgeBase(dir: string = defaultKbDir()): Promise<KnowledgeBase> {
  const { articles, problems } = await validateKnowledgeBase(dir);
  if (problems.length > 0) throw invalidKbError(problems);
  return createKnowledgeBase(articles);
}
