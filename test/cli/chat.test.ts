import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';
import { knowledgeBase, realBot, samplePastes } from '../bot/helpers.js';
import { captureIo } from './capture.js';

function io(stdin: NodeJS.ReadableStream, isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
  return captureIo(stdin, env, isTTY);
}

const opts = { cwd: mkdtempSync(join(tmpdir(), 'tcp-triage-chat-')), createBot: () => realBot() };

describe('runChat with piped stdin', () => {
  it('answers a question once, as plain text', async () => {
    const t = io(Readable.from(['what is CLOSE_WAIT\n']), false);
    expect(await runChat(t.io, opts)).toBe(0);
    const kb = await knowledgeBase();
    expect(t.out()).toContain(kb.get('close-wait')?.summary.slice(0, 40));
    expect(t.out()).not.toContain('\u001b[');
  });

  it('triages a piped paste once', async () => {
    const paste = samplePastes().find((p) => p.name.startsWith('03-'))?.text ?? '';
    const t = io(Readable.from([Buffer.from(paste)]), false);
    expect(await runChat(t.io, opts)).toBe(0);
    expect(t.out()).toContain(triage(readText(paste)).headline);
  });

  it('streams input larger than a chat message straight to triage', async () => {
    const row = (i: number) => `tcp 0 0 10.0.0.1:${30000 + (i % 20000)} 10.0.0.9:443 TIME_WAIT\n`;
    const chunks = Array.from({ length: 200 }, (_, c) =>
      Buffer.from(Array.from({ length: 100 }, (_, i) => row(c * 100 + i)).join('')),
    );
    const t = io(Readable.from(chunks), false);
    expect(await runChat(t.io, { ...opts, maxMessageBytes: 50_000 })).toBe(0);
    const whole = triage(readText(Buffer.concat(chunks).toString()));
    expect(t.out()).toContain(`Read ${whole.total.toLocaleString('en-US')} TCP sockets`);
    expect(t.out()).toContain(whole.headline);
  });

  it('refuses binary input with exit status 2', async () => {
    const t = io(Readable.from([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])]), false);
    expect(await runChat(t.io, opts)).toBe(2);
    expect(t.out()).toContain('That does not look like text');
  });
});

describe('runChat on a terminal', () => {
  it('starts the terminal chat when no chat service is configured; /quit exits 0', async () => {
    const stdin = new PassThrough();
    const t = io(stdin, true);
    const done = runChat(t.io, opts);
    stdin.write('/quit\n');
    expect(await done).toBe(0);
    expect(t.out()).toContain('paste netstat/ss output or ask about TCP states');
  });

  it('hands over to serve when a chat service is configured', async () => {
    const t = io(new PassThrough(), true, { DISCORD_TOKEN: 'not a token' });
    expect(await runChat(t.io, opts)).toBe(2);
    expect(t.err()).toContain('starting `tcp-triage serve`');
    expect(t.err()).toContain('configuration error: DISCORD_TOKEN');
    expect(t.err()).not.toContain('not a token');
  });
});
