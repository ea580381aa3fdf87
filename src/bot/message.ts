import type { Reply } from './reply.js';

/** A text file that came with a message (a Slack snippet, a Discord attachment). */
export interface Attachment {
  name: string;
  contentType?: string;
  text: string;
}

/** A chat message as every adapter hands it to the bot. */
export interface ChatMessage {
  text: string;
  attachments?: Attachment[];
  /** Thread, channel or DM key: conversation memory is kept per key. */
  conversation: string;
  /** Who sent it (for rate limits and logs only). */
  user?: string;
  /** Milliseconds since the epoch; defaults to now (tests pass it to control time). */
  at?: number;
}

/** The bot behind every adapter. */
export interface ChatBot {
  handle(message: ChatMessage): Promise<Reply>;
}
