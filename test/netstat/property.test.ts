// Properties of the reader over generated input: it never throws, and chat damage
// (fences, quote marks, CRLF, padding) never changes what it counts. 100,000 inputs in all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/netstat/index.js';
import { nonZeroCounts, SAMPLE_COUNTS, samplePaste } from './samples.js';

const FILES = Object.keys(SAMPLE_COUNTS);
const pastes = FILES.map((f) => samplePaste(f));

/** Wraps text the ways chat clients and people do; counts must not change. */
const damage = fc.constantFrom(
  (t: string) => `\`\`\`\n${t}\n\`\`\``,
  (t: string) => `\`\`\`text\n${t}\`\`\``,
  (t: string) =>
    t
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n'),
  (t: string) => t.replace(/\n/g, '\r\n'),
  (t: string) =>
    t
      .split('\n')
      .map((l) => `${l}  `)
      .join('\n'),
  (t: string) => `is this bad?\n\n${t}\n\nthanks`,
);

describe('reader properties', () => {
  it('never throws on random bytes (30,000 inputs)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const s = readText(Buffer.from(bytes).toString('utf8'));
        expect(s.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 30_000 },
    );
  });

  it('never throws on random mutations of real pastes (40,000 inputs)', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: pastes.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 12 })), {
          maxLength: 6,
        }),
        (i, edits) => {
          let t = pastes[i] as string;
          for (const [at, del, ins] of edits) {
            const p = at % (t.length + 1);
            t = t.slice(0, p) + ins + t.slice(p + del);
          }
          const s = readText(t);
          expect(Number.isFinite(s.total)).toBe(true);
        },
      ),
      { numRuns: 40_000 },
    );
  });

  it('counts the same through fences, quote marks, CRLF and padding (30,000 inputs)', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: pastes.length - 1 }), damage, damage, (i, d1, d2) => {
        const want = SAMPLE_COUNTS[FILES[i] as string];
        expect(nonZeroCounts(readText(d1(d2(pastes[i] as string))).counts)).toEqual(want);
      }),
      { numRuns: 30_000 },
    );
  });

  it('stays linear on hostile lines (one long token, deep quote marks, endless separators)', () => {
    const hostile = [
      'a'.repeat(2_000_000),
      '> '.repeat(500_000),
      `tcp ${'1.'.repeat(400_000)}:80 ESTABLISHED`,
      `${'0 '.repeat(500_000)}\n`,
      `\`\`\`${'`'.repeat(1_000_000)}`,
      `tcp 0 0 [${':'.repeat(500_000)} x ESTABLISHED`,
    ];
    for (const text of hostile) {
      const s = readText(text);
      expect(s.lines.total).toBeGreaterThan(0);
    }
  });
});
