import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { answerOnce, runShell } from '../../adapters/shell/shell.js';
import { PLAIN_STYLE } from '../../adapters/shell/style.js';
import type { ChatBot, ChatMessage } from '../../src/bot/message.js';
import { simpleReply } from '../../src/bot/reply.js';

/** A bot that records what it was sent and echoes it in a title. */
function recordingBot(): ChatBot & { seen: ChatMessage[] } {
  const seen: ChatMessage[] = [];
  return {
    seen,
    async handle(message) {
      seen.push(message);
      return simpleReply('answer', `got ${message.text.split('\n').length} line(s)`, ['ok']);
    },
  };
}

function start(bot: ChatBot) {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d) => {
    out += d;
  });
  const done = runShell(
    bot,
    { input, output, terminal: false, style: PLAIN_STYLE },
    { pasteQuietMs: 100, blankLineQuietMs: 20 },
  );
  return { input, done, text: () => out };
}

/** Waits (bounded) until the condition holds. */
async function until(cond: () => boolean, ms = 5000): Promise<void> {
  for (let waited = 0; !cond(); waited += 20) {
    if (waited > ms) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describe('runShell', () => {
  it('gathers a multi-line paste, blank lines included, into one message', async () => {
    const bot = recordingBot();
    const s = start(bot);
    s.input.write('netstat -an | awk ...\n\nTIME_WAIT 41\nCLOSE_WAIT 710\nLISTEN 1\n');
    await until(() => bot.seen.length === 1);
    expect(bot.seen[0]?.text).toBe(
      'netstat -an | awk ...\n\nTIME_WAIT 41\nCLOSE_WAIT 710\nLISTEN 1',
    );
    expect(bot.seen[0]?.conversation).toBe('shell');
    await until(() => s.text().includes('got 5 line(s)'));
    s.input.write('/quit\n');
    expect(await s.done).toBe(0);
  });

  it('answers lines typed apart as separate messages', async () => {
    const bot = recordingBot();
    const s = start(bot);
    s.input.write('what is CLOSE_WAIT?\n');
    await until(() => bot.seen.length === 1);
    s.input.write('and TIME_WAIT?\n');
    await until(() => bot.seen.length === 2);
    expect(bot.seen.map((m) => m.text)).toEqual(['what is CLOSE_WAIT?', 'and TIME_WAIT?']);
    s.input.end();
    expect(await s.done).toBe(0);
  });

  it('keeps gathering while a code fence is open, across pauses', async () => {
    const bot = recordingBot();
    const s = start(bot);
    s.input.write('is this bad?\n```\n');
    await sleep(250);
    s.input.write('ESTAB 0 0 10.0.0.1:22 10.0.0.2:5000\n');
    await sleep(250);
    expect(bot.seen).toHaveLength(0);
    s.input.write('```\n');
    await until(() => bot.seen.length === 1);
    expect(bot.seen[0]?.text.split('\n')).toHaveLength(4);
    s.input.write('/quit\n');
    expect(await s.done).toBe(0);
  });

  it('answers /help with the bot help plus the terminal commands, and /quit exits 0', async () => {
    const bot = recordingBot();
    const s = start(bot);
    s.input.write('/help\n');
    await until(() => s.text().includes('paste output straight in'));
    expect(bot.seen[0]?.text).toBe('help');
    expect(s.text()).toContain('paste output straight in');
    s.input.write('/quit\n');
    expect(await s.done).toBe(0);
    expect(bot.seen).toHaveLength(1);
  });

  it('sends what was gathered when the input ends', async () => {
    const bot = recordingBot();
    const s = start(bot);
    s.input.end('LISTEN 3\nESTABLISHED 9');
    expect(await s.done).toBe(0);
    expect(bot.seen.map((m) => m.text)).toEqual(['LISTEN 3\nESTABLISHED 9']);
    expect(s.text()).toContain('got 2 line(s)');
  });
});

describe('answerOnce', () => {
  it('answers one message and exits 2 for a refusal', async () => {
    const output = new PassThrough();
    const bot: ChatBot = { handle: async () => simpleReply('refusal', 'no', ['too big'], 'error') };
    expect(await answerOnce(bot, 'x', { output, style: PLAIN_STYLE })).toBe(2);
    expect(String(output.read())).toContain('ERROR no');
    expect(await answerOnce(recordingBot(), 'x', { output, style: PLAIN_STYLE })).toBe(0);
  });

  it('exits 1 when the bot answers with an internal error', async () => {
    const output = new PassThrough();
    const bot: ChatBot = {
      handle: async () => simpleReply('failure', 'Something went wrong on my side', ['x'], 'error'),
    };
    expect(await answerOnce(bot, 'x', { output, style: PLAIN_STYLE })).toBe(1);
  });
});
