/** A bounded map of keys that expire: shared by the adapters' dedupe caches and rate limits. */

/** Keys remembered for `ttlMs`, at most `maxEntries` of them (oldest dropped first). */
export class ExpiringMap<V> {
  // A Map iterates in insertion order, so the first entry is always the oldest.
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value under `key`, if it has not expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Stores `value` under `key` for a fresh ttl. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    this.prune();
  }

  /** Forgets `key`; true if it was there. */
  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expires > now) break;
      this.entries.delete(key);
    }
  }
}
