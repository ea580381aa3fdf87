import type { Article } from './article.js';
import { parseBody } from './body.js';
import { parseFrontMatter, splitFrontMatter } from './frontMatter.js';
import type { KbLink } from './links.js';
import { markdownToText } from './markdownText.js';
import type { KbProblem } from './problem.js';
import { isKbTopic } from './topics.js';

/** One parsed file: the article (when its front matter is valid), its links and its problems. */
export interface ParsedArticle {
  article?: Article;
  /** The id the file declares, even when the rest of its front matter is invalid. */
  declaredId?: string;
  links: KbLink[];
  problems: KbProblem[];
}

/** Parses one article file's text; `file` is its path relative to the kb folder. */
export function parseArticle(file: string, text: string): ParsedArticle {
  const split = splitFrontMatter(text);
  const front = parseFrontMatter(file, split.yaml);
  const body = parseBody(split.body);
  const problems = [...front.problems];
  if (!body.summary) {
    problems.push({ file, field: 'body', message: 'missing the first paragraph (the answer)' });
  }
  if (body.preamble) {
    problems.push({
      file,
      field: 'body',
      message: 'text between the first paragraph and the first ## heading belongs in a section',
    });
  }
  if (body.sections.length === 0) {
    problems.push({ file, field: 'body', message: 'no ## sections' });
  }
  body.sections.forEach((section, i) => {
    for (const topic of section.topics) {
      if (!isKbTopic(topic)) {
        problems.push({
          file,
          field: `sections[${i}] "${section.heading}" topics`,
          message: `unknown topic ${JSON.stringify(topic)} (not in the DESIGN list)`,
        });
      }
    }
    if (!section.text) {
      problems.push({ file, field: `sections[${i}] "${section.heading}"`, message: 'empty' });
    }
  });
  if (!front.value) return { declaredId: front.declaredId, links: body.links, problems };
  const fm = front.value;
  return {
    declaredId: fm.id,
    article: {
      id: fm.id,
      title: fm.title,
      aliases: fm.aliases,
      symptoms: fm.symptoms ?? [],
      topics: fm.topics,
      states: fm.states,
      sources: fm.sources,
      related: fm.related ?? [],
      summary: body.summary,
      summaryText: markdownToText(body.summary),
      sections: body.sections,
      file,
    },
    links: body.links,
    problems,
  };
}
