/**
 * Fixed-window request counting per key (a user, a channel), in bounded memory, shared by the
 * Slack and Discord adapters. A person who
 * hits the limit is told once per window, so the warning itself cannot flood a channel.
 */
import { ExpiringMap } from './expiringMap.js';

export type RateDecision =
  | { allowed: true }
  /** `notify` is true for the first refusal in a window only. */
  | { allowed: false; retryAfterMs: number; notify: boolean };

interface Window {
  start: number;
  count: number;
  notified: boolean;
}

/** Allows `limit` requests per key per `windowMs`. */
export class RateLimiter {
  private readonly windows: ExpiringMap<Window>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = new ExpiringMap(windowMs, maxKeys, now);
  }

  /** Counts one request for `key` and says whether it may go ahead. */
  take(key: string): RateDecision {
    const now = this.now();
    let w = this.windows.get(key);
    if (w === undefined || now - w.start >= this.windowMs) {
      w = { start: now, count: 0, notified: false };
      this.windows.set(key, w);
    }
    if (w.count < this.limit) {
      w.count += 1;
      return { allowed: true };
    }
    const notify = !w.notified;
    w.notified = true;
    return { allowed: false, retryAfterMs: w.start + this.windowMs - now, notify };
  }
}

/** A per-user and a per-channel limit; the user's count is checked first. */
export class UserChannelRateLimit {
  private readonly users: RateLimiter;
  private readonly channels: RateLimiter;

  constructor(userLimit: number, channelLimit: number, windowMs: number, now?: () => number) {
    this.users = new RateLimiter(userLimit, windowMs, 10_000, now);
    this.channels = new RateLimiter(channelLimit, windowMs, 10_000, now);
  }

  /** Counts one request by `user` in `channel`; refused as soon as either limit is reached. */
  take(user: string, channel: string): RateDecision {
    const byUser = this.users.take(user);
    return byUser.allowed ? this.channels.take(channel) : byUser;
  }
}
