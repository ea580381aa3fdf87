// `npm run bench`, ask part: how fast a knowledge-base question is answered.
//   1. in-process: the median time of KbSearch.search over real questions, many runs;
//   2. cold command line: `node dist/src/cli.js ask "why so many TIME_WAIT"`, spawned, median
//      wall time (the on-disk cache warmed by a first run, as on any machine after one use),
//      next to the same without the cache and to bare `node -e ""` for scale.
// Needs the build (dist/). Env: BENCH_ASK_RUNS (default 200), BENCH_ASK_SPAWNS (default 7).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'src', 'cli.js');
const runs = Number(process.env.BENCH_ASK_RUNS ?? 200);
const spawns = Number(process.env.BENCH_ASK_SPAWNS ?? 7);

if (!existsSync(cli)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const { openKbSearch } = await import(join(root, 'dist', 'src', 'search', 'open.js'));

/** Questions from a TSV whose first column is the question (header skipped). */
function questions(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0]?.trim())
    .filter(Boolean);
}

const qs = [
  ...questions(join(root, '..', 'shared', 'eval', 'questions.tsv')),
  ...questions(join(root, 'test', 'search', 'heldout.tsv')),
];
if (qs.length === 0) {
  console.error('bench: no questions found');
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

// 1. In-process. The first pass is each question once on a fresh index (nothing memoised).
const { search } = await openKbSearch({ cache: false });
const first = qs.map((q) => {
  const t = process.hrtime.bigint();
  search.search(q);
  return ms(t);
});
const times = [];
for (let r = 0; r < runs; r++) {
  for (const q of qs) {
    const t = process.hrtime.bigint();
    search.search(q);
    times.push(ms(t));
  }
}
console.log(
  `ask: median query ${median(times).toFixed(2)} ms (in-process, ${qs.length} questions x ${runs} runs)`,
);
console.log(
  `ask: first pass ${median(first).toFixed(2)} ms median (each question once, fresh index)`,
);

// 2. Cold command line, each run a new process.
function spawnMedian(args, env, n) {
  const walls = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    walls.push(ms(t));
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(walls);
}
const cacheDir = mkdtempSync(join(tmpdir(), 'tcp-triage-bench-'));
try {
  const ask = [cli, 'ask', 'why so many TIME_WAIT'];
  const cached = { ...process.env, TCP_TRIAGE_CACHE_DIR: cacheDir };
  spawnMedian(ask, cached, 1); // fills the cache, as the first use on a machine does
  const warm = spawnMedian(ask, cached, spawns);
  const uncached = spawnMedian(ask, { ...process.env, TCP_TRIAGE_CACHE_DIR: 'off' }, 3);
  const bare = spawnMedian(['-e', ''], process.env, spawns);
  console.log(`ask: cold CLI ${warm.toFixed(0)} ms (median of ${spawns})`);
  console.log(
    `ask: cold CLI without the on-disk cache ${uncached.toFixed(0)} ms (median of 3); bare node startup ${bare.toFixed(0)} ms`,
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
