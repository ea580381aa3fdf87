/**
 * `tcp-triage ask [--json] QUESTION...`: answers a question from the knowledge base.
 * Text: the best article's answer paragraph and best-matching section, its sources and
 * related articles. `--json`: the ranked hits (DESIGN.md contract).
 */
import { parseArgs } from 'node:util';
import type { Article } from '../kb/article.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import { replaceKbLinks } from '../kb/links.js';
import type { KbSearch } from '../search/kbSearch.js';
import { openKbSearch } from '../search/open.js';
import type { SearchResult } from '../search/result.js';
import type { CliIo } from './io.js';

const USAGE = 'usage: tcp-triage ask [--json] QUESTION...';

/** How many hits `--json` lists and how many "other matches" the text answer names. */
const RESULT_LIMIT = 5;
/** Longer "questions" are pastes or mistakes; a question needs far fewer characters. */
const MAX_QUESTION_CHARS = 4000;
/** Sources listed under a text answer; the article file has them all. */
const MAX_SOURCES = 6;

/** Runs the ask command; returns the exit status (0 answered, 2 usage, 1 internal error). */
export async function runAsk(args: string[], io: CliIo): Promise<number> {
  let json: boolean;
  let question: string;
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    json = values.json === true;
    question = positionals.join(' ').trim();
  } catch (err) {
    io.stderr.write(`tcp-triage ask: ${firstLine(err)}\n${USAGE}\n`);
    return 2;
  }
  if (!question) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (question.length > MAX_QUESTION_CHARS) {
    io.stderr.write(
      `tcp-triage ask: the question is ${question.length} characters; ask in at most ${MAX_QUESTION_CHARS} (to triage a listing, use tcp-triage triage)\n`,
    );
    return 2;
  }
  let kb: KnowledgeBase;
  let search: KbSearch;
  try {
    ({ kb, search } = await openKbSearch({ cache: true, env: io.env }));
  } catch (err) {
    io.stderr.write(`tcp-triage ask: cannot load the knowledge base: ${firstLine(err)}\n`);
    return 1;
  }
  const result = search.search(question, RESULT_LIMIT);
  io.stdout.write(json ? `${askJson(result)}\n` : answerText(result, kb));
  return 0;
}

/**
 * The `ask --json` object: query, `match` (false when nothing in the KB answers it, so the
 * results are only the closest topics) and results (id, title, section, topics, score).
 */
export function askJson(result: SearchResult): string {
  return JSON.stringify({
    query: result.query,
    match: result.confident,
    results: result.results.map(({ id, title, section, topics, score }) => ({
      id,
      title,
      section,
      topics,
      score,
    })),
  });
}

/** The terminal answer: title, answer paragraph, best section, sources, see also. */
export function answerText(result: SearchResult, kb: KnowledgeBase): string {
  const top = result.results[0];
  const article = top ? kb.get(top.id) : undefined;
  if (!result.confident || !top || !article) return notSureText(result);
  const out: string[] = [article.title, '='.repeat(Math.min(article.title.length, 72)), ''];
  out.push(readable(article.summary, kb), '');
  const section = article.sections.find((s) => s.heading === top.section);
  if (section) out.push(`## ${section.heading}`, '', readable(section.markdown, kb), '');
  out.push('Sources:');
  for (const s of article.sources.slice(0, MAX_SOURCES)) out.push(`  - ${s.title}: ${s.url}`);
  const more = article.sources.length - MAX_SOURCES;
  if (more > 0) out.push(`  (${more} more in kb/${article.file})`);
  const related = article.related
    .map((id) => kb.get(id))
    .filter((a): a is Article => a !== undefined);
  if (related.length > 0) {
    out.push('', 'See also:');
    for (const a of related) out.push(`  - ${a.title} (tcp-triage ask ${a.id})`);
  }
  const others = result.results.slice(1).filter((h) => h.id !== top.id);
  if (others.length > 0) {
    out.push('', `Other matches: ${others.map((h) => `${h.title} (${h.id})`).join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** What to say when nothing matched well: say so, and offer the closest topics. */
function notSureText(result: SearchResult): string {
  const out = ["I don't have a confident answer to that in the knowledge base."];
  if (result.results.length > 0) {
    out.push('', 'Closest topics:');
    for (const h of result.results) out.push(`  - ${h.title} (tcp-triage ask ${h.id})`);
  }
  out.push(
    '',
    'Try naming the state or setting, e.g. "why so many TIME_WAIT" or "what is tcp_tw_reuse".',
  );
  return `${out.join('\n')}\n`;
}

/** Markdown with `[text](kb:id)` cross-links turned into text a terminal reader can follow. */
function readable(markdown: string, kb: KnowledgeBase): string {
  return replaceKbLinks(markdown, (link) => {
    const target = kb.get(link.id);
    return target ? `${link.text} (see: tcp-triage ask ${link.id})` : link.text;
  });
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? message;
}
