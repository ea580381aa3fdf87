/**
 * The terminal chat, in the manner of Hubot's Shell adapter: a readline prompt with history;
 * lines that arrive together (a paste) are gathered into one message, which ends at a short
 * pause, sooner after a blank line, and not while a code fence is open; `/help` and `/quit`.
 * With stdin not a terminal, the whole input is one message, answered once.
 */
import { createInterface, type Interface } from 'node:readline';
import type { ChatBot } from '../../src/bot/message.js';
import type { Reply } from '../../src/bot/reply.js';
import { renderReply } from './render.js';
import { paint, symbol, type TerminalStyle } from './style.js';

/** Options of the terminal chat. */
export interface ShellOptions {
  /** Milliseconds without a new line that end a message (a paste arrives faster than this). */
  pasteQuietMs: number;
  /** Shorter pause that ends a message after a blank line. */
  blankLineQuietMs: number;
  /** Lines of input history kept for the up/down keys. */
  historySize: number;
  /** The conversation key for memory (one terminal session is one conversation). */
  conversation: string;
}

/** Defaults: a 150 ms pause ends a message (30 ms after a blank line), 500 lines of history. */
export const DEFAULT_SHELL_OPTIONS: Readonly<ShellOptions> = Object.freeze({
  pasteQuietMs: 150,
  blankLineQuietMs: 30,
  historySize: 500,
  conversation: 'shell',
});

/** The streams the terminal chat runs on. */
export interface ShellIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Whether input is an interactive terminal (enables line editing and history). */
  terminal: boolean;
  style: TerminalStyle;
}

/** Lines the terminal adds to the bot's help. */
export const SHELL_HELP = Object.freeze([
  'In this terminal: paste output straight in (lines that arrive together are one message), ' +
    '`/help` for this text, `/quit` (or Ctrl-D) to leave.',
]);

/** The terminal's own commands. */
function shellCommand(text: string): 'quit' | 'help' | undefined {
  const t = text.trim().toLowerCase();
  if (t === '/quit' || t === '/exit' || t === '/q' || t === 'quit' || t === 'exit') return 'quit';
  if (t === '/help' || t === 'help' || t === '/?' || t === '?') return 'help';
  return undefined;
}

/** Tracks whether the lines gathered so far leave a code fence (``` or ~~~) open. */
class FenceTracker {
  #open: string | undefined;

  get open(): boolean {
    return this.#open !== undefined;
  }

  push(line: string): void {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!m) return;
    const run = m[1] as string;
    if (!this.#open) this.#open = run;
    else if (run[0] === this.#open[0] && run.length >= this.#open.length && line.trim() === run) {
      this.#open = undefined;
    }
  }

  reset(): void {
    this.#open = undefined;
  }
}

/** Renders a reply for the terminal, adding the terminal's help lines to a help reply. */
export function renderForShell(reply: Reply, style: TerminalStyle, isHelp = false): string {
  const shown = isHelp ? { ...reply, paragraphs: [...reply.paragraphs, ...SHELL_HELP] } : reply;
  return renderReply(shown, style);
}

/**
 * Answers one whole message (piped input) and returns the exit status, as the README says:
 * 2 for refused or unreadable input, 1 for an internal failure of the bot, 0 otherwise.
 */
export async function answerOnce(
  bot: ChatBot,
  text: string,
  io: Pick<ShellIo, 'output' | 'style'>,
  conversation = 'pipe',
): Promise<number> {
  const reply = await bot.handle({ text, conversation });
  io.output.write(renderForShell(reply, io.style));
  if (reply.kind === 'failure') return 1;
  return reply.kind === 'refusal' || reply.kind === 'error' ? 2 : 0;
}

/** Runs the interactive terminal chat until `/quit` or end of input; resolves to the exit status. */
export function runShell(
  bot: ChatBot,
  io: ShellIo,
  options: Partial<ShellOptions> = {},
): Promise<number> {
  const o: ShellOptions = { ...DEFAULT_SHELL_OPTIONS, ...options };
  const { style, output } = io;
  const rl: Interface = createInterface({
    input: io.input,
    output: io.output,
    terminal: io.terminal,
    historySize: o.historySize,
    prompt: `${paint(style, 'bold', 'tcp-triage')}${paint(style, 'cyan', symbol(style, 'prompt'))} `,
  });

  let buffer: string[] = [];
  const fence = new FenceTracker();
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();
  let quitting = false;
  let closed = false;

  const dropFromHistory = (lines: readonly string[]) => {
    // A pasted block is not worth recalling line by line with the up key.
    const history = (rl as unknown as { history?: string[] }).history;
    if (!Array.isArray(history)) return;
    for (const l of lines) {
      const i = history.indexOf(l);
      if (i >= 0) history.splice(i, 1);
    }
  };

  return new Promise<number>((resolve) => {
    const finish = () => {
      queue.then(() => resolve(0));
    };

    const send = (lines: string[]) => {
      const text = lines.join('\n');
      if (lines.length > 1) dropFromHistory(lines);
      if (text.trim() === '') {
        if (!closed) rl.prompt();
        return;
      }
      const command = lines.length === 1 ? shellCommand(text) : undefined;
      if (command === 'quit') {
        quitting = true;
        rl.close();
        return;
      }
      queue = queue.then(async () => {
        const reply = await bot.handle({
          text: command === 'help' ? 'help' : text,
          conversation: o.conversation,
        });
        output.write(`\n${renderForShell(reply, style, command === 'help')}\n`);
        if (!closed) rl.prompt();
      });
    };

    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      const lines = buffer;
      buffer = [];
      fence.reset();
      if (lines.length > 0) send(lines);
    };

    rl.on('line', (line) => {
      if (quitting) return;
      if (buffer.length === 0 && line.trim() === '') {
        rl.prompt();
        return;
      }
      buffer.push(line);
      fence.push(line);
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (fence.open) return; // wait for the closing fence
      timer = setTimeout(flush, line.trim() === '' ? o.blankLineQuietMs : o.pasteQuietMs);
    });

    rl.on('SIGINT', () => {
      // Ctrl-C drops a half-gathered message; on an empty prompt it leaves.
      if (buffer.length > 0 || rl.line.length > 0) {
        buffer = [];
        fence.reset();
        if (timer) clearTimeout(timer);
        output.write('\n');
        rl.prompt();
        return;
      }
      quitting = true;
      rl.close();
    });

    rl.on('close', () => {
      closed = true;
      // End of input: whatever was gathered is still one message.
      if (!quitting) flush();
      if (timer) clearTimeout(timer);
      queue = queue.then(() => {
        output.write(io.terminal ? '\n' : '');
      });
      finish();
    });

    output.write(
      `${paint(style, 'bold', 'tcp-triage')}: paste netstat/ss output or ask about TCP states. ` +
        `${paint(style, 'dim', '/help for more, /quit to leave.')}\n`,
    );
    rl.prompt();
  });
}
