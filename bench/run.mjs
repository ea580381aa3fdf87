// `npm run bench`, part 1: triage speed and memory on a 1,000,000-line `netstat -tanp`
// listing, against `awk '{print $6}' | sort | uniq -c` on the same file in the same run.
// Several runs each, alternating, medians compared. Needs the build (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateListing } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lines = Number(process.env.BENCH_LINES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const file = join(root, 'bench', 'out', `netstat-${lines}.txt`);
const cli = join(root, 'dist', 'src', 'cli.js');

if (!existsSync(cli)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  await generateListing(file, lines);
}

/** Runs a command, returns wall milliseconds and its stderr. */
function timed(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const awkTimes = [];
const cliTimes = [];
const rss = [];
let verdict;
// Warm the page cache once for both, then alternate so both see the same machine state.
timed('sh', ['-c', `cat '${file}' > /dev/null`]);
for (let i = 0; i < runs; i++) {
  awkTimes.push(timed('sh', ['-c', `awk '{print $6}' '${file}' | sort | uniq -c > /dev/null`]).ms);
  const r = timed(process.execPath, [
    '--import',
    join(root, 'bench', 'maxrss.mjs'),
    cli,
    'triage',
    '--json',
    file,
  ]);
  cliTimes.push(r.ms);
  rss.push(Number(/bench-maxrss-kb=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
  verdict = JSON.parse(r.stdout);
}
// Node's own start-up, for scale: every run of the CLI pays it.
const bare = median([0, 1, 2, 3, 4].map(() => timed(process.execPath, ['-e', '']).ms));
const awk = median(awkTimes);
const ours = median(cliTimes);
const mb = (statSync(file).size / 1e6).toFixed(0);
console.log(`triage: ${lines.toLocaleString('en')} lines (${mb} MB), ${runs} runs each`);
console.log(
  `  awk | sort | uniq -c   median ${awk.toFixed(0)} ms  (${awkTimes.map((t) => t.toFixed(0)).join(', ')})`,
);
console.log(
  `  tcp-triage triage      median ${ours.toFixed(0)} ms  (${cliTimes.map((t) => t.toFixed(0)).join(', ')})`,
);
console.log(
  `  ratio ${(ours / awk).toFixed(2)}x the awk pipeline (bar: <= 0.80x); peak RSS ${Math.max(...rss).toFixed(0)} MB (bar: <= 150 MB)`,
);
console.log(
  `  node startup alone ${bare.toFixed(0)} ms${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: Node 20 then builds its CA store at start-up)' : ''}`,
);
console.log(
  `  verdict: ${verdict.severity}, ${verdict.total.toLocaleString('en')} sockets, first finding ${verdict.findings[0]?.id ?? 'none'}`,
);
