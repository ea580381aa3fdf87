// Chat clients can flatten a paste onto one line (Discord string options drop newlines).
// An explicit triage command and a collapsed `uniq -c` line must still be triaged.
import { describe, expect, it } from 'vitest';
import { realBot } from './helpers.js';

describe('pastes flattened onto one line', () => {
  it('triages `/tcp triage` followed by a collapsed uniq -c summary', async () => {
    const bot = await realBot();
    const reply = await bot.handle({
      text: '/tcp triage 1721 CLOSE_WAIT 358 ESTABLISHED 7 SYN_SENT',
      conversation: 'a',
    });
    expect(reply.kind).toBe('triage');
    expect(reply.title).toContain('CLOSE_WAIT');
  });

  it('recognises a collapsed uniq -c line without a command', async () => {
    const bot = await realBot();
    const reply = await bot.handle({
      text: '1721 CLOSE_WAIT 358 ESTABLISHED 7 SYN_SENT',
      conversation: 'b',
    });
    expect(reply.kind).toBe('triage');
  });

  it('counts every row of netstat rows glued onto one line', async () => {
    const bot = await realBot();
    const rows = Array.from(
      { length: 12 },
      (_, i) => `tcp 0 0 10.0.0.5:8080 10.0.0.7:${40000 + i} CLOSE_WAIT 2231/node`,
    );
    const reply = await bot.handle({ text: `/tcp triage ${rows.join(' ')}`, conversation: 'c' });
    expect(reply.kind).toBe('triage');
    expect(reply.chart.find((b) => b.label === 'CLOSE_WAIT')?.value).toBe(12);
  });
});
