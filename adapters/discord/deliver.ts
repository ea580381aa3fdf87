/**
 * Sending a rendered Reply: the first message answers (a message reply, an interaction
 * response), the others follow. If Discord rejects the embeds (HTTP 400), the same reply is
 * sent again as plain text, so a rendering mistake never leaves a question unanswered.
 */
import { DiscordAPIError } from 'discord.js';
import type { Reply } from '../../src/bot/reply.js';
import { type DiscordMessagePayload, renderPlainMessages, renderReplyMessages } from './embeds.js';
import type { DiscordLogger } from './options.js';

/** Where the messages of one reply go. */
export interface ReplySender {
  /** Sends the first message (the answer proper). */
  first(payload: DiscordMessagePayload): Promise<unknown>;
  /** Sends each further message. */
  next(payload: DiscordMessagePayload): Promise<unknown>;
}

async function sendAll(sender: ReplySender, payloads: DiscordMessagePayload[]): Promise<void> {
  for (const [i, payload] of payloads.entries()) {
    if (i === 0) await sender.first(payload);
    else await sender.next(payload);
  }
}

function isRejectedPayload(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.status === 400;
}

/** Renders and sends a reply, falling back to plain text when the embeds are refused. */
export async function deliverReply(
  sender: ReplySender,
  reply: Reply,
  maxMessages: number,
  logger: DiscordLogger,
): Promise<void> {
  const payloads = renderReplyMessages(reply, maxMessages);
  let sent = 0;
  try {
    for (const payload of payloads) {
      if (sent === 0) await sender.first(payload);
      else await sender.next(payload);
      sent++;
    }
  } catch (error) {
    if (!isRejectedPayload(error)) throw error;
    logger.warn(`embeds refused (${(error as Error).message}); sending plain text`);
    const plain = renderPlainMessages(reply, maxMessages);
    // Whatever was already sent stays; the first plain message takes the failed one's place.
    if (sent === 0) await sendAll(sender, plain);
    else for (const payload of plain) await sender.next(payload);
  }
}
