// The kb:check command: validates every article and the DESIGN topic coverage.
import { checkClaims } from './claimGuards.js';
import { KbError } from './errors.js';
import { formatProblem, type KbProblem } from './problem.js';
import { displayDir, uncoveredTopics, validateKnowledgeBase } from './validate.js';

/** Runs the check on `dir`, writing to the given streams; returns the exit status. */
export async function runKbCheck(
  dir: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let result: Awaited<ReturnType<typeof validateKnowledgeBase>>;
  try {
    result = await validateKnowledgeBase(dir);
  } catch (e) {
    err.write(`kb:check: ${e instanceof KbError ? e.message : String(e)}\n`);
    return 1;
  }
  const { articles, problems } = result;
  const where = displayDir(dir);
  // Corrected facts that must not come back (src/kb/claimGuards.ts).
  const all: KbProblem[] = [...problems, ...checkClaims(articles)];
  for (const topic of uncoveredTopics(articles)) {
    all.push({
      file: where,
      field: 'topics',
      message: `no article covers DESIGN topic "${topic}"`,
    });
  }
  if (all.length > 0) {
    for (const p of all) err.write(`${formatProblem(p)}\n`);
    err.write(`kb:check: ${all.length} problem${all.length === 1 ? '' : 's'} in ${where}\n`);
    return 1;
  }
  const sections = articles.reduce((n, a) => n + a.sections.length, 0);
  const topics = new Set(
    articles.flatMap((a) => [...a.topics, ...a.sections.flatMap((s) => s.topics)]),
  );
  out.write(
    `kb:check: ok: ${articles.length} articles, ${sections} sections, ${topics.size} topics covered (${where})\n`,
  );
  return 0;
}
