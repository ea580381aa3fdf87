// Preloaded into the CLI by the benchmark (node --import): reports the process's peak RSS on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nbench-maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
