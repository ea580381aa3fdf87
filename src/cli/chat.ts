/**
 * Bare `tcp-triage` (and `npm start`): the terminal chat when stdin is a terminal and no chat
 * service is configured; `serve` when one is; and with stdin piped, the whole input as one
 * message answered once (`ss -tan | tcp-triage`, `echo "what is CLOSE_WAIT" | tcp-triage`).
 */

import { renderReply } from '../../adapters/shell/render.js';
import { answerOnce, runShell, type ShellOptions } from '../../adapters/shell/shell.js';
import { detectStyle } from '../../adapters/shell/style.js';
import type { Bot } from '../bot/bot.js';
import { createBot } from '../bot/createBot.js';
import { DEFAULT_INPUT_GUARD, decodeText, refusalReply } from '../bot/input.js';
import { readStream } from '../netstat/index.js';
import { withEnvFile } from './envFile.js';
import type { CliIo } from './io.js';
import { chatServiceConfigured } from './serveConfig.js';

/** Options of `runChat` (tests pass their own). */
export interface ChatOptions {
  cwd: string;
  shell: Partial<ShellOptions>;
  createBot: () => Promise<Bot>;
  /** Largest piped input answered as one chat message; larger input is streamed to triage. */
  maxMessageBytes: number;
}

type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Runs bare `tcp-triage`; resolves to the exit status. */
export async function runChat(io: CliIo, options: Partial<ChatOptions> = {}): Promise<number> {
  const o: ChatOptions = {
    cwd: process.cwd(),
    shell: {},
    createBot: () => createBot(),
    maxMessageBytes: DEFAULT_INPUT_GUARD.maxInputBytes,
    ...options,
  };
  const style = detectStyle(io.stdout as Output, io.env);
  if (!io.isTTY) return runPiped(io, o, style);

  if (chatServiceConfigured(withEnvFile(io.env, o.cwd).env)) {
    io.stderr.write('tcp-triage: chat service settings found, starting `tcp-triage serve`\n');
    const { runServe } = await import('./serve.js');
    return runServe(io, { cwd: o.cwd, createBot: o.createBot });
  }
  const bot = await o.createBot();
  return runShell(bot, { input: io.stdin, output: io.stdout, terminal: true, style }, o.shell);
}

/** Piped stdin: one message, answered once. Input beyond the chat cap is streamed to triage. */
async function runPiped(
  io: CliIo,
  o: ChatOptions,
  style: ReturnType<typeof detectStyle>,
): Promise<number> {
  const botPromise = o.createBot();
  botPromise.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
  const input = (io.stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for (;;) {
    const next = await input.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    head.push(chunk);
    size += chunk.length;
    if (size > o.maxMessageBytes) {
      overflow = true;
      break;
    }
  }
  const bot = await botPromise;
  if (!overflow) {
    const decoded = decodeText(Buffer.concat(head));
    if ('problem' in decoded) {
      io.stdout.write(
        renderReply(refusalReply({ kind: 'binary', reason: decoded.problem }), style),
      );
      return 2;
    }
    return answerOnce(bot, decoded.text, { output: io.stdout, style });
  }
  // Too large to be a question: read it as a socket table, streaming, in bounded memory.
  async function* all(): AsyncGenerator<Buffer | string> {
    yield* head;
    for (;;) {
      const next = await input.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const reply = bot.replyToSnapshot(await readStream(all()), 'pipe');
  io.stdout.write(renderReply(reply, style));
  return reply.kind === 'triage' ? 0 : 2;
}
