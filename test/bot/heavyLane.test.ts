// One large paste cannot stall other conversations: 200 messages arrive at once, 20 of them
// large pastes; the small questions are still answered in under a second at p99, because
// the large ones run one at a time in the heavy lane, after the loop has had a turn.
import { describe, expect, it } from 'vitest';
import { realBot } from './helpers.js';

/** About 1.7 MB of `netstat -tan` rows: a large chat paste, under the 2 MiB cap. */
function largePaste(seed: number): string {
  const rows: string[] = [];
  for (let i = 0; rows.length * 80 < 1_700_000; i++) {
    const state = i % 3 === 0 ? 'TIME_WAIT' : i % 3 === 1 ? 'ESTABLISHED' : 'CLOSE_WAIT';
    rows.push(
      `tcp        0      0 10.0.${seed}.1:8080        10.1.${(i >> 8) & 255}.${i & 255}:${30000 + (i % 30000)}     ${state}`,
    );
  }
  return rows.join('\n');
}

describe('heavy lane', () => {
  it('200 concurrent messages with 20 large pastes: small questions p99 < 1 s', {
    timeout: 120_000,
  }, async () => {
    const bot = await realBot();
    const pastes = Array.from({ length: 20 }, (_, i) => largePaste(i));
    const small: number[] = [];
    const started = performance.now();
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      // Every tenth message is a large paste, and the large ones arrive first in each ten.
      if (i % 10 === 0) {
        const text = pastes[i / 10] as string;
        jobs.push(bot.handle({ text, conversation: `large-${i}`, user: `u${i}` }));
      } else {
        const t = performance.now();
        jobs.push(
          bot
            .handle({ text: 'why so many TIME_WAIT?', conversation: `small-${i}`, user: `u${i}` })
            .then((reply) => {
              expect(reply.kind).toBe('answer');
              small.push(performance.now() - t);
            }),
        );
      }
    }
    const replies = await Promise.all(jobs);
    const total = performance.now() - started;
    small.sort((a, b) => a - b);
    const p99 = small[Math.ceil(small.length * 0.99) - 1] as number;
    expect(small).toHaveLength(180);
    expect(p99).toBeLessThan(1_000);
    // The large pastes were all triaged, and took longer in all than the small answers' p99.
    expect(replies.filter((r) => (r as { kind?: string })?.kind === 'triage')).toHaveLength(20);
    expect(total).toBeGreaterThan(p99);
  });
});
