import { describe, expect, it } from 'vitest';
import { Bm25fIndex } from '../../src/search/bm25f.js';

const fields = [
  { name: 'title', weight: 3, b: 0 },
  { name: 'body', weight: 1, b: 0.75 },
];
const docs = [
  [['time_wait'], ['wait', 'close', 'port']],
  [['port'], ['time_wait', 'port', 'range', 'ephemeral', 'linux', 'window']],
  [['linger'], ['reset', 'close']],
];

describe('Bm25fIndex', () => {
  const index = Bm25fIndex.build(docs, { fields });

  it('scores a title match above a body match of the same term', () => {
    const s = index.score([{ term: 'time_wait', weight: 1 }]);
    expect(s[0]).toBeGreaterThan(s[1] ?? 0);
    expect(s[2]).toBe(0);
  });

  it('weights rare terms above common ones and scales by query weight', () => {
    expect(index.idf('linger')).toBeGreaterThan(index.idf('close'));
    expect(index.idf('nothing')).toBe(0);
    const full = index.score([{ term: 'linger', weight: 1 }])[2] ?? 0;
    const half = index.score([{ term: 'linger', weight: 0.5 }])[2] ?? 0;
    expect(half).toBeCloseTo(full / 2);
  });

  it('round-trips through JSON with identical scores', () => {
    const copy = Bm25fIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    const q = [
      { term: 'port', weight: 1 },
      { term: 'close', weight: 0.7 },
    ];
    expect([...copy.score(q)]).toEqual([...index.score(q)]);
  });
});
