/**
 * The threads the bot has answered, so a follow-up there is answered without a new mention,
 * and the conversation key each one continues (a shared /tcp answer continues the command's
 * conversation). Bounded and expiring: an old thread simply needs a mention again.
 */
import { ExpiringMap } from './dedupe.js';

/** The bot's conversation key for a Slack thread (or a DM). */
export function conversationKey(channel: string, threadTs?: string): string {
  return threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}`;
}

export class ThreadRegistry {
  private readonly threads: ExpiringMap<string>;

  constructor(ttlMs: number, maxEntries: number, now?: () => number) {
    this.threads = new ExpiringMap(ttlMs, maxEntries, now);
  }

  /** Records that the bot answered in this thread, continuing `conversation`. */
  remember(channel: string, threadTs: string, conversation: string): void {
    this.threads.set(`${channel}:${threadTs}`, conversation);
  }

  /** The conversation a thread continues, if the bot is part of it. */
  conversation(channel: string, threadTs: string): string | undefined {
    return this.threads.get(`${channel}:${threadTs}`);
  }
}
