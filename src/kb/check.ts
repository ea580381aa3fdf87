#!/usr/bin/env node
// `npm run kb:check [DIR]`: validates every article and the DESIGN topic coverage; exit 1 on any problem.
import { defaultKbDir } from './defaultDir.js';
import { runKbCheck } from './runKbCheck.js';

runKbCheck(process.argv[2] ?? defaultKbDir(), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kb:check: internal error: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
