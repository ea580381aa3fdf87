/** The chat core: one bot behind every adapter, and the helpers every adapter needs. */
export {
  Bot,
  type BotDeps,
  type BotOptions,
  DEFAULT_BOT_OPTIONS,
  neutralizeReply,
  type QuestionSearch,
} from './bot.js';
export { type ChunkBudget, type ChunkedText, chunkText, DEFAULT_CHUNK_BUDGET } from './chunk.js';
export { type CreateBotOptions, createBot, packageVersion } from './createBot.js';
export {
  DEFAULT_INPUT_GUARD,
  decodeText,
  type InputGuardOptions,
  inspectMessage,
  refusalReply,
} from './input.js';
export {
  ConversationMemory,
  type ConversationMemoryOptions,
  DEFAULT_MEMORY_OPTIONS,
} from './memory.js';
export { neutralizeMentions } from './mentions.js';
export type { Attachment, ChatBot, ChatMessage } from './message.js';
export type { ChartBar, Reply, ReplyFinding, ReplyKind, ReplyLink, ReplyTone } from './reply.js';
