/**
 * The plain-text form of a Reply: the same content as the blocks, written as one mrkdwn text
 * and split into messages of `textChars`. It is what the bot posts when Slack refuses the
 * blocks (`invalid_blocks`, `msg_blocks_too_long`), so an answer is never lost.
 */
import { chunkText } from '../../src/bot/chunk.js';
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { Reply } from '../../src/bot/reply.js';
import { literalMrkdwn } from './mrkdwn.js';
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

/** The whole reply as one mrkdwn document. */
export function replyMrkdwn(reply: Reply, inThread: boolean): string {
  const parts: string[] = [`*${literalMrkdwn(headerText(reply))}*`];
  parts.push(...paragraphsMrkdwn(reply));
  const chart = chartMrkdwn(reply.chart);
  if (chart) parts.push(chart);
  parts.push(...codeMrkdwn(reply));
  for (const finding of reply.findings) {
    const f = findingMrkdwn(finding);
    parts.push([f.summary, f.next, f.caveats].filter((s) => s !== '').join('\n'));
  }
  if (reply.sources.length > 0) parts.push(`Sources: ${reply.sources.map(linkMrkdwn).join(' · ')}`);
  const suggestions = suggestionsMrkdwn(reply, inThread);
  if (suggestions) parts.push(suggestions);
  return neutralizeMentions(parts.join('\n\n'));
}

/** The reply as plain-text messages, each at most `limits.textChars` long. */
export function renderPlainText(reply: Reply, limits: SlackLimits, inThread: boolean): string[] {
  return splitPlainText(replyMrkdwn(reply, inThread), limits);
}

/** Splits mrkdwn text into messages within the plain-text limits (fences kept whole). */
export function splitPlainText(text: string, limits: SlackLimits): string[] {
  return chunkText(text, {
    maxChunkChars: limits.textChars,
    maxChunksPerMessage: 1,
    maxMessageChars: limits.textChars,
    maxMessages: limits.messagesPerReply,
    maxTotalChars: limits.textChars * limits.messagesPerReply,
  }).chunks;
}
