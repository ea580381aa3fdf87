import { describe, expect, it } from 'vitest';
import {
  ConversationMemory,
  type ConversationState,
  DEFAULT_MEMORY_OPTIONS,
} from '../../src/bot/memory.js';

const state = (at: number) => ({ at, snapshot: {}, verdict: {} }) as unknown as ConversationState;

describe('ConversationMemory', () => {
  it('has frozen defaults', () => {
    expect(Object.isFrozen(DEFAULT_MEMORY_OPTIONS)).toBe(true);
    expect(DEFAULT_MEMORY_OPTIONS.ttlMinutes).toBeGreaterThan(0);
  });

  it('expires entries after the TTL, by the injected clock', () => {
    let now = 0;
    const m = new ConversationMemory({ ttlMinutes: 10, now: () => now });
    m.set('a', state(0));
    now = 10 * 60_000;
    expect(m.get('a')).toBeDefined();
    now += 1;
    expect(m.get('a')).toBeUndefined();
    expect(m.size).toBe(0);
  });

  it('drops the least recently used conversation beyond the cap', () => {
    const m = new ConversationMemory({ maxConversations: 2, now: () => 0 });
    m.set('a', state(0));
    m.set('b', state(0));
    m.get('a'); // a is now the most recent
    m.set('c', state(0));
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBeDefined();
    expect(m.get('c')).toBeDefined();
    expect(m.size).toBe(2);
  });

  it('stays bounded under many conversations', () => {
    const m = new ConversationMemory({ maxConversations: 50 });
    for (let i = 0; i < 10_000; i++) m.set(`k${i}`, state(Date.now()));
    expect(m.size).toBe(50);
    expect(m.get('k9999')).toBeDefined();
    expect(m.get('k0')).toBeUndefined();
  });

  it('rejects nonsense limits', () => {
    expect(() => new ConversationMemory({ maxConversations: 0 })).toThrow(RangeError);
    expect(() => new ConversationMemory({ ttlMinutes: -1 })).toThrow(RangeError);
  });
});
