/**
 * Answers one Slack message: de-duplicates Slack's retries, applies the rate limits, shows 👀
 * while working, reads shared files, asks the bot, posts the reply in the thread and remembers
 * the thread for follow-ups. Whatever fails, the person gets a message, never silence.
 */
import type { Logger, webApi } from '@slack/bolt';
import type { Attachment, ChatBot } from '../../src/bot/message.js';
import type { Reply } from '../../src/bot/reply.js';
import type { DedupeCache } from './dedupe.js';
import { SlackFileError } from './errors.js';
import { downloadFile, type SlackFile } from './files.js';
import { slackTextToPlain } from './incoming.js';
import { literalMrkdwn } from './mrkdwn.js';
import type { SlackAdapterOptions } from './options.js';
import { postReply, postText, slackErrorCode, type ThreadTarget } from './poster.js';
import type { RateDecision, UserChannelRateLimit } from './rateLimit.js';
import type { ThreadRegistry } from './threads.js';

type WebClient = webApi.WebClient;

/** A message the adapter decided to answer, already routed. */
export interface IncomingMessage {
  /** Keys that identify it for de-duplication (event id, channel + ts). */
  keys: string[];
  channel: string;
  user: string;
  /** The person's message (the 👀 reaction goes on it). */
  ts: string;
  /** Slack-formatted text, the bot's own mention already removed. */
  text: string;
  files: SlackFile[];
  /** Where the answer goes. */
  target: ThreadTarget;
  /** The bot's conversation key (memory: a second paste gives the change since the first). */
  conversation: string;
  /** Answer only when the bot made a triage of it (pastes in watched channels). */
  onlyTriage?: boolean;
}

export interface ResponderDeps {
  bot: ChatBot;
  client: WebClient;
  botToken: string;
  apiUrl: string;
  options: SlackAdapterOptions;
  dedupe: DedupeCache;
  threads: ThreadRegistry;
  rateLimit: UserChannelRateLimit;
  logger: Logger;
}

const WORKING_REACTION = 'eyes';

/** Token-shaped strings are cut from anything shown or logged, whatever produced them. */
export function redactTokens(text: string): string {
  return text.replace(/\bx(ox[abpe]|app)-[A-Za-z0-9-]+/g, '[redacted]');
}

/** A short, safe sentence about an error, for the person who asked. */
export function describeError(error: unknown): string {
  if (error instanceof SlackFileError) return error.message;
  const code = slackErrorCode(error);
  if (code) return `Slack said \`${code}\``;
  const message = error instanceof Error ? error.message : String(error);
  return redactTokens(message).slice(0, 200);
}

/** The polite note for someone who hit a rate limit. */
export function rateLimitText(decision: Extract<RateDecision, { allowed: false }>): string {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return `:hourglass_flowing_sand: I'm getting more requests than I can answer well right now. Please try again in about ${seconds} s.`;
}

export class Responder {
  constructor(private readonly deps: ResponderDeps) {}

  /** Handles one routed message end to end. Never throws. */
  async answer(msg: IncomingMessage): Promise<void> {
    const { dedupe, rateLimit, logger } = this.deps;
    if (!dedupe.firstTime(...msg.keys)) {
      logger.debug(`slack: skipped a repeat of ${msg.keys.join(', ')}`);
      return;
    }
    if (!msg.onlyTriage) {
      const decision = rateLimit.take(msg.user, msg.channel);
      if (!decision.allowed) {
        if (decision.notify) await this.tell(msg.target, rateLimitText(decision));
        return;
      }
    }
    const reacted = msg.onlyTriage ? false : await this.react('add', msg);
    try {
      await this.work(msg);
    } catch (error) {
      logger.warn(`slack: answering in ${msg.channel} failed: ${describeError(error)}`);
      await this.tell(
        msg.target,
        `:warning: Sorry, I could not answer that: ${literalMrkdwn(describeError(error))}. Please try again.`,
      );
    } finally {
      if (reacted) await this.react('remove', msg);
    }
  }

  private async work(msg: IncomingMessage): Promise<void> {
    const { bot, options, client, threads, rateLimit } = this.deps;
    const text = slackTextToPlain(msg.text).trim();
    const { attachments, problems } = await this.readFiles(msg.files);
    if (text === '' && attachments.length === 0 && problems.length > 0) {
      await this.tell(
        msg.target,
        `:warning: I could not read that file: ${literalMrkdwn(problems.join('; '))}.`,
      );
      return;
    }
    let reply: Reply = await bot.handle({
      text,
      attachments: attachments.length > 0 ? attachments : undefined,
      conversation: msg.conversation,
      user: msg.user,
    });
    if (msg.onlyTriage) {
      if (reply.kind !== 'triage') return;
      // Unprompted answers count against the limits only once they are worth posting.
      const decision = rateLimit.take(msg.user, msg.channel);
      if (!decision.allowed) return;
    }
    if (problems.length > 0) {
      reply = { ...reply, paragraphs: [`_Skipped: ${problems.join('; ')}._`, ...reply.paragraphs] };
    }
    const ts = await postReply(client, msg.target, reply, options.limits);
    const threadTs = msg.target.threadTs ?? ts;
    if (threadTs) threads.remember(msg.channel, threadTs, msg.conversation);
  }

  private async readFiles(
    files: SlackFile[],
  ): Promise<{ attachments: Attachment[]; problems: string[] }> {
    const { botToken, apiUrl, options, client } = this.deps;
    const attachments: Attachment[] = [];
    const problems: string[] = [];
    for (const listed of files) {
      try {
        // Events may carry a stub ("check_file_info") instead of the file's details.
        let file = listed;
        if (listed.file_access === 'check_file_info' && listed.id) {
          const info = await client.files.info({ file: listed.id });
          file = (info.file as SlackFile | undefined) ?? listed;
        }
        attachments.push(
          await downloadFile(file, {
            botToken,
            apiUrl,
            maxBytes: options.maxFileBytes,
            timeoutMs: options.fileTimeoutMs,
          }),
        );
      } catch (error) {
        problems.push(describeError(error));
      }
    }
    return { attachments, problems };
  }

  /** Posts a short notice; a failure here is only logged (there is nowhere left to say it). */
  private async tell(target: ThreadTarget, text: string): Promise<void> {
    try {
      await postText(this.deps.client, target, text);
    } catch (error) {
      this.deps.logger.warn(
        `slack: could not post a notice in ${target.channel}: ${describeError(error)}`,
      );
    }
  }

  private async react(action: 'add' | 'remove', msg: IncomingMessage): Promise<boolean> {
    const args = { channel: msg.channel, timestamp: msg.ts, name: WORKING_REACTION };
    try {
      if (action === 'add') await this.deps.client.reactions.add(args);
      else await this.deps.client.reactions.remove(args);
      return true;
    } catch (error) {
      // A missing reactions:write scope must not stop the answer.
      this.deps.logger.debug(`slack: reactions.${action} failed: ${describeError(error)}`);
      return false;
    }
  }
}
