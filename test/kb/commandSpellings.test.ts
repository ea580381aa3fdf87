import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKbDir } from '../../src/kb/defaultDir.js';
import { BSD_STATES as BSD_LSOF, LINUX_LSOF, PS_STATES, SS_FILTERS } from '../stateSpellings.js';

function articles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.endsWith('README.md'))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('state spellings in the commands the KB prints', () => {
  const all = articles(defaultKbDir());

  it('reads every article', () => {
    expect(all.length).toBeGreaterThanOrEqual(36);
  });

  it('uses only ss state-filter keywords after `ss ... state`', () => {
    const bad: string[] = [];
    for (const { file, text } of all)
      for (const m of text.matchAll(/\bss -[A-Za-z]+((?: state [a-z0-9-]+)+)/g))
        for (const w of (m[1] ?? '').split(' state ').filter(Boolean))
          if (!SS_FILTERS.has(w.trim())) bad.push(`${file}: ${w}`);
    expect(bad).toEqual([]);
  });

  it('uses only Get-NetTCPConnection -State values', () => {
    const bad = all.flatMap(({ file, text }) =>
      [...text.matchAll(/-State ([A-Za-z0-9]+)/g)]
        .map((m) => m[1] ?? '')
        .filter((w) => !PS_STATES.has(w))
        .map((w) => `${file}: ${w}`),
    );
    expect(bad).toEqual([]);
  });

  it('spells lsof states for the OS the line is about', () => {
    const bad: string[] = [];
    for (const { file, text } of all)
      for (const line of text.split('\n'))
        for (const m of line.matchAll(/-sTCP:([A-Za-z0-9_]+)/g)) {
          const w = m[1] ?? '';
          const bsd = /macOS|BSD/.test(line);
          if (!(bsd ? BSD_LSOF : LINUX_LSOF).has(w) && !(LINUX_LSOF.has(w) && BSD_LSOF.has(w)))
            bad.push(`${file}: ${w}`);
        }
    expect(bad).toEqual([]);
  });
});
