/**
 * Delivers a rendered Reply: as Block Kit messages in a thread (chat.postMessage) or as
 * ephemeral answers (respond()). If Slack refuses the blocks (`invalid_blocks`,
 * `msg_blocks_too_long`), that part is re-sent as plain text, so an answer is never lost.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { Reply } from '../../src/bot/reply.js';
import { blockText, type ReplyButton, renderBlocks, type SlackMessage } from './blocks.js';
import type { SlackLimits } from './options.js';
import { splitPlainText } from './plainText.js';

type WebClient = webApi.WebClient;

/** Slack errors that mean "these blocks, not this message, are the problem". */
const BLOCK_ERRORS = new Set(['invalid_blocks', 'msg_blocks_too_long', 'invalid_blocks_format']);

/** The Slack error code of a failed Web API call (`ok: false`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'data' in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
  }
  return undefined;
}

/** The whole text of a message's blocks, for the plain-text fallback. */
function plainOf(message: SlackMessage, limits: SlackLimits): string[] {
  const text = message.blocks
    .map(blockText)
    .filter((t) => t !== '')
    .join('\n\n');
  return splitPlainText(text || message.text, limits);
}

// Link previews of sources would bury the answer.
const QUIET = { unfurl_links: false, unfurl_media: false } as const;

export interface ThreadTarget {
  channel: string;
  /** The thread to answer in; undefined posts at the top level (a DM, a shared answer). */
  threadTs?: string;
}

/** Posts a reply in a channel or thread; returns the ts of the first message posted. */
export async function postReply(
  client: WebClient,
  target: ThreadTarget,
  reply: Reply,
  limits: SlackLimits,
): Promise<string | undefined> {
  const messages = renderBlocks(reply, { limits, inThread: true });
  let first: string | undefined;
  let threadTs = target.threadTs;
  for (const m of messages) {
    const ts = await postMessage(client, { channel: target.channel, threadTs }, m, limits);
    first ??= ts;
    // The rest of a long top-level reply goes in the first message's thread.
    threadTs ??= ts;
  }
  return first;
}

/** Posts one Block Kit message, falling back to plain text if Slack refuses the blocks. */
export async function postMessage(
  client: WebClient,
  target: ThreadTarget,
  message: SlackMessage,
  limits: SlackLimits,
): Promise<string | undefined> {
  const base = { channel: target.channel, thread_ts: target.threadTs, ...QUIET };
  try {
    const res = await client.chat.postMessage({
      ...base,
      text: message.text,
      blocks: message.blocks,
    });
    return res.ts;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === undefined || !BLOCK_ERRORS.has(code)) throw error;
  }
  let first: string | undefined;
  for (const text of plainOf(message, limits)) {
    const res = await client.chat.postMessage({ ...base, text, mrkdwn: true });
    first ??= res.ts;
  }
  return first;
}

/** Posts plain mrkdwn text (errors, notices; already escaped) in a thread. */
export async function postText(
  client: WebClient,
  target: ThreadTarget,
  text: string,
): Promise<void> {
  await client.chat.postMessage({
    channel: target.channel,
    thread_ts: target.threadTs,
    text: neutralizeMentions(text),
    ...QUIET,
  });
}

/** Answers a slash command or action ephemerally; the button (share) ends the last message. */
export async function respondReply(
  respond: RespondFn,
  reply: Reply,
  limits: SlackLimits,
  button?: ReplyButton,
): Promise<void> {
  const messages = renderBlocks(reply, { limits, inThread: false, button });
  for (const m of messages) {
    try {
      await respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks });
    } catch (error) {
      // respond() throws on any non-2xx; a 400 from response_url is how refused blocks show.
      if ((error as { statusCode?: number }).statusCode !== 400) throw error;
      for (const text of plainOf(m, limits)) await respond({ response_type: 'ephemeral', text });
    }
  }
}
