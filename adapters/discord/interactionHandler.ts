/**
 * Answering `/tcp` slash commands and the topic autocomplete. Work that may take long (a
 * question, a triage, a file download) is deferred first; mistakes the person can fix (no
 * paste, a binary file) and failures are answered ephemerally, visible to them only.
 */

import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import type { Attachment, ChatBot, ChatMessage } from '../../src/bot/message.js';
import type { UserChannelRateLimit } from '../../src/bot/rateLimit.js';
import { type Reply, simpleReply } from '../../src/bot/reply.js';
import {
  AttachmentError,
  type AttachmentRef,
  checkAttachment,
  fetchAttachment,
} from './attachments.js';
import { TcpCommand } from './commands.js';
import { conversationKey } from './conversation.js';
import { deliverReply, type ReplySender } from './deliver.js';
import {
  attachmentLimits,
  type DiscordAdapterOptions,
  DiscordLimits,
  describeError,
  rateLimitText,
} from './options.js';

/** A bot that can also list the topics `/tcp explain` offers (optional). */
export interface TopicSource {
  topics?(): readonly string[];
}

export interface InteractionHandlerDeps {
  bot: ChatBot & TopicSource;
  options: DiscordAdapterOptions;
  /** Per-user and per-channel limits, shared with mentions. */
  rateLimit: UserChannelRateLimit;
}

/** Sends the answer as the interaction's response (or its edit, once deferred). */
function publicSender(interaction: ChatInputCommandInteraction): ReplySender {
  return {
    first: (payload) =>
      interaction.deferred || interaction.replied
        ? interaction.editReply(payload)
        : interaction.reply(payload),
    next: (payload) => interaction.followUp(payload),
  };
}

/** Sends the answer so only the person who ran the command sees it. */
function ephemeralSender(interaction: ChatInputCommandInteraction): ReplySender {
  return {
    first: async (payload) => {
      if (!interaction.deferred && !interaction.replied) {
        return interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
      }
      // A deferred response is public; replace it with a private follow-up.
      await interaction.deleteReply().catch(() => undefined);
      return interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    },
    next: (payload) => interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral }),
  };
}

/** Topics whose name contains what was typed, those that start with it first. */
export function matchTopics(topics: readonly string[], typed: string): string[] {
  const needle = typed.trim().toLowerCase();
  const scored = topics
    .filter((topic) => topic.length <= DiscordLimits.choiceLength)
    .map((topic) => ({ topic, at: topic.toLowerCase().indexOf(needle) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at || a.topic.localeCompare(b.topic));
  return scored.slice(0, DiscordLimits.autocompleteChoices).map((entry) => entry.topic);
}

async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  bot: TopicSource,
): Promise<void> {
  const typed = String(interaction.options.getFocused()).slice(0, DiscordLimits.choiceLength);
  const topics = bot.topics?.() ?? [];
  const names = topics.length > 0 ? matchTopics(topics, typed) : typed.trim() ? [typed.trim()] : [];
  await interaction.respond(names.map((name) => ({ name, value: name })));
}

/**
 * The message the bot gets for a subcommand: the command as it would be typed (`/tcp ask …`),
 * which the bot's own command grammar reads, as it does in DMs, Slack and the terminal.
 */
export function commandText(subcommand: string, argument = ''): string {
  return `/${TcpCommand.name} ${subcommand} ${argument.trim()}`.trimEnd();
}

/** A mistake the person can fix, answered privately. */
function problem(title: string, text: string): Reply {
  return simpleReply('refusal', title, [text], 'error');
}

/** Creates the `interactionCreate` listener. It never throws. */
export function createInteractionHandler(
  deps: InteractionHandlerDeps,
): (interaction: Interaction) => Promise<void> {
  const { bot, options } = deps;
  const { logger } = options;
  const limits = attachmentLimits(options);

  const answer = async (
    interaction: ChatInputCommandInteraction,
    message: Omit<ChatMessage, 'conversation' | 'user' | 'at'>,
  ) => {
    const reply = await bot.handle({
      ...message,
      conversation: conversationKey(interaction.channelId),
      user: interaction.user.id,
      at: interaction.createdTimestamp,
    });
    const privately =
      reply.kind === 'error' || reply.kind === 'refusal' || reply.kind === 'failure';
    const sender = privately ? ephemeralSender(interaction) : publicSender(interaction);
    await deliverReply(sender, reply, options.maxMessagesPerReply, logger);
  };

  const refuse = (interaction: ChatInputCommandInteraction, reply: Reply) =>
    deliverReply(ephemeralSender(interaction), reply, 1, logger);

  const runTriage = async (interaction: ChatInputCommandInteraction) => {
    const paste = interaction.options.getString(TcpCommand.paste) ?? '';
    const file = interaction.options.getAttachment(TcpCommand.file);
    if (!paste.trim() && !file) {
      await refuse(
        interaction,
        problem(
          'Nothing to triage',
          'Give `/tcp triage` a `paste` (netstat/ss output or `uniq -c` counts) or attach the output as a .txt/.log `file`.',
        ),
      );
      return;
    }
    const ref: AttachmentRef | undefined = file
      ? { name: file.name, url: file.url, size: file.size, contentType: file.contentType }
      : undefined;
    try {
      // Refuse a wrong type or size before deferring, so the refusal can be private at once.
      if (ref) checkAttachment(ref, limits);
      await interaction.deferReply();
      const attachments: Attachment[] = ref ? [await fetchAttachment(ref, limits)] : [];
      // With a file the text is only what came with it; otherwise the bot's own grammar.
      await answer(
        interaction,
        ref ? { text: paste, attachments } : { text: commandText(TcpCommand.triage, paste) },
      );
    } catch (error) {
      if (!(error instanceof AttachmentError)) throw error;
      await refuse(interaction, problem('I could not read that file', error.message));
    }
  };

  const run = async (interaction: ChatInputCommandInteraction) => {
    const sub = interaction.options.getSubcommand(false);
    if (sub === TcpCommand.help) {
      await answer(interaction, { text: commandText(TcpCommand.help) });
    } else if (sub === TcpCommand.ask) {
      const question = interaction.options.getString(TcpCommand.question, true);
      await interaction.deferReply();
      await answer(interaction, { text: commandText(TcpCommand.ask, question) });
    } else if (sub === TcpCommand.explain) {
      const topic = interaction.options.getString(TcpCommand.topic, true);
      await interaction.deferReply();
      await answer(interaction, { text: commandText(TcpCommand.explain, topic) });
    } else if (sub === TcpCommand.triage) {
      await runTriage(interaction);
    } else {
      await refuse(interaction, problem('Unknown command', 'Try `/tcp help`.'));
    }
  };

  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) {
        if (interaction.commandName === TcpCommand.name) await answerAutocomplete(interaction, bot);
        return;
      }
      if (!interaction.isChatInputCommand() || interaction.commandName !== TcpCommand.name) return;
      const decision = deps.rateLimit.take(interaction.user.id, interaction.channelId);
      if (!decision.allowed) {
        // A command must be answered; the answer is private, so it cannot flood the channel.
        await refuse(interaction, problem('Slow down', rateLimitText(decision.retryAfterMs)));
        return;
      }
      await run(interaction);
    } catch (error) {
      logger.error(`answering interaction ${interaction.id} failed: ${describeError(error)}`);
      if (!interaction.isChatInputCommand()) return;
      await refuse(
        interaction,
        problem('Something went wrong', 'Answering this failed; it has been logged. Try again.'),
      ).catch((second: unknown) =>
        logger.error(`could not report the failure either: ${describeError(second)}`),
      );
    }
  };
}
