#!/usr/bin/env node
// Scores the knowledge-base search in process over a question bank (TSV with the columns
// question, topic, alt, articles, lang, shape, source), the way ../shared/eval/score does over
// the CLI: a question is answered when a top-1 (top-3) result carries its topic or an `alt`
// topic; a question whose topic is `none` is answered when the search says it has no match.
// Prints the overall figures and a table per language and per shape.
//
//   node scripts/score-questions.mjs test/fixtures/corpus/questions.tsv [--verbose]
import { readFileSync } from 'node:fs';
import { openKbSearch } from '../dist/src/search/open.js';

const [path, ...flags] = process.argv.slice(2);
if (!path) {
  console.error('usage: node scripts/score-questions.mjs QUESTIONS.tsv [--verbose]');
  process.exit(2);
}
const verbose = flags.includes('--verbose');
const [head, ...lines] = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const keys = head.split('\t');
const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [keys[i], v ?? ''])));
const { search } = await openKbSearch();

const tally = () => ({ n: 0, top1: 0, top3: 0 });
const total = tally();
const byLang = new Map();
const byShape = new Map();
const add = (map, key, r) => {
  const t = map.get(key) ?? tally();
  t.n++;
  t.top1 += r.top1;
  t.top3 += r.top3;
  map.set(key, t);
};
for (const q of rows) {
  if (!q.question || !q.topic) continue;
  const result = search.search(q.question, 5);
  let top1;
  let top3;
  if (q.topic === 'none') {
    top1 = top3 = result.confident ? 0 : 1;
  } else {
    const accept = [q.topic, ...(q.alt ? q.alt.split('|') : [])]
      .map((t) => t.trim())
      .filter(Boolean);
    const has = (k) =>
      result.results.slice(0, k).some((h) => h.topics.some((t) => accept.includes(t)));
    top1 = has(1) ? 1 : 0;
    top3 = has(3) ? 1 : 0;
  }
  const r = { top1, top3 };
  total.n++;
  total.top1 += top1;
  total.top3 += top3;
  add(byLang, q.lang || '?', r);
  add(byShape, q.shape || '?', r);
  if (verbose && !top1) {
    const got = result.results
      .slice(0, 3)
      .map((h) => `${h.id}(${h.score})`)
      .join(' ');
    console.log(
      `${top3 ? 'TOP3' : 'MISS'} [${q.lang}/${q.shape}] want ${q.topic}${q.alt ? `|${q.alt}` : ''} match=${result.confident}\n  ${q.question.slice(0, 160)}\n  got ${got}`,
    );
  }
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
const line = (name, t) =>
  `| ${name} | ${t.n} | ${t.top1} (${pct(t.top1, t.n)}%) | ${t.top3} (${pct(t.top3, t.n)}%) |`;
console.log('| group | questions | top1 | top3 |\n|---|---|---|---|');
for (const [k, t] of [...byLang].sort()) console.log(line(`lang ${k}`, t));
for (const [k, t] of [...byShape].sort()) console.log(line(`shape ${k}`, t));
console.log(line('all', total));
console.log(
  `questions: top1 ${total.top1}/${total.n} (${pct(total.top1, total.n)}%), top3 ${total.top3}/${total.n} (${pct(total.top3, total.n)}%)`,
);
