// `tcp-triage triage`: the JSON contract, the text verdict, stdin, clear exit-2 errors, and a
// file large enough to be read in chunks on two threads giving the same verdict as stdin.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without typings (the benchmark's generator).
import { generateListing } from '../../bench/generate.mjs';
import { runTriage } from '../../src/cli/triage.js';
import { ScanPipeline } from '../../src/netstat/scanPipeline.js';
import { capture, TRIAGE_JSON_KEYS } from './capture.js';

const PASTE = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'pastes',
  '03-engineio-closewait-awk.txt',
);

let dir: string;
let big: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tcp-triage-cli-'));
  big = join(dir, 'big.txt');
  await generateListing(big, 60_000); // about 5 MB: past the two-thread threshold
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function triage(args: string[], stdin = '') {
  return capture((io) => runTriage(args, io), stdin);
}

describe('tcp-triage triage', () => {
  it('--json prints exactly the DESIGN keys, with a CLOSE_WAIT finding for the sample', async () => {
    const r = await triage(['--json', PASTE]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(Object.keys(v)).toEqual([...TRIAGE_JSON_KEYS]);
    expect(v.approximate).toBe(false);
    expect(v.findings[0].id).toBe('close-wait-pileup');
    expect(Object.keys(v.findings[0])).toEqual([
      'id',
      'severity',
      'state',
      'title',
      'evidence',
      'cause',
      'next',
      'caveats',
    ]);
  });

  it('a figure that hit the reader\'s cap of distinct keys reads "at least", and --json says approximate', async () => {
    // A SYN flood from 5,000 different addresses: past the 4,096 distinct keys kept per state.
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `tcp        0      0 10.0.0.1:443          10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:${40000 + (i % 20000)}       SYN_RECV`,
      ).join('\n');
    const flood = await triage(['--json'], `${rows(5_000)}\n`);
    const v = JSON.parse(flood.stdout);
    expect(v.approximate).toBe(true);
    const syn = v.findings.find((f: { state: string }) => f.state === 'SYN_RECEIVED');
    expect(syn.evidence).toContain('from at least 4,096 different source addresses');
    expect(syn.evidence).not.toMatch(/from 4,096 different/);
    expect((await triage([], `${rows(5_000)}\n`)).stdout).toContain('at least 4,096');
    // Under the cap the figure is exact, and not flagged.
    const small = JSON.parse((await triage(['--json'], `${rows(300)}\n`)).stdout);
    expect(small.approximate).toBe(false);
    const few = small.findings.find((f: { state: string }) => f.state === 'SYN_RECEIVED');
    expect(few.evidence).toContain('from 300 different source addresses');
  });

  it('reads stdin when there is no file or it is "-", and prints a text verdict', async () => {
    const text = readFileSync(PASTE, 'utf8');
    const a = await triage([], text);
    const b = await triage(['-'], text);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('CLOSE_WAIT');
  });

  it('exits 2 with one clear line for empty or non-TCP input, a directory, a missing file, a bad option', async () => {
    const cases = [
      await triage(['--json'], ''),
      await triage(['--json'], 'hello world\nnothing here\n'),
      await triage(['--json', dir]),
      await triage(['--json', join(dir, 'nope.txt')]),
    ];
    for (const r of cases) {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(r.stdout).error).toBe(r.stderr.trim().replace(/^tcp-triage: /, ''));
    }
    expect(cases[0]?.stderr).toContain('empty');
    expect(cases[2]?.stderr).toContain('is a directory');
    const bad = await triage(['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage:');
  });

  it('reads a big file on two threads to the same verdict as the same bytes on stdin', async () => {
    const size = readFileSync(big).length;
    expect(size).toBeGreaterThan(ScanPipeline.WORTH_IT_BYTES);
    const fromFile = await triage(['--json', big]);
    const fromStdin = await triage(['--json'], readFileSync(big, 'utf8'));
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toEqual(JSON.parse(fromStdin.stdout));
    expect(JSON.parse(fromFile.stdout).total).toBe(60_000);
  });
});
