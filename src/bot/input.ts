/**
 * Guards in front of the bot: chat input that is too large or not text is refused with a
 * short, clear reply instead of being worked on. (The CLI's pipe mode streams and has no cap;
 * these guards are for chat, where one message must not tie the bot up.)
 */
import type { ChatMessage } from './message.js';
import { type Reply, simpleReply } from './reply.js';

/** Limits on one chat message (text plus attachments). */
export interface InputGuardOptions {
  /** Largest message accepted, in UTF-8 bytes, text and attachments together. */
  maxInputBytes: number;
  /** Largest share of control characters (other than tab, newline, CR, form feed, ESC) in text. */
  maxControlShare: number;
}

/** Defaults: 2 MiB per message; more than 10% control characters means it is not text. */
export const DEFAULT_INPUT_GUARD: Readonly<InputGuardOptions> = Object.freeze({
  maxInputBytes: 2 * 1024 * 1024,
  maxControlShare: 0.1,
});

/** Why a message was refused. */
export type InputProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'binary'; reason: string };

/** How much of a long text is sampled for control characters (NUL is looked for everywhere). */
const SAMPLE_CHARS = 64 * 1024;

/** Why this text is not readable text, or undefined when it is. */
export function binaryReason(
  text: string,
  maxControlShare = DEFAULT_INPUT_GUARD.maxControlShare,
): string | undefined {
  if (text.includes('\u0000')) return 'it contains NUL bytes';
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd) replacement++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 127)
      control++;
  }
  const n = Math.max(1, sample.length);
  if (replacement / n > 0.02 && replacement >= 4) return 'it is not valid UTF-8 text';
  if (control / n > maxControlShare) return 'it is mostly control characters';
  return undefined;
}

/** Decodes bytes as UTF-8 text, or says why they are not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.includes(0)) return { problem: 'it contains NUL bytes' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'it is not valid UTF-8 text' };
  }
}

/** Checks a chat message against the limits; undefined means it may be handled. */
export function inspectMessage(
  message: Pick<ChatMessage, 'text' | 'attachments'>,
  options: Partial<InputGuardOptions> = {},
): InputProblem | undefined {
  const o = { ...DEFAULT_INPUT_GUARD, ...options };
  const parts = [message.text, ...(message.attachments ?? []).map((a) => a.text)];
  // String length bounds the byte length from below, so huge input is refused without encoding it.
  let bytes = 0;
  for (const p of parts) {
    bytes += p.length > o.maxInputBytes ? p.length : Buffer.byteLength(p, 'utf8');
    if (bytes > o.maxInputBytes) return { kind: 'too-large', bytes, limit: o.maxInputBytes };
  }
  for (const p of parts) {
    const reason = binaryReason(p, o.maxControlShare);
    if (reason) return { kind: 'binary', reason };
  }
  return undefined;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The short refusal for a problem with the input. */
export function refusalReply(problem: InputProblem): Reply {
  if (problem.kind === 'too-large') {
    return simpleReply(
      'refusal',
      'That message is too large for me',
      [
        `It is ${problem.bytes > problem.limit * 4 ? 'more than ' : ''}${formatBytes(problem.bytes)}; ` +
          `I read at most ${formatBytes(problem.limit)} per chat message.`,
        "Paste a summary instead (`ss -tan | awk '{print $1}' | sort | uniq -c`), or run " +
          '`tcp-triage triage FILE` on the machine, which streams input of any size.',
      ],
      'error',
    );
  }
  return simpleReply(
    'refusal',
    'That does not look like text',
    [
      `I can't read it: ${problem.reason}. Paste the output of \`netstat -tan\` or \`ss -tan\` as ` +
        'plain text, or ask me a question about TCP states.',
    ],
    'error',
  );
}

/**
 * Reads a byte stream (a downloaded attachment) up to `maxBytes`. Returns undefined, having
 * cancelled the stream, as soon as it proves longer: an oversized file is never held whole.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
