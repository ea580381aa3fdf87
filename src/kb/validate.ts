import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Article } from './article.js';
import { listArticleFiles } from './files.js';
import { parseArticle } from './parseArticle.js';
import type { KbProblem } from './problem.js';
import { KB_TOPICS, type KbTopic } from './topics.js';

/** The articles that parsed, and every problem found in the folder. */
export interface KbValidation {
  articles: Article[];
  problems: KbProblem[];
}

/** Reads, parses and cross-checks every article under `dir`; never stops at the first problem. */
export async function validateKnowledgeBase(dir: string): Promise<KbValidation> {
  const files = await listArticleFiles(dir);
  const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  const parsed = files.map((f, i) => ({ file: f, ...parseArticle(f, texts[i] ?? '') }));
  const problems: KbProblem[] = parsed.flatMap((p) => p.problems);
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  for (const p of parsed) {
    if (!p.article) continue;
    const clash = byId.get(p.article.id);
    if (clash) {
      problems.push({
        file: p.file,
        field: 'id',
        message: `duplicate id "${p.article.id}" (also in ${clash.file})`,
      });
      continue;
    }
    byId.set(p.article.id, p.article);
    articles.push(p.article);
  }
  // Ids of files that failed validation still exist; their own problems are already reported.
  const declared = new Set(parsed.map((p) => p.declaredId).filter((id) => id !== undefined));
  for (const p of parsed) {
    if (!p.article) continue;
    p.article.related.forEach((id, i) => {
      if (!declared.has(id)) {
        problems.push({ file: p.file, field: `related[${i}]`, message: `no article "${id}"` });
      } else if (id === p.article?.id) {
        problems.push({ file: p.file, field: `related[${i}]`, message: 'links to itself' });
      }
    });
    for (const link of p.links) {
      const target = byId.get(link.id);
      if (!declared.has(link.id)) {
        problems.push({
          file: p.file,
          field: 'body',
          message: `broken link [${link.text}](kb:${link.id}): no article "${link.id}"`,
        });
      } else if (link.section && target && !target.sections.some((s) => s.id === link.section)) {
        problems.push({
          file: p.file,
          field: 'body',
          message: `broken link [${link.text}](kb:${link.id}#${link.section}): no such section`,
        });
      }
    }
  }
  return { articles, problems };
}

/** DESIGN topics that no article (nor any section) covers. */
export function uncoveredTopics(articles: readonly Article[]): KbTopic[] {
  const covered = new Set<string>();
  for (const a of articles) {
    for (const t of a.topics) covered.add(t);
    for (const s of a.sections) for (const t of s.topics) covered.add(t);
  }
  return KB_TOPICS.filter((t) => !covered.has(t));
}

/** `dir` relative to the working directory, for messages. */
export function displayDir(dir: string): string {
  return relative(process.cwd(), dir) || '.';
}
