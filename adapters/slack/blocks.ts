/**
 * Reply -> Block Kit messages within Slack's limits: sections of at most `sectionChars`, at most
 * `blocksPerMessage` blocks and `blockCharsPerMessage` characters of block text per message.
 * What does not fit one message continues in the next (in the same thread); what does not fit
 * `messagesPerReply` messages is cut with a visible note. Every message carries a `text`
 * fallback for notifications and clients that cannot show blocks.
 */
import type { types } from '@slack/bolt';
import { chunkText } from '../../src/bot/chunk.js';
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { Reply } from '../../src/bot/reply.js';
import { clipMrkdwn, literalMrkdwn } from './mrkdwn.js';
import type { SlackLimits } from './options.js';
import {
  chartMrkdwn,
  codeMrkdwn,
  findingMrkdwn,
  headerText,
  linkMrkdwn,
  paragraphsMrkdwn,
  suggestionsMrkdwn,
} from './replyText.js';

export type SlackBlock = types.KnownBlock;

/** One message ready for chat.postMessage / respond(). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A button under the last message (the "Share to channel" of ephemeral answers). */
export interface ReplyButton {
  actionId: string;
  text: string;
  value: string;
}

export interface RenderOptions {
  limits: SlackLimits;
  /** Whether follow-ups can be sent as thread replies (changes the suggestion wording). */
  inThread: boolean;
  button?: ReplyButton;
}

/** Context blocks hold at most 10 elements. */
const CONTEXT_ELEMENTS = 10;
/** Characters kept of one context element (a source title, the suggestions line). */
const CONTEXT_ELEMENT_CHARS = 1_000;

/** Characters of text a block contributes towards Slack's per-message budget. */
export function blockTextLength(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (
        (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0)
      );
    case 'context':
      return block.elements.reduce((n, e) => n + ('text' in e ? e.text.length : 0), 0);
    case 'actions':
      return block.elements.reduce(
        (n, e) =>
          n +
          ('text' in e && e.text ? e.text.text.length : 0) +
          ('value' in e ? (e.value?.length ?? 0) : 0),
        0,
      );
    default:
      return 0;
  }
}

/** The mrkdwn of a block, as used for the message's `text` fallback. */
export function blockText(block: SlackBlock): string {
  switch (block.type) {
    case 'header':
      // Plain text in the block, but `text` is mrkdwn: escape it there.
      return `*${literalMrkdwn(block.text.text)}*`;
    case 'section':
      return block.text?.text ?? '';
    case 'context':
      return block.elements.map((e) => ('text' in e ? e.text : '')).join(' ');
    default:
      return '';
  }
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(texts: string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts.map((t) => ({
      type: 'mrkdwn',
      text: clipMrkdwn(neutralizeMentions(t), CONTEXT_ELEMENT_CHARS),
    })),
  };
}

/** Cuts plain text to `max` characters at a space where possible, ending with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Sections for a long mrkdwn text: split at paragraph/line/word, fences closed and reopened. */
function sections(raw: string, limits: SlackLimits): SlackBlock[] {
  if (raw.trim() === '') return [];
  // Escaping already defused `<!here>`; this also breaks a bare `@here`. It lengthens the
  // text, so it happens before anything is measured.
  const text = neutralizeMentions(raw);
  if (text.length <= limits.sectionChars) return [section(text)];
  const { chunks } = chunkText(text, {
    maxChunkChars: limits.sectionChars,
    maxChunksPerMessage: 10_000,
    maxMessageChars: Number.MAX_SAFE_INTEGER,
    maxMessages: 1,
    // Nothing beyond what the whole reply could ever carry is worth splitting.
    maxTotalChars: limits.blockCharsPerMessage * limits.messagesPerReply,
  });
  return chunks.map(section);
}

/** All the blocks of a reply, in reading order, before they are split into messages. */
export function replyBlocks(reply: Reply, options: RenderOptions): SlackBlock[] {
  const { limits } = options;
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(headerText(reply), limits.headerChars), emoji: true },
    },
  ];
  blocks.push(...sections(paragraphsMrkdwn(reply).join('\n\n'), limits));
  blocks.push(...sections(chartMrkdwn(reply.chart), limits));
  for (const code of codeMrkdwn(reply)) blocks.push(...sections(code, limits));
  for (const finding of reply.findings) {
    const f = findingMrkdwn(finding);
    blocks.push({ type: 'divider' });
    blocks.push(...sections(f.summary, limits));
    blocks.push(...sections(f.next, limits));
    blocks.push(...sections(f.caveats, limits));
  }
  const links = reply.sources.map(linkMrkdwn);
  for (let i = 0; i < links.length; i += CONTEXT_ELEMENTS - 1) {
    blocks.push(
      context([
        i === 0 ? '*Sources:*' : '*More sources:*',
        ...links.slice(i, i + CONTEXT_ELEMENTS - 1),
      ]),
    );
  }
  const suggestions = suggestionsMrkdwn(reply, options.inThread);
  if (suggestions) blocks.push(context([`:speech_balloon: ${suggestions}`]));
  return blocks;
}

function buttonBlock(button: ReplyButton): SlackBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: button.actionId,
        text: { type: 'plain_text', text: clip(button.text, 75) },
        value: button.value,
      },
    ],
  };
}

/** The fallback `text` of a message: its blocks' text, clipped. */
function fallbackText(blocks: SlackBlock[], limits: SlackLimits): string {
  const text = blocks
    .map(blockText)
    .filter((t) => t !== '')
    .join('\n\n');
  return clipMrkdwn(text || 'tcp-triage', limits.textChars);
}

function cutNotice(parts: number): SlackBlock {
  const plural = parts === 1 ? '' : 's';
  return context([
    `:scissors: _Reply cut: ${parts} more part${plural} did not fit. Ask about one finding at a time for the rest._`,
  ]);
}

/** Drops dividers at the edges of a message: a divider separates, it never starts or ends. */
function trimDividers(blocks: SlackBlock[]): SlackBlock[] {
  let a = 0;
  let b = blocks.length;
  while (a < b && blocks[a]?.type === 'divider') a++;
  while (b > a && blocks[b - 1]?.type === 'divider') b--;
  return blocks.slice(a, b);
}

/**
 * Splits blocks into messages within the limits; past `messagesPerReply` the rest is dropped
 * and the last message says so. `tail` (a button) always ends the last message.
 */
export function packMessages(
  all: SlackBlock[],
  limits: SlackLimits,
  tail?: SlackBlock,
): SlackMessage[] {
  const sizes = all.map(blockTextLength);
  // restChars[i]: block text from block i to the end.
  const restChars = new Array<number>(all.length + 1).fill(0);
  for (let i = all.length - 1; i >= 0; i--)
    restChars[i] = (restChars[i + 1] ?? 0) + (sizes[i] ?? 0);
  const tailBlocks = tail ? 1 : 0;
  const tailChars = tail ? blockTextLength(tail) : 0;
  const noticeChars = blockTextLength(cutNotice(all.length));

  const messages: SlackBlock[][] = [[]];
  let chars = 0;
  for (let i = 0; i < all.length; i++) {
    const block = all[i] as SlackBlock;
    const size = sizes[i] ?? 0;
    let current = messages[messages.length - 1] as SlackBlock[];
    const fits =
      current.length + 1 <= limits.blocksPerMessage && chars + size <= limits.blockCharsPerMessage;
    if (!fits && current.length > 0 && messages.length < limits.messagesPerReply) {
      current = [];
      messages.push(current);
      chars = 0;
    }
    if (messages.length === limits.messagesPerReply) {
      // The last message: keep room for the cut notice unless everything left fits.
      const restFits =
        current.length + (all.length - i) + tailBlocks <= limits.blocksPerMessage &&
        chars + (restChars[i] ?? 0) + tailChars <= limits.blockCharsPerMessage;
      const roomForThis =
        current.length + 1 + 1 + tailBlocks <= limits.blocksPerMessage &&
        chars + size + noticeChars + tailChars <= limits.blockCharsPerMessage;
      if (!restFits && !roomForThis) {
        current.push(cutNotice(all.length - i));
        break;
      }
    }
    current.push(block);
    chars += size;
  }
  const lastMessage = messages[messages.length - 1] as SlackBlock[];
  if (tail) {
    const tailFits =
      lastMessage.length + 1 <= limits.blocksPerMessage &&
      chars + tailChars <= limits.blockCharsPerMessage;
    if (tailFits) lastMessage.push(tail);
    else messages.push([tail]);
  }
  return messages
    .map(trimDividers)
    .filter((m) => m.length > 0)
    .map((blocks) => ({ text: fallbackText(blocks, limits), blocks }));
}

/** Renders a Reply as one or more Block Kit messages, each within Slack's limits. */
export function renderBlocks(reply: Reply, options: RenderOptions): SlackMessage[] {
  const tail = options.button ? buttonBlock(options.button) : undefined;
  return packMessages(replyBlocks(reply, options), options.limits, tail);
}
