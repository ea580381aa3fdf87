// Raw ESC, OSC, CSI and BEL bytes from a paste or a question never reach the terminal: not in
// the chat renderer (with or without colour), not in pipe mode, not in `tcp-triage triage`
// (text verdict or its error line). Pasted markup reads as the text it is.
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../adapters/shell/controls.js';
import { renderReply } from '../../adapters/shell/render.js';
import { PLAIN_STYLE, type TerminalStyle } from '../../adapters/shell/style.js';
import type { Bot } from '../../src/bot/bot.js';
import type { Reply } from '../../src/bot/reply.js';
import { runChat } from '../../src/cli/chat.js';
import { runTriage } from '../../src/cli/triage.js';
import { realBot } from '../bot/helpers.js';
import {
  EVIL_QUESTION,
  hostileMessage,
  hostilePaste,
  terminalControlsFound,
} from '../bot/hostile.js';
import { capture, captureIo } from '../cli/capture.js';

const COLOUR: TerminalStyle = { color: true, unicode: true, width: 100 };
let bot: Bot;
let reply: Reply;

beforeAll(async () => {
  bot = await realBot();
  reply = await bot.handle({ text: hostileMessage(), conversation: 'hostile' });
});

describe('terminal output of hostile text', () => {
  it('shows control characters in caret notation, keeps tab and newline', () => {
    expect(terminalText('a\u001b]0;PWNED\u0007\u001b[2J\tb\r\nc\rd\u009b\u007f')).toBe(
      'a^[]0;PWNED^G^[[2J\tb\nc^Md<9b>^?',
    );
  });

  it('the chat renderer sends no control character from the paste or question', () => {
    expect(reply.kind).toBe('triage');
    for (const style of [PLAIN_STYLE, COLOUR]) {
      const out = renderReply(reply, style);
      expect(out).toContain('^[]0;PWNED^G');
      expect(terminalControlsFound(out)).toEqual([]);
    }
    // Colour is still the renderer's own.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    expect(renderReply(reply, COLOUR)).toMatch(/\u001b\[\d+m/);
  });

  it('pasted markup is shown as typed, not as escapes or formatting', () => {
    const out = renderReply(reply, PLAIN_STYLE);
    expect(out).toContain('held by [Click_me](https://evil.example)^[]0;PWNED^G (pid 4242)');
    expect(out).toContain('*evil*_host_~x~');
    expect(out).toContain('why is *this* `bad`');
    expect(out).not.toContain('\\[');
  });

  it('pipe mode answers the hostile message with no control character', async () => {
    const t = captureIo(Readable.from([Buffer.from(hostileMessage())]), {}, false);
    expect(await runChat(t.io, { createBot: async () => bot, cwd: '/' })).toBe(0);
    expect(t.out()).toContain('PWNED');
    expect(terminalControlsFound(t.out() + t.err())).toEqual([]);
  });

  it('`tcp-triage triage` prints no control character, in the verdict or in its error line', async () => {
    const verdict = await capture((io) => runTriage([], io), `${hostilePaste()}\n`);
    expect(verdict.code).toBe(0);
    expect(verdict.stdout).toContain('PWNED');
    expect(terminalControlsFound(verdict.stdout)).toEqual([]);
    const issue = await capture(
      (io) => runTriage([], io),
      'tcp 0 0 1.2.3.4:80 5.6.7.8:9 \u001b]0;PWNED\u0007\u001b[2J\n',
    );
    expect(issue.code).toBe(2);
    expect(issue.stderr).toContain('PWNED');
    expect(terminalControlsFound(issue.stderr)).toEqual([]);
    expect(EVIL_QUESTION).toContain('\u001b');
  });
});
