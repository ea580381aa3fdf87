/**
 * A bounded set of keys that expire: used to answer Slack's retries of an event exactly once
 * (Bolt does not de-duplicate) and to remember which threads the bot is part of.
 */

import { ExpiringMap } from '../../src/bot/expiringMap.js';

export { ExpiringMap };

/** Remembers what was already handled; `firstTime(key)` is true once per key per ttl. */
export class DedupeCache {
  private readonly seen: ExpiringMap<true>;

  constructor(ttlMs: number, maxEntries: number, now?: () => number) {
    this.seen = new ExpiringMap(ttlMs, maxEntries, now);
  }

  /** True if none of `keys` was seen before; records all of them either way. */
  firstTime(...keys: string[]): boolean {
    const fresh = keys.every((k) => !this.seen.has(k));
    for (const k of keys) this.seen.set(k, true);
    return fresh;
  }

  get size(): number {
    return this.seen.size;
  }
}
