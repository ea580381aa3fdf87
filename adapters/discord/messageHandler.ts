/**
 * Answering messages: a guild message that mentions the bot (or replies to it), and every DM.
 * The text (mention removed) and any text attachments become a ChatMessage keyed by the
 * channel or thread, so follow-ups there share the bot's conversation memory.
 */
import type { Message } from 'discord.js';
import type { Attachment, ChatBot } from '../../src/bot/message.js';
import type { UserChannelRateLimit } from '../../src/bot/rateLimit.js';
import { simpleReply } from '../../src/bot/reply.js';
import { AttachmentError, type AttachmentRef, fetchAttachment } from './attachments.js';
import { conversationKey } from './conversation.js';
import { deliverReply, type ReplySender } from './deliver.js';
import { noMentions } from './embeds.js';
import {
  attachmentLimits,
  type DiscordAdapterOptions,
  describeError,
  rateLimitText,
} from './options.js';

export interface MessageHandlerDeps {
  bot: ChatBot;
  options: DiscordAdapterOptions;
  /** Per-user and per-channel limits, shared with the slash commands. */
  rateLimit: UserChannelRateLimit;
}

/** Whether a guild message is addressed to the bot: a direct mention or a reply to it. */
export function addressesBot(message: Message, botId: string): boolean {
  if (message.mentions.users.has(botId)) return true;
  if (message.mentions.repliedUser?.id === botId) return true;
  // People often pick the bot's managed role from the mention list instead of the bot.
  return message.mentions.roles.some((role) => role.tags?.botId === botId);
}

/** The message text without the bot's own mention. */
export function stripBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

function attachmentRefs(message: Message, max: number): AttachmentRef[] {
  return [...message.attachments.values()].slice(0, max).map((a) => ({
    name: a.name,
    url: a.url,
    size: a.size,
    contentType: a.contentType,
  }));
}

/** Sends messages as a reply to `message`, then as plain channel messages. */
function messageSender(message: Message): ReplySender {
  return {
    first: (payload) => message.reply(payload),
    next: (payload) => {
      const channel = message.channel;
      if (!channel.isSendable()) throw new Error('channel does not accept messages');
      return channel.send(payload);
    },
  };
}

/** Creates the `messageCreate` listener. It never throws: failures are logged and answered. */
export function createMessageHandler(
  deps: MessageHandlerDeps,
): (message: Message) => Promise<void> {
  const { bot, options } = deps;
  const { logger } = options;
  const limits = attachmentLimits(options);

  return async (message) => {
    const botId = message.client.user?.id;
    if (!botId || message.author.bot || message.system || message.webhookId) return;
    const dm = !message.inGuild();
    if (!dm && !addressesBot(message, botId)) return;
    const text = stripBotMention(message.content, botId);
    const refs = attachmentRefs(message, options.maxAttachments);
    // A reply to the bot without a ping arrives empty unless MessageContent is enabled.
    if (!text && refs.length === 0 && !dm && !message.mentions.users.has(botId)) return;

    const sender = messageSender(message);
    const decision = deps.rateLimit.take(message.author.id, message.channelId);
    if (!decision.allowed) {
      // One notice per window, so the refusals themselves cannot flood the channel.
      if (decision.notify) {
        await message
          .reply({ content: rateLimitText(decision.retryAfterMs), allowedMentions: noMentions() })
          .catch((error: unknown) =>
            logger.warn(`rate-limit notice failed: ${describeError(error)}`),
          );
      }
      return;
    }
    try {
      if (message.channel.isSendable()) message.channel.sendTyping().catch(() => undefined);
      let attachments: Attachment[];
      try {
        attachments = await Promise.all(refs.map((ref) => fetchAttachment(ref, limits)));
      } catch (error) {
        if (!(error instanceof AttachmentError)) throw error;
        const refusal = simpleReply(
          'refusal',
          'I could not read that file',
          [error.message],
          'error',
        );
        await deliverReply(sender, refusal, 1, logger);
        return;
      }
      const reply = await bot.handle({
        text,
        ...(attachments.length > 0 ? { attachments } : {}),
        conversation: conversationKey(message.channelId),
        user: message.author.id,
        at: message.createdTimestamp,
      });
      await deliverReply(sender, reply, options.maxMessagesPerReply, logger);
    } catch (error) {
      logger.error(`answering message ${message.id} failed: ${describeError(error)}`);
      await message
        .reply({
          content: 'Sorry, something went wrong while answering this. It has been logged.',
          allowedMentions: noMentions(),
        })
        .catch((second: unknown) =>
          logger.error(`could not report the failure either: ${describeError(second)}`),
        );
    }
  };
}
