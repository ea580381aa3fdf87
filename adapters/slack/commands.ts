/**
 * The `/tcp` slash command (`ask <question>`, `triage <paste>`, `help`, ...), answered ephemerally
 * with a "Share to channel" button, and the share action that posts that answer for everyone.
 * The answer waiting to be shared is kept server-side (a button value holds only an id).
 */
import { randomUUID } from 'node:crypto';
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { ChatBot } from '../../src/bot/message.js';
import type { Reply } from '../../src/bot/reply.js';
import { ExpiringMap } from './dedupe.js';
import { slackTextToPlain } from './incoming.js';
import { literalMrkdwn } from './mrkdwn.js';
import type { SlackAdapterOptions } from './options.js';
import { postReply, respondReply, slackErrorCode } from './poster.js';
import type { UserChannelRateLimit } from './rateLimit.js';
import { describeError, rateLimitText } from './responder.js';
import type { ThreadRegistry } from './threads.js';

/** The action id of the "Share to channel" button. */
export const SHARE_ACTION_ID = 'tcp_share_answer';

/**
 * The message the bot gets for `/tcp <text>`: the command as typed. The bot's own command
 * grammar (`ask`, `triage`, `help`, `explain`, `topics`, `about`) reads it, exactly as it
 * reads `/tcp ...` typed in a DM or the terminal.
 */
export function commandText(slashText: string): string {
  return `/tcp ${slackTextToPlain(slashText).trim()}`.trimEnd();
}

interface SharedAnswer {
  reply: Reply;
  conversation: string;
}

/** Fields of the slash command payload the handler reads. */
export interface SlashCommand {
  text: string;
  user_id: string;
  channel_id: string;
}

export interface CommandDeps {
  bot: ChatBot;
  client: webApi.WebClient;
  options: SlackAdapterOptions;
  threads: ThreadRegistry;
  rateLimit: UserChannelRateLimit;
  logger: Logger;
}

export class CommandHandler {
  private readonly pending: ExpiringMap<SharedAnswer>;

  constructor(private readonly deps: CommandDeps) {
    this.pending = new ExpiringMap(deps.options.shareTtlMs, 1_000);
  }

  /** Answers `/tcp ...` ephemerally (the command was already acknowledged). */
  async command(cmd: SlashCommand, respond: RespondFn): Promise<void> {
    const { bot, options, rateLimit } = this.deps;
    const decision = rateLimit.take(cmd.user_id, cmd.channel_id);
    if (!decision.allowed) {
      await respond({ response_type: 'ephemeral', text: rateLimitText(decision) });
      return;
    }
    // Each person has their own /tcp conversation per channel.
    const conversation = `slack:${cmd.channel_id}:cmd:${cmd.user_id}`;
    try {
      const reply = await bot.handle({
        text: commandText(cmd.text),
        conversation,
        user: cmd.user_id,
      });
      const id = randomUUID();
      this.pending.set(id, { reply, conversation });
      await respondReply(respond, reply, options.limits, {
        actionId: SHARE_ACTION_ID,
        text: 'Share to channel',
        value: id,
      });
    } catch (error) {
      this.deps.logger.warn(`slack: /tcp failed: ${describeError(error)}`);
      await respond({
        response_type: 'ephemeral',
        text: neutralizeMentions(
          `:warning: Sorry, I could not answer that: ${literalMrkdwn(describeError(error))}.`,
        ),
      });
    }
  }

  /** Posts a shared answer in the channel, and replaces the ephemeral copy with a note. */
  async share(answerId: string, channel: string | undefined, respond: RespondFn): Promise<void> {
    const answer = this.pending.get(answerId);
    // Taken at once, so a double click shares once.
    this.pending.delete(answerId);
    if (!answer || !channel) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That answer has expired. Run `/tcp` again to get a fresh one.',
      });
      return;
    }
    try {
      const ts = await postReply(
        this.deps.client,
        { channel },
        answer.reply,
        this.deps.options.limits,
      );
      if (ts) this.deps.threads.remember(channel, ts, answer.conversation);
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: ':white_check_mark: Shared to the channel. Reply in its thread to ask follow-ups.',
      });
    } catch (error) {
      const code = slackErrorCode(error);
      const text =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? "I can't post in this channel: invite me first (`/invite @tcp-triage`)."
          : neutralizeMentions(
              `:warning: Sorry, I could not share it: ${literalMrkdwn(describeError(error))}.`,
            );
      // The answer stays shareable after a failure (e.g. once the bot is invited).
      this.pending.set(answerId, answer);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    }
  }
}
