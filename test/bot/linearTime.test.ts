// Every path from chat input to reply runs in linear time and bounded stack: generated
// messages are grown to the input cap, and each must finish within a linear budget of a
// baseline measured in the same test on the same message shape at a small size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/bot.js';
import { DEFAULT_INPUT_GUARD } from '../../src/bot/input.js';
import { splitMessage } from '../../src/bot/route.js';
import { looksLikeSocketTable, readText } from '../../src/netstat/index.js';
import { realBot } from './helpers.js';

const CAP = DEFAULT_INPUT_GUARD.maxInputBytes;
/** The small size the baseline is measured at; the large run is CAP / SMALL times bigger. */
const SMALL = 32 * 1024;
/** Linear growth allows CAP / SMALL times the baseline; this factor absorbs noise and GC. */
const SLACK = 4;

/** Lines people put in chat messages: rows, questions, commands, fences, prose, blanks. */
const line = fc.constantFrom(
  'tcp        0      0 10.0.0.5:8080           10.0.0.9:51234          TIME_WAIT',
  'tcp6       0      0 ::1:5432                ::1:40000               ESTABLISHED 812/postgres',
  'ESTAB 0 0 10.1.1.1:443 10.2.2.2:60000 users:(("nginx",pid=1,fd=3))',
  '5000 TIME_WAIT',
  '   1721 CLOSE_WAIT',
  'why?',
  'is this bad?',
  'what do I do about it',
  '$ ss -tanp | grep CLOSE_WAIT',
  '```',
  '',
  'we restarted the service this morning and the counts went back up again',
  '[Click_me](https://evil.example) <@U123> *bold* `code`',
);

/** A message shape: a unit of lines repeated until the message reaches a size. */
const shape = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));

/** The unit repeated (behind an optional fixed head) to about `bytes` characters. */
function grow(head: string, unit: string, bytes: number): string {
  const times = Math.max(1, Math.floor((bytes - head.length) / (unit.length + 1)));
  return head + `${unit}\n`.repeat(times);
}

/** Milliseconds `run` takes, the fastest of `tries` (the least disturbed by other work). */
function timeOf(run: () => unknown, tries = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

async function timeOfAsync(run: () => Promise<unknown>, tries = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    const t = performance.now();
    await run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** The time allowed at `large` characters for a run that took `baseMs` at `small`. */
function linearBudget(baseMs: number, small: number, large: number): number {
  // 5 ms floor: a baseline of a fraction of a millisecond is mostly timer noise.
  return Math.max(baseMs, 5) * (large / small) * SLACK;
}

describe('linear time up to the input cap', () => {
  let bot: Bot;

  it('the router and the reader are linear on generated message shapes', {
    timeout: 240_000,
  }, async () => {
    bot = await realBot();
    await fc.assert(
      fc.asyncProperty(shape, fc.constantFrom('', '5000 TIME_WAIT\n'), async (unit, head) => {
        const small = grow(head, unit, SMALL);
        const large = grow(head, unit, CAP - 1024);
        const split = (t: string) => splitMessage(t, [], looksLikeSocketTable);
        const splitBudget = linearBudget(
          timeOf(() => split(small)),
          small.length,
          large.length,
        );
        expect(timeOf(() => split(large), 1)).toBeLessThan(splitBudget);
        const readBudget = linearBudget(
          timeOf(() => readText(small)),
          small.length,
          large.length,
        );
        expect(timeOf(() => readText(large), 1)).toBeLessThan(readBudget);
        let n = 0;
        const handle = (t: string) => bot.handle({ text: t, conversation: `c${n++}` });
        const botBudget = linearBudget(
          await timeOfAsync(() => handle(small)),
          small.length,
          large.length,
        );
        const t = performance.now();
        const reply = await handle(large);
        expect(performance.now() - t).toBeLessThan(botBudget);
        expect(reply.kind).not.toBe('error');
      }),
      { numRuns: 6, seed: 18 },
    );
  });

  it('a paste followed by 400,000 question lines gets a triage reply in linear time', {
    timeout: 120_000,
  }, async () => {
    bot ??= await realBot();
    const head = '5000 TIME_WAIT\n';
    const large = grow(head, 'why?', 400_000 * 5);
    expect(large.length).toBeLessThan(CAP);
    const small = grow(head, 'why?', SMALL);
    let n = 0;
    const handle = (t: string) => bot.handle({ text: t, conversation: `q${n++}` });
    const budget = linearBudget(await timeOfAsync(() => handle(small)), small.length, large.length);
    const t = performance.now();
    const reply = await handle(large);
    expect(performance.now() - t).toBeLessThan(budget);
    expect(reply.kind).toBe('triage');
    expect(reply.paragraphs.join('\n')).toContain('You asked');
  });
});
