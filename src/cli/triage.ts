import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { terminalSafe, terminalText } from '../../adapters/shell/controls.js';
import { ScanPipeline } from '../netstat/scanPipeline.js';
import type { Snapshot } from '../netstat/snapshot.js';
import type { Verdict } from '../triage/verdict.js';
import type { CliIo } from './io.js';

const USAGE = 'usage: tcp-triage triage [--json] [FILE|-]';

/**
 * The `triage --json` object: the DESIGN.md contract, plus `approximate`, true when a figure
 * in it hit one of the reader's internal caps and is a lower bound (it then reads "at least").
 */
export function verdictJson(verdict: Verdict, snapshot?: Pick<Snapshot, 'approximate'>): object {
  return {
    format: verdict.format,
    os: verdict.os,
    counts: verdict.counts,
    total: verdict.total,
    severity: verdict.severity,
    findings: verdict.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      state: f.state,
      title: f.title,
      evidence: f.evidence,
      cause: f.cause,
      next: f.next,
      caveats: f.caveats,
    })),
    warnings: verdict.warnings,
    approximate: snapshot?.approximate === true,
  };
}

/** Why a Snapshot holds nothing to triage, in one line. */
export function emptyReason(snapshot: Snapshot): string {
  if (snapshot.lines.total === 0 || snapshot.lines.total === (snapshot.skippedBy.blank ?? 0)) {
    return 'the input is empty';
  }
  const first = snapshot.unreadableReasons[0];
  if (first) return `no TCP states could be read (${first})`;
  return 'no TCP socket states found: paste netstat, ss, /proc/net/tcp output or a count summary';
}

/** `tcp-triage triage [--json] [FILE|-]`: read a listing, print the verdict. Returns the exit code. */
export async function runTriage(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseTriageArgs>;
  try {
    parsed = parseTriageArgs(args);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { json, file } = parsed;
  const fail = (message: string): number => {
    io.stderr.write(`tcp-triage: ${terminalText(message)}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: message })}\n`);
    return 2;
  };
  let input: NodeJS.ReadableStream | undefined;
  let large: { path: string; size: number } | undefined;
  let pipeline: ScanPipeline | undefined;
  if (file === undefined || file === '-') {
    input = io.stdin;
  } else {
    try {
      const st = await stat(file);
      if (st.isDirectory()) return fail(`${file} is a directory`);
      if (st.isFile() && st.size > ScanPipeline.WORTH_IT_BYTES) {
        // A big file: start the scan worker now, so it boots while the reader's code loads,
        // then read the file in chunks on both threads.
        pipeline = ScanPipeline.start();
        large = { path: file, size: st.size };
      }
    } catch {
      return fail(`cannot read ${file}: no such file`);
    }
    if (large === undefined) input = createReadStream(file, { highWaterMark: 1 << 19 });
  }
  // The reader is loaded now, and the rules and renderer while the input is read.
  const { isEmptySnapshot, readLargeFile, readStream } = await import('../netstat/index.js');
  const rules = import('../triage/index.js');
  const renderer = json ? undefined : import('./verdictText.js');
  rules.catch(() => {});
  renderer?.catch(() => {});
  let snapshot: Snapshot;
  try {
    snapshot = large
      ? readLargeFile(large.path, large.size, undefined, { pipeline })
      : await readStream(input as NodeJS.ReadableStream);
  } catch (e) {
    return fail(`cannot read ${file ?? 'stdin'}: ${(e as Error).message}`);
  } finally {
    pipeline?.close();
  }
  if (isEmptySnapshot(snapshot)) return fail(emptyReason(snapshot));
  const { triage } = await rules;
  const verdict = triage(snapshot);
  if (json) {
    io.stdout.write(`${JSON.stringify(verdictJson(verdict, snapshot))}\n`);
  } else {
    const tty = Boolean((io.stdout as NodeJS.WriteStream).isTTY);
    const color = tty && !io.env.NO_COLOR;
    const { renderVerdictText } = await (renderer ?? import('./verdictText.js'));
    const unicode = tty || io.env.TCP_TRIAGE_UNICODE === '1';
    // Process names, hostnames and unreadable lines come from the paste: no control
    // character in them may reach the terminal (JSON output escapes them already).
    const text = renderVerdictText(terminalSafe(verdict), terminalSafe(snapshot), {
      color,
      unicode,
    });
    io.stdout.write(`${text}\n`);
  }
  return 0;
}

function parseTriageArgs(args: string[]): { json: boolean; file?: string } {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new Error('triage takes one FILE (or - for stdin)');
  return { json: Boolean(values.json), file: positionals[0] };
}
