import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKbSearch } from '../../src/search/open.js';
import { articleText, writeFixtureKb } from '../kb/fixtureKb.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  const fx = await writeFixtureKb({
    'a.md': articleText('a', { title: 'title: TIME_WAIT' }),
    'b.md': articleText('b', { title: 'title: SO_LINGER', topics: 'topics: [so-linger]' }),
  });
  const cache = await mkdtemp(join(tmpdir(), 'kb-cache-'));
  cleanups.push(fx.cleanup, () => rm(cache, { recursive: true, force: true }));
  return { dir: fx.dir, env: { TCP_TRIAGE_CACHE_DIR: cache }, cache };
}

describe('openKbSearch', () => {
  it('writes the cache once and answers the same from it', async () => {
    const { dir, env, cache } = await setup();
    const first = await openKbSearch({ dir, cache: true, env });
    const files = await readdir(cache);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = await openKbSearch({ dir, cache: true, env });
    expect(second.search.search('linger')).toEqual(first.search.search('linger'));
    expect(second.kb.articles).toEqual(first.kb.articles);
  });

  it('notices an edited article and reparses it', async () => {
    const { dir, env } = await setup();
    await openKbSearch({ dir, cache: true, env });
    await writeFile(
      join(dir, 'b.md'),
      articleText('b', { title: 'title: SO_REUSEADDR', topics: 'topics: [so-reuseaddr]' }),
    );
    const { kb } = await openKbSearch({ dir, cache: true, env });
    expect(kb.get('b')?.title).toBe('SO_REUSEADDR');
  });

  it('ignores a corrupt cache file and works without a cache at all', async () => {
    const { dir, env, cache } = await setup();
    await openKbSearch({ dir, cache: true, env });
    for (const f of await readdir(cache)) await writeFile(join(cache, f), '{not json');
    const { kb } = await openKbSearch({ dir, cache: true, env });
    expect(kb.articles).toHaveLength(2);
    const off = await openKbSearch({ dir, cache: true, env: { TCP_TRIAGE_CACHE_DIR: 'off' } });
    expect(off.search.search('TIME_WAIT').results[0]?.id).toBe('a');
  });
});
