import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask.js';
import { capture } from './capture.js';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'ask-cache-'));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

function ask(...args: string[]) {
  return capture((io) => runAsk(args, io), '', { TCP_TRIAGE_CACHE_DIR: cacheDir });
}

describe('tcp-triage ask', () => {
  it('--json prints exactly query, match and ranked results with the DESIGN fields', async () => {
    const r = await ask('--json', 'why so many', 'TIME_WAIT');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as {
      query: string;
      match: boolean;
      results: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['query', 'match', 'results']);
    expect(json.match).toBe(true);
    expect(json.query).toBe('why so many TIME_WAIT');
    expect(json.results.length).toBeGreaterThanOrEqual(3);
    for (const hit of json.results) {
      expect(Object.keys(hit)).toEqual(['id', 'title', 'section', 'topics', 'score']);
      expect(Array.isArray(hit.topics)).toBe(true);
      expect(typeof hit.score).toBe('number');
    }
    expect(json.results[0]?.title).toMatch(/TIME_WAIT/);
    expect(json.results[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('--json says match: false, with scores under 0.5, when the KB does not answer', async () => {
    const r = await ask('--json', 'what will the weather be like in Lisbon tomorrow?');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { match: boolean; results: { score: number }[] };
    expect(json.match).toBe(false);
    for (const hit of json.results) expect(hit.score).toBeLessThan(0.5);
  });

  it('prints the answer, the best section, sources and see-also links as text', async () => {
    const r = await ask('what', 'is', 'CLOSE_WAIT');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('CLOSE_WAIT');
    expect(r.stdout).toMatch(/\n## .+\n/);
    expect(r.stdout).toMatch(/Sources:\n {2}- .+: https?:\/\//);
    expect(r.stdout).toMatch(/See also:\n {2}- .+ \(tcp-triage ask [a-z0-9-]+\)/);
    expect(r.stdout).not.toMatch(/\]\(kb:/);
  });

  it('turns kb: cross-links into readable pointers', async () => {
    const r = await ask('how', 'does', 'TCP', 'close', 'a', 'connection', 'FIN', 'ACK', 'sequence');
    expect(r.stdout).toMatch(/\(see: tcp-triage ask [a-z0-9-]+\)/);
    expect(r.stdout).not.toContain('](kb:');
  });

  it('says when it is not sure and offers the closest topics', async () => {
    const r = await ask('recipe for banana bread');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/don't have a confident answer/);
    expect(r.stdout).toMatch(/Closest topics:\n {2}- /);
  });

  it('exits 2 with a one-line usage message for an empty question or a bad option', async () => {
    for (const args of [[], ['   '], ['--json']]) {
      const r = await ask(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^usage: tcp-triage ask/);
    }
    const long = await ask('x'.repeat(5000));
    expect(long.code).toBe(2);
    expect(long.stderr.trim().split('\n')).toHaveLength(1);
    expect(long.stderr).toMatch(/5000 characters/);
    const bad = await ask('--frobnicate', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usage: tcp-triage ask/);
  });
});
