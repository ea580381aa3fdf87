import { describe, expect, it } from 'vitest';
import { DedupeCache, ExpiringMap } from '../../adapters/slack/dedupe.js';
import { RateLimiter, UserChannelRateLimit } from '../../adapters/slack/rateLimit.js';
import { ThreadRegistry } from '../../adapters/slack/threads.js';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ExpiringMap / DedupeCache', () => {
  it('answers a key once until it expires', () => {
    const c = clock();
    const d = new DedupeCache(1000, 100, c.now);
    expect(d.firstTime('Ev1')).toBe(true);
    expect(d.firstTime('Ev1')).toBe(false);
    c.advance(999);
    expect(d.firstTime('Ev1')).toBe(false);
    c.advance(1001);
    expect(d.firstTime('Ev1')).toBe(true);
  });

  it('treats a message as seen if any of its keys was seen', () => {
    const d = new DedupeCache(1000, 100);
    expect(d.firstTime('event:Ev1', 'msg:C1:1.0')).toBe(true);
    expect(d.firstTime('event:Ev2', 'msg:C1:1.0')).toBe(false);
  });

  it('stays bounded, forgetting the oldest first', () => {
    const m = new ExpiringMap<number>(60_000, 50);
    for (let i = 0; i < 10_000; i++) m.set(`k${i}`, i);
    expect(m.size).toBe(50);
    expect(m.get('k9999')).toBe(9999);
    expect(m.get('k0')).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('allows `limit` per window, refuses after, notifies once, then recovers', () => {
    const c = clock();
    const r = new RateLimiter(3, 60_000, 100, c.now);
    expect([r.take('u'), r.take('u'), r.take('u')].every((d) => d.allowed)).toBe(true);
    const first = r.take('u');
    const second = r.take('u');
    expect(first).toMatchObject({ allowed: false, notify: true, retryAfterMs: 60_000 });
    expect(second).toMatchObject({ allowed: false, notify: false });
    expect(r.take('other').allowed).toBe(true);
    c.advance(60_000);
    expect(r.take('u').allowed).toBe(true);
  });

  it('limits per user and per channel', () => {
    const r = new UserChannelRateLimit(2, 3, 60_000);
    expect(r.take('u1', 'c').allowed).toBe(true);
    expect(r.take('u1', 'c').allowed).toBe(true);
    expect(r.take('u1', 'c').allowed).toBe(false);
    expect(r.take('u2', 'c').allowed).toBe(true);
    expect(r.take('u3', 'c').allowed).toBe(false);
    expect(r.take('u3', 'other').allowed).toBe(true);
  });
});

describe('ThreadRegistry', () => {
  it('remembers which conversation a thread continues, until it expires', () => {
    const c = clock();
    const t = new ThreadRegistry(10_000, 10, c.now);
    t.remember('C1', '1.0', 'slack:C1:cmd:U1');
    expect(t.conversation('C1', '1.0')).toBe('slack:C1:cmd:U1');
    expect(t.conversation('C1', '2.0')).toBeUndefined();
    c.advance(10_000);
    expect(t.conversation('C1', '1.0')).toBeUndefined();
  });
});
