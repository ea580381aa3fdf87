/**
 * Reading what a chat message is: a command, a paste (with or without a question around it),
 * a follow-up about the last paste, or a question. Pure functions over text; the Bot decides
 * what to do with the result.
 */
import { stateFromToken } from '../netstat/aliases.js';
import type { TcpState } from '../netstat/states.js';
import { scanFences } from './fences.js';
import type { Attachment } from './message.js';

/** A command the bot understands. */
export type Command =
  | { name: 'help' | 'topics' | 'about' }
  | { name: 'explain'; topic: string }
  | { name: 'ask'; question: string }
  | { name: 'triage'; text: string };

// Adapters usually strip the bot's own mention; a leftover one must not hide a command.
const LEADING_MENTIONS = /^(?:\s*<[@!][^<>\s]{1,80}>)+/;

/** The text with a leading bot mention removed and whitespace trimmed. */
export function stripLeadingMentions(text: string): string {
  return text.replace(LEADING_MENTIONS, '').trim();
}

/**
 * A command: `help`, `topics`, `about`, `explain <topic>`, `ask <question>`, `triage <paste>`,
 * with or without a leading `/` or `!`, and optionally after `tcp` (as in `/tcp explain x`).
 */
export function parseCommand(text: string): Command | undefined {
  let t = stripLeadingMentions(text);
  const prefixed = /^[/!]/.test(t);
  if (prefixed) t = t.slice(1);
  const tcp = /^tcp(?:-triage)?(?:\s+|$)/i.exec(t);
  if (tcp) t = t.slice(tcp[0].length);
  if ((prefixed || tcp) && t === '') return { name: 'help' };
  const m = /^([a-z]+)[?!.]*(?:\s+([\s\S]*))?$/i.exec(t);
  if (!m) return undefined;
  const word = (m[1] as string).toLowerCase();
  const rest = (m[2] ?? '').trim();
  const bare = rest.replace(/[?!.\s]+$/, '') === '';
  switch (word) {
    case 'help':
    case 'commands':
      return bare || prefixed || tcp ? { name: 'help' } : undefined;
    case 'topics':
      return bare || prefixed || tcp ? { name: 'topics' } : undefined;
    case 'about':
    case 'version':
      return bare || prefixed || tcp ? { name: 'about' } : undefined;
    case 'explain':
      return rest ? { name: 'explain', topic: rest } : { name: 'topics' };
    case 'ask':
      return rest && (prefixed || tcp) ? { name: 'ask', question: rest } : undefined;
    case 'triage':
      return prefixed || tcp ? { name: 'triage', text: rest } : undefined;
    default:
      return undefined;
  }
}

const QUESTION_START =
  /^(?:why|what|what's|whats|how|is|are|was|were|should|shall|can|could|do|does|did|will|would|which|who|whom|whose|when|where|any|anyone|help|explain|tell|please|pls|isn't|aren't|wie|warum|pourquoi|comment|qué|por)\b/i;
// CJK question particles and words: 吗 (yes/no), 什么 (what), 为什么 (why), 怎么/如何 (how).
const CJK_QUESTION = /[？吗呢]|什么|为什么|怎么|如何|是否|多少/;

/** Whether a line or block reads as a question (ends with `?`, starts with a question word). */
export function isQuestionLike(text: string): boolean {
  const t = text.trim();
  if (!/\p{L}{2}/u.test(t)) return false;
  return /[?？]\s*$/.test(t) || QUESTION_START.test(t) || CJK_QUESTION.test(t);
}

/** A shell command line: a prompt, a pipe, or an option flag. */
function isShellLine(text: string): boolean {
  const t = text.trim();
  return /^(?:\$|#|%|\[[^\]\n]{0,80}\][$#])\s/.test(t) || /\||\s--?[a-z]/i.test(t);
}

// A socket row: a protocol first (netstat), a state then numbers (ss), an address with a port
// (`10.0.0.1:80`, `host:http`, `*.22`), or a count beside a state-like word. Bounded
// quantifiers only, so a long line cannot make it backtrack.
const TABLE_ROW = new RegExp(
  [
    '^\\s{0,8}(?:tcp|udp)\\w{0,3}\\s',
    '^\\s{0,8}[A-Z][A-Z_-]{3,15}\\s{1,20}\\d',
    '[\\w.\\]-]:[\\w*]{1,20}(?:\\s|$)',
    '\\d{1,3}(?:\\.\\d{1,3}){3}[:.]\\d{1,5}\\b',
    '\\*[:.]\\d{1,5}\\b',
    '^\\s{0,8}\\d{1,9}\\s{1,8}[A-Z_]{4,12}\\s{0,8}$',
    // `uniq -c` collapsed onto one line: "1721 CLOSE_WAIT 358 ESTABLISHED 7 SYN_SENT".
    '^\\s{0,8}(?:\\d{1,9}\\s{1,8}[A-Z_]{4,12}\\s{1,8}){2,64}\\d{1,9}\\s{1,8}[A-Z_]{4,12}\\s{0,8}$',
    '^\\s{0,8}[A-Z_]{4,12}\\s{1,8}\\d{1,9}\\s{0,8}$',
  ].join('|'),
  'i',
);

/** Prose: several words and none of the marks of a shell command line. */
function isProse(text: string): boolean {
  return text.length <= 2000 && !isShellLine(text) && (text.match(/\p{L}{2,}/gu)?.length ?? 0) >= 4;
}

/** A message split into the socket-table paste and the question around it. */
export interface SplitMessage {
  /** Text for the reader (fenced blocks, attachments, table blocks and their command lines). */
  paste?: string;
  /** The question asked with or without the paste ('' when none). */
  question: string;
}

/** More blocks than this in one message are read as one. */
const MAX_PIECES = 64;

/** Splits text outside fences into blank-line separated blocks. */
function blocks(lines: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (cur.length) out.push(cur.join('\n'));
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur.join('\n'));
  return out;
}

/**
 * Finds the paste and the question in a message. `looksLikeTable` is the reader's cheap check.
 * A table block may carry question lines before or after it (no blank line between); they
 * are peeled off. Shell command lines stay with the paste (the reader uses them).
 */
export function splitMessage(
  text: string,
  attachments: readonly Attachment[] = [],
  looksLikeTable: (text: string) => boolean,
): SplitMessage {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fences = scanFences(lines);
  const fenced: string[][] = [];
  const outside: string[] = [];
  lines.forEach((line, i) => {
    const st = fences[i];
    if (st?.role === 'opener') {
      fenced.push([]);
      outside.push('');
    } else if (st?.role === 'content') fenced.at(-1)?.push(line);
    else if (st?.role === 'closer') outside.push('');
    else outside.push(line);
  });

  const tables: string[] = [];
  const commands: string[] = [];
  const questions: string[] = [];
  // Past a few dozen pieces a message is one big paste, not a conversation: read it whole,
  // so a pathological message costs one read rather than one per block.
  const bodies = fenced.map((f) => f.join('\n')).filter((b) => b.trim() !== '');
  for (const body of bodies.length > MAX_PIECES ? [bodies.join('\n')] : bodies) {
    if (looksLikeTable(body)) tables.push(body);
  }
  for (const a of attachments) if (a.text.trim() && looksLikeTable(a.text)) tables.push(a.text);

  let pieces = blocks(outside);
  if (pieces.length > MAX_PIECES) pieces = [pieces.join('\n')];
  for (const block of pieces) {
    // Sentences that merely name a state ("so many SYN_SENT to the device") are not a table.
    const allProse = block.split('\n').every((l) => isProse(l) && !TABLE_ROW.test(l));
    if (allProse || !looksLikeTable(block)) {
      if (isQuestionLike(block)) questions.push(block);
      else if (!isProse(block)) commands.push(block);
      continue;
    }
    const blines = block.split('\n');
    let start = 0;
    let end = blines.length;
    const peel = (l: string) => isQuestionLike(l) && !isShellLine(l) && !looksLikeTable(l);
    // Indexes only: the peeled lines are sliced off once, so a block of any length costs one
    // pass (no unshift in a loop, no spreading of an unbounded list into a call).
    while (start < end && peel(blines[start] as string)) start++;
    while (end > start && peel(blines[end - 1] as string)) end--;
    const rest = blines.slice(start, end).join('\n');
    if (start < end && looksLikeTable(rest)) {
      tables.push(rest);
      if (start > 0) questions.push(blines.slice(0, start).join('\n'));
      if (end < blines.length) questions.push(blines.slice(end).join('\n'));
    } else if (isQuestionLike(block)) {
      // The "table" was only a question mentioning a count ("we have 5000 TIME_WAIT, bad?").
      questions.push(block);
    } else {
      tables.push(block);
    }
  }
  const question = questions.join('\n').trim();
  if (tables.length === 0) return { question };
  return { paste: [...commands, ...tables].join('\n\n'), question };
}

/** What a follow-up asks: how to fix it, how bad it is, or why. */
export type FollowUpIntent = 'fix' | 'severity' | 'cause';

const FIX =
  /\b(?:fix|fixing|solve|resolve|do about|what (?:do|should|can|must) (?:i|we)(?: do)?|next steps?|get rid|clear (?:it|them|these|those)|clean ?up|remed|mitigat|handle (?:it|this|that)|deal with|kill (?:it|them))\b|怎么办|如何解决|怎么解决|怎么处理/i;
const SEVERITY =
  /\b(?:bad|serious|worr(?:y|ied)|normal|ok|okay|fine|healthy|problem|concern(?:ed|ing)?|danger(?:ous)?|critical|urgent|how bad|should i care)\b|正常吗|严重|有问题/i;
const CAUSE =
  /\b(?:why|cause[sd]?|reason|responsible|fault|who|what does (?:it|this|that) mean|explain (?:it|this|that))\b|为什么|原因/i;
const ANAPHORA = /\b(?:it|this|that|these|those|them|they|here)\b|这个|这些|它/i;

/** States a text names ("TIME_WAIT", "close-wait", "SYN_RECV"). */
export function statesNamed(text: string): TcpState[] {
  const found: TcpState[] = [];
  for (const token of text.split(/[^\p{L}\p{N}_-]+/u)) {
    if (token.length < 4) continue;
    const s = stateFromToken(token) ?? stateFromToken(token.replace(/\s/g, '_'));
    // "established" and "listen" are English words; only upper case counts for them here.
    if (
      !s ||
      ((s === 'ESTABLISHED' || s === 'LISTEN' || s === 'CLOSED') && token !== token.toUpperCase())
    ) {
      continue;
    }
    if (!found.includes(s)) found.push(s);
  }
  return found;
}

/**
 * The intent of a follow-up about the last paste, or undefined when the text is a question
 * of its own. `context` are the states the last verdict was about.
 */
export function followUpIntent(
  text: string,
  context: readonly TcpState[],
): FollowUpIntent | undefined {
  const t = text.trim();
  const words = t.split(/\s+/).length;
  if (words > 16) return undefined;
  const named = statesNamed(t);
  if (named.some((s) => !context.includes(s))) return undefined;
  const refers = ANAPHORA.test(t) || named.length > 0 || words <= 4;
  if (!refers) return undefined;
  if (FIX.test(t)) return 'fix';
  // "ok", "fine", "why not": only a question asks how bad it is or why.
  if (!isQuestionLike(t)) return undefined;
  if (SEVERITY.test(t)) return 'severity';
  if (CAUSE.test(t)) return 'cause';
  return undefined;
}
