import { marked, type Token, type Tokens } from 'marked';
import type { Section } from './article.js';
import type { KbLink } from './links.js';
import { findKbLinks } from './linkTokens.js';
import { tokensToText } from './markdownText.js';

/** An article body split into its answer paragraph and `##` sections. */
export interface ParsedBody {
  /** The first paragraph, as markdown. */
  summary: string;
  sections: Section[];
  /** Cross-links found anywhere in the body. */
  links: KbLink[];
  /** Content between the first paragraph and the first `##` heading, if any. */
  preamble: string;
}

const TOPICS_COMMENT = /^<!--\s*topics:\s*([\s\S]*?)-->\s*$/;

/** `When it is a problem` -> `when-it-is-a-problem`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** The topics listed in a `<!-- topics: a, b -->` comment, or null if the token is not one. */
export function sectionTopicsComment(token: Token): string[] | null {
  if (token.type !== 'html') return null;
  const m = TOPICS_COMMENT.exec(token.raw.trim());
  if (!m) return null;
  return (m[1] ?? '')
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Splits a markdown body with marked's lexer: summary, `##` sections (depth 3+ stay inside). */
export function parseBody(markdown: string): ParsedBody {
  const tokens = marked.lexer(markdown);
  const links = findKbLinks(tokens);
  let i = 0;
  // A leading `# Title` repeats the front-matter title; the answer paragraph follows it.
  while (
    i < tokens.length &&
    (tokens[i]?.type === 'space' ||
      (tokens[i]?.type === 'heading' && (tokens[i] as Tokens.Heading).depth === 1))
  ) {
    i++;
  }
  let summary = '';
  const first = tokens[i];
  if (first?.type === 'paragraph') {
    summary = first.raw.trim();
    i++;
  }
  const preambleTokens: Token[] = [];
  while (i < tokens.length && !isSectionHeading(tokens[i])) {
    preambleTokens.push(tokens[i] as Token);
    i++;
  }
  const sections: Section[] = [];
  const used = new Map<string, number>();
  while (i < tokens.length) {
    const heading = tokens[i] as Tokens.Heading;
    i++;
    const own: Token[] = [];
    while (i < tokens.length && !isSectionHeading(tokens[i])) {
      own.push(tokens[i] as Token);
      i++;
    }
    const firstReal = own.findIndex((t) => t.type !== 'space');
    const topics = firstReal >= 0 ? sectionTopicsComment(own[firstReal] as Token) : null;
    if (topics) own.splice(firstReal, 1);
    const title = tokensToText(heading.tokens);
    sections.push({
      id: uniqueSlug(slugify(title), used),
      heading: title,
      markdown: own
        .map((t) => t.raw)
        .join('')
        .trim(),
      text: tokensToText(own),
      topics: topics ?? [],
    });
  }
  return {
    summary,
    sections,
    links,
    preamble: preambleTokens
      .map((t) => t.raw)
      .join('')
      .trim(),
  };
}

function isSectionHeading(token: Token | undefined): boolean {
  return token?.type === 'heading' && (token as Tokens.Heading).depth === 2;
}

function uniqueSlug(slug: string, used: Map<string, number>): string {
  const n = used.get(slug) ?? 0;
  used.set(slug, n + 1);
  return n === 0 ? slug : `${slug}-${n + 1}`;
}
