/**
 * What the bot remembers per conversation (thread, channel or DM): the last paste's snapshot
 * and verdict and when it came. Bounded (least recently used conversations are dropped) and
 * expiring, so a busy bot holds a fixed amount and an old paste is never compared with a new one.
 */
import type { Snapshot } from '../netstat/snapshot.js';
import type { Verdict } from '../triage/verdict.js';

/** The last paste in one conversation. */
export interface ConversationState {
  snapshot: Snapshot;
  verdict: Verdict;
  /** When it was pasted, in milliseconds since the epoch. */
  at: number;
}

/** Limits of the conversation memory. */
export interface ConversationMemoryOptions {
  /** Conversations kept; the least recently used is dropped beyond this. */
  maxConversations: number;
  /** Minutes after which a conversation's last paste is forgotten. */
  ttlMinutes: number;
  /** The clock (milliseconds since the epoch); tests inject their own. */
  now: () => number;
}

/** Defaults: 500 conversations, forgotten after 60 minutes, the system clock. */
export const DEFAULT_MEMORY_OPTIONS: Readonly<ConversationMemoryOptions> = Object.freeze({
  maxConversations: 500,
  ttlMinutes: 60,
  now: () => Date.now(),
});

/** An LRU map of conversation key -> last paste, with expiry. */
export class ConversationMemory {
  readonly options: ConversationMemoryOptions;
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  readonly #entries = new Map<string, ConversationState>();

  constructor(options: Partial<ConversationMemoryOptions> = {}) {
    this.options = { ...DEFAULT_MEMORY_OPTIONS, ...options };
    if (!(this.options.maxConversations >= 1))
      throw new RangeError('maxConversations must be at least 1');
    if (!(this.options.ttlMinutes > 0)) throw new RangeError('ttlMinutes must be positive');
  }

  /** Conversations currently held (expired ones may still count until touched). */
  get size(): number {
    return this.#entries.size;
  }

  /** The conversation's last paste, unless it expired; `at` defaults to the clock. */
  get(key: string, at: number = this.options.now()): ConversationState | undefined {
    const state = this.#entries.get(key);
    if (!state) return undefined;
    this.#entries.delete(key);
    if (at - state.at > this.options.ttlMinutes * 60_000) return undefined;
    this.#entries.set(key, state);
    return state;
  }

  /** Remembers a conversation's last paste, dropping the least recently used beyond the cap. */
  set(key: string, state: ConversationState): void {
    this.#entries.delete(key);
    this.#entries.set(key, state);
    while (this.#entries.size > this.options.maxConversations) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets one conversation. */
  delete(key: string): void {
    this.#entries.delete(key);
  }
}
