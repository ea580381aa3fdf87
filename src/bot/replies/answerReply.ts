/** Replies built from the knowledge base: a ranked answer, and a whole article (`explain`). */
import type { Article, Section } from '../../kb/article.js';
import type { KnowledgeBase } from '../../kb/knowledgeBase.js';
import type { SearchHit, SearchResult } from '../../search/result.js';
import { fenceCloser, scanFences } from '../fences.js';
import { type Reply, simpleReply } from '../reply.js';
import { addUnique, renderKbLinks, sourceLinks } from './format.js';

/** Longest section text quoted in an answer before pointing to `explain`. */
const SECTION_CHARS = 2500;
/** Room for sections in an `explain` reply (the adapters' chunkers cut beyond their limits). */
const EXPLAIN_CHARS = 6000;

/** The section a hit names, if the article has it (matched on heading or id). */
export function sectionOf(article: Article, hit: Pick<SearchHit, 'section'>): Section | undefined {
  const name = hit.section.trim().toLowerCase();
  if (!name) return undefined;
  return article.sections.find((s) => s.heading.toLowerCase() === name || s.id === name);
}

/** Shortens markdown at a paragraph boundary, saying where the rest is. */
function clip(markdown: string, max: number, more: string): string {
  if (markdown.length <= max) return markdown;
  const cut = markdown.lastIndexOf('\n\n', max);
  const head =
    cut > max / 3 ? markdown.slice(0, cut) : markdown.slice(0, max).replace(/\s+\S*$/, '');
  // A cut inside a code fence would leave it open: close it.
  const open = scanFences(head.split('\n')).at(-1)?.after;
  return `${head}${open ? `\n${fenceCloser(open)}` : ''}\n\n${more}`;
}

/** Answer paragraphs for an article: its summary, then the matched section. */
function articleParagraphs(article: Article, section: Section | undefined, kb: KnowledgeBase) {
  const summary = renderKbLinks(article.summary, kb);
  const paragraphs = [summary.text];
  const linked = [...summary.linked];
  if (section) {
    const body = renderKbLinks(section.markdown, kb);
    paragraphs.push(
      `**${section.heading}**\n\n${clip(body.text, SECTION_CHARS, `_(more: \`explain ${article.id}\`)_`)}`,
    );
    addUnique(linked, body.linked);
  }
  return { paragraphs, linked };
}

/** The reply to a question, from ranked search results (undefined when nothing matched). */
export function answerReply(result: SearchResult, kb: KnowledgeBase): Reply | undefined {
  const hits = result.results.filter((h) => kb.get(h.id));
  const top = hits[0];
  if (!top) return undefined;
  const article = kb.get(top.id) as Article;
  const section = sectionOf(article, top);
  const { paragraphs, linked } = articleParagraphs(article, section, kb);
  if (!result.confident) {
    paragraphs.unshift("I'm not sure this is what you asked; this is the closest I have.");
  }
  const suggestions = addUnique(
    [],
    [...hits.slice(1).map((h) => h.id), ...linked]
      .filter((id) => id !== article.id)
      .map((id) => `explain ${id}`),
    3,
  );
  if (!section) suggestions.unshift(`explain ${article.id}`);
  return {
    ...simpleReply('answer', article.title, paragraphs),
    sources: sourceLinks(article),
    suggestions,
  };
}

/** The whole article, as far as a chat reply should go, for `explain <topic>`. */
export function explainReply(article: Article, kb: KnowledgeBase): Reply {
  const summary = renderKbLinks(article.summary, kb);
  const paragraphs = [summary.text];
  const linked = [...summary.linked];
  let room = EXPLAIN_CHARS;
  const skipped: string[] = [];
  for (const s of article.sections) {
    const body = renderKbLinks(s.markdown, kb);
    const text = `**${s.heading}**\n\n${body.text}`;
    if (text.length > room) {
      skipped.push(s.heading);
      room = 0;
      continue;
    }
    room -= text.length;
    paragraphs.push(text);
    addUnique(linked, body.linked);
  }
  if (skipped.length > 0) {
    paragraphs.push(`_Also in this article: ${skipped.join('; ')}. Ask about any of them._`);
  }
  return {
    ...simpleReply('answer', article.title, paragraphs),
    sources: sourceLinks(article, 12),
    suggestions: addUnique(
      [],
      [...article.related, ...linked]
        .filter((id) => id !== article.id && kb.get(id))
        .map((id) => `explain ${id}`),
      4,
    ),
  };
}
