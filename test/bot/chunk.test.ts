import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  type ChunkBudget,
  type ChunkedText,
  chunkText,
  DEFAULT_CHUNK_BUDGET,
  resolveBudget,
} from '../../src/bot/chunk.js';
import { scanFences } from '../../src/bot/fences.js';

/** Top-level fenced code blocks that marked (an independent CommonMark reader) sees left open. */
function openFencesPerMarked(md: string): number {
  let open = 0;
  for (const t of marked.lexer(md)) {
    if (t.type !== 'code') continue;
    const raw = t.raw.replace(/\n+$/, '');
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!m) continue; // indented code, not fenced
    const fence = m[1] as string;
    const lines = raw.split('\n');
    const closer = (lines[lines.length - 1] as string).trim();
    const closes =
      lines.length > 1 && closer.length >= fence.length && [...closer].every((c) => c === fence[0]);
    if (!closes) open++;
  }
  return open;
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

function checkBudget(out: ChunkedText, b: ChunkBudget) {
  expect(out.messages.length).toBeLessThanOrEqual(b.maxMessages);
  let total = 0;
  for (const msg of out.messages) {
    expect(msg.length).toBeLessThanOrEqual(b.maxChunksPerMessage);
    const chars = msg.reduce((n, c) => n + c.length, 0);
    expect(chars).toBeLessThanOrEqual(b.maxMessageChars);
    total += chars;
  }
  expect(total).toBeLessThanOrEqual(b.maxTotalChars);
  for (const c of out.chunks) {
    expect(c.length).toBeLessThanOrEqual(b.maxChunkChars);
    expect(openFencesPerMarked(c)).toBe(0);
    const lines = c.split('\n');
    expect(scanFences(lines).at(-1)?.after).toBeUndefined();
  }
}

describe('chunkText', () => {
  it('returns nothing for empty or blank text', () => {
    expect(chunkText('').chunks).toEqual([]);
    expect(chunkText(' \n\n \t\n').chunks).toEqual([]);
  });

  it('keeps a short text whole', () => {
    const out = chunkText('hello\n\nworld\n');
    expect(out.chunks).toEqual(['hello\n\nworld']);
    expect(out.truncated).toBe(false);
  });

  it('splits at paragraph boundaries before line boundaries', () => {
    const p1 = `${'a'.repeat(90)}\n${'b'.repeat(90)}`;
    const p2 = `${'c'.repeat(90)}\n${'d'.repeat(90)}`;
    const out = chunkText(`${p1}\n\n${p2}`, { maxChunkChars: 250, maxMessageChars: 250 });
    expect(out.chunks).toEqual([p1, p2]);
  });

  it('splits at a line boundary when a paragraph is too long', () => {
    const lines = Array.from({ length: 6 }, (_, i) => String(i).repeat(60));
    const out = chunkText(lines.join('\n'), { maxChunkChars: 200, maxMessageChars: 200 });
    expect(out.chunks.length).toBeGreaterThan(1);
    for (const c of out.chunks) for (const l of c.split('\n')) expect(l).toHaveLength(60);
    expect(out.chunks.join('\n')).toBe(lines.join('\n'));
  });

  it('splits a long line between words, and a long word inside it', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const out = chunkText(words, { maxChunkChars: 200, maxMessageChars: 200 });
    for (const c of out.chunks) expect(c).toMatch(/^word\d+( word\d+)*$/);
    expect(out.chunks.join(' ')).toBe(words);

    const long = 'x'.repeat(450);
    const hard = chunkText(long, { maxChunkChars: 200, maxMessageChars: 200 });
    expect(hard.chunks.map((c) => c.length)).toEqual([200, 200, 50]);
  });

  it('never splits a surrogate pair or an emoji sequence', () => {
    const family = '👩‍👩‍👧‍👦'; // one grapheme, 11 UTF-16 units
    const out = chunkText(family.repeat(60), { maxChunkChars: 200, maxMessageChars: 200 });
    for (const c of out.chunks) expect(c).toMatch(/^(👩‍👩‍👧‍👦)+$/u);
    expect(out.chunks.join('')).toBe(family.repeat(60));
  });

  it('closes a code fence at the end of a chunk and reopens it with its language', () => {
    const code = Array.from({ length: 30 }, (_, i) => `line ${i} of the listing`).join('\n');
    const text = `Before.\n\n\`\`\`bash\n${code}\n\`\`\`\n\nAfter.`;
    const out = chunkText(text, { maxChunkChars: 300, maxMessageChars: 300 });
    expect(out.chunks.length).toBeGreaterThan(2);
    for (const c of out.chunks) expect(openFencesPerMarked(c)).toBe(0);
    const middle = out.chunks.filter((c) => c.includes('of the listing'));
    for (const c of middle) {
      expect(c.startsWith('```bash\n')).toBe(true);
      expect(c).toMatch(/\n```(\n\nAfter\.)?$/);
    }
    expect(out.chunks.at(-1)?.endsWith('After.')).toBe(true);
  });

  it('closes a fence the input itself left open', () => {
    const out = chunkText('look:\n~~~~\nnot closed');
    expect(out.chunks).toEqual(['look:\n~~~~\nnot closed\n~~~~']);
  });

  it('ends a cut reply with a visible notice and respects the total', () => {
    const paras = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${'z'.repeat(150)}`);
    const b = { maxChunkChars: 400, maxMessageChars: 400, maxMessages: 3, maxTotalChars: 1000 };
    const out = chunkText(paras.join('\n\n'), b);
    expect(out.truncated).toBe(true);
    expect(out.omittedChars).toBeGreaterThan(0);
    expect(out.chunks.at(-1)).toMatch(/reply cut here: [\d,]+ more characters did not fit/);
    checkBudget(out, resolveBudget(b));
  });

  it('groups chunks into messages', () => {
    const paras = Array.from({ length: 10 }, (_, i) => `P${i} ${'y'.repeat(170)}`);
    const out = chunkText(paras.join('\n\n'), {
      maxChunkChars: 200,
      maxChunksPerMessage: 3,
      maxMessageChars: 1000,
      maxMessages: 10,
      maxTotalChars: 10_000,
    });
    expect(out.truncated).toBe(false);
    expect(out.messages.map((m) => m.length)).toEqual([3, 3, 3, 1]);
  });

  it('rejects budgets that cannot hold a chunk', () => {
    expect(() => chunkText('x', { maxChunkChars: 10 })).toThrow(RangeError);
    expect(() => chunkText('x', { maxMessages: 0 })).toThrow(RangeError);
    expect(Object.isFrozen(DEFAULT_CHUNK_BUDGET)).toBe(true);
  });

  it('handles CRLF input', () => {
    expect(chunkText('a\r\n\r\nb').chunks).toEqual(['a\n\nb']);
  });
});

// ---- property test over random replies ----

const wordChars = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'.,:;!?()_/`~',
  'é',
  'ß',
  '中',
  '文',
  'й',
  '👍🏽',
  '🇫🇷',
  'e\u0301',
  '\u200b',
];
const word = fc
  .array(fc.constantFrom(...wordChars), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''))
  .filter((w) => !/^[`~]/.test(w) || w.length < 3);
const longWord = fc.integer({ min: 150, max: 900 }).map((n) => 'W'.repeat(n));
const textLine = fc
  .array(fc.oneof({ weight: 12, arbitrary: word }, { weight: 1, arbitrary: longWord }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((ws) => ws.join(' '));
const paragraph = fc.array(textLine, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n'));
const codeLine = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.array(word, { minLength: 0, maxLength: 15 }))
  .map(([indent, ws]) => ' '.repeat(indent) + ws.join(' '));
const fence = fc
  .record({
    char: fc.constantFrom('`', '~'),
    len: fc.integer({ min: 3, max: 5 }),
    lang: fc.constantFrom('', 'bash', 'text', 'ts', 'python'),
    lines: fc.array(codeLine, { minLength: 0, maxLength: 25 }),
    closed: fc.boolean(),
  })
  .map(({ char, len, lang, lines, closed }) => {
    const f = char.repeat(len);
    return [f + lang, ...lines, ...(closed ? [f] : [])].join('\n');
  });
const reply = fc
  .array(fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: fence }), {
    minLength: 1,
    maxLength: 12,
  })
  .chain((blocks) =>
    fc
      .array(fc.constantFrom('\n\n', '\n', '\n\n\n'), {
        minLength: blocks.length,
        maxLength: blocks.length,
      })
      .map((seps) => blocks.map((b, i) => (i ? seps[i] : '') + b).join('')),
  );
const budget = fc.record({
  maxChunkChars: fc.integer({ min: 200, max: 900 }),
  maxChunksPerMessage: fc.integer({ min: 1, max: 5 }),
  maxMessageChars: fc.integer({ min: 200, max: 3000 }),
  maxMessages: fc.integer({ min: 1, max: 6 }),
  maxTotalChars: fc.integer({ min: 200, max: 20_000 }),
});

describe('chunkText properties', () => {
  it('never exceeds the budget, never leaves a fence open, and keeps all text', () => {
    fc.assert(
      fc.property(reply, budget, (text, partial) => {
        const b = resolveBudget(partial);
        const out = chunkText(text, b);
        checkBudget(out, b);
        const bodies = noSpace(out.pieces.map((p) => p.body).join(''));
        if (out.truncated) {
          expect(noSpace(text).startsWith(bodies)).toBe(true);
          expect(out.pieces.at(-1)?.notice).not.toBe('');
        } else {
          expect(bodies).toBe(noSpace(text));
          for (const p of out.pieces) expect(p.notice).toBe('');
        }
      }),
      { numRuns: Number(process.env.CHUNK_RUNS ?? 400) },
    );
  });

  it('fits everything when the total budget is large enough', () => {
    fc.assert(
      fc.property(reply, fc.integer({ min: 200, max: 900 }), (text, size) => {
        const out = chunkText(text, {
          maxChunkChars: size,
          maxMessageChars: size,
          maxMessages: 1000,
          maxTotalChars: 1_000_000,
        });
        expect(out.truncated).toBe(false);
        expect(noSpace(out.pieces.map((p) => p.body).join(''))).toBe(noSpace(text));
      }),
      { numRuns: Number(process.env.CHUNK_RUNS ?? 200) },
    );
  });
});
