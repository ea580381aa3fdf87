import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { KbSearch } from '../../src/search/kbSearch.js';
import { articleText, writeFixtureKb } from '../kb/fixtureKb.js';

let cleanup: () => Promise<void>;
let search: KbSearch;
beforeAll(async () => {
  const fx = await writeFixtureKb({
    'states/time-wait.md': articleText(
      'time-wait',
      { title: 'title: TIME_WAIT', aliases: 'aliases: [TW]' },
      'TIME_WAIT is the wait after an active close.\n\n## Meaning\n\nThe closer waits 60 seconds.\n\n## Shortening it\n<!-- topics: tcp-fin-timeout -->\n\nThe fin timeout setting tcp_fin_timeout does not shorten it.\n',
    ),
    'runbooks/ports.md': articleText(
      'ports',
      { title: 'title: Port exhaustion', topics: 'topics: [ephemeral-port-exhaustion]' },
      'Ports run out when TIME_WAIT piles up toward one destination.\n\n## Check\n\nCount ports per destination.\n',
    ),
    'closing/linger.md': articleText(
      'linger',
      { title: 'title: SO_LINGER', topics: 'topics: [so-linger]', states: 'states: []' },
      'SO_LINGER with a zero timeout resets the connection.\n\n## Zero linger\n\nIt sends a RST.\n',
    ),
  });
  cleanup = fx.cleanup;
  search = new KbSearch(await loadKnowledgeBase(fx.dir));
});
afterAll(() => cleanup());

describe('KbSearch on a small fixture KB', () => {
  it("reports the article's topics plus the matched section's own", () => {
    const hit = search.search('does tcp_fin_timeout shorten TIME_WAIT').results[0];
    expect(hit?.id).toBe('time-wait');
    expect(hit?.section).toBe('Shortening it');
    expect(hit?.topics).toEqual(['state-time-wait', 'tcp-fin-timeout']);
  });

  it('ranks the article about the named state above one that mentions it', () => {
    expect(search.search('TIME_WAIT').results.map((h) => h.id)).toEqual([
      'time-wait',
      'ports',
      'linger',
    ]);
  });

  it('pads to at least 3 results, never repeating an article', () => {
    const r = search.search('zero linger', 1);
    expect(r.results[0]?.id).toBe('linger');
    expect(r.results).toHaveLength(3);
    expect(new Set(r.results.map((h) => h.id)).size).toBe(3);
  });
});
