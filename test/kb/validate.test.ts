import { afterEach, describe, expect, it } from 'vitest';
import { KbError, loadKnowledgeBase, validateKnowledgeBase } from '../../src/kb/index.js';
import type { KbProblem } from '../../src/kb/problem.js';
import { articleText, writeFixtureKb } from './fixtureKb.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function problemsOf(files: Record<string, string>): Promise<KbProblem[]> {
  const fx = await writeFixtureKb(files);
  cleanup = fx.cleanup;
  return (await validateKnowledgeBase(fx.dir)).problems;
}

const find = (ps: KbProblem[], file: string, field: string) =>
  ps.filter((p) => p.file === file && p.field === field);

describe('validateKnowledgeBase', () => {
  it('accepts a valid folder with nested files and no problems', async () => {
    const ps = await problemsOf({
      'states/a.md': articleText('a', { related: 'related: [b]' }),
      'runbooks/b.md': articleText('b', {}, 'See [a](kb:a) first.\n\n## Steps\n\nDo it.\n'),
      'README.md': 'not an article',
    });
    expect(ps).toEqual([]);
  });

  it('reports every deliberate error with its file and field, not just the first', async () => {
    const ps = await problemsOf({
      'a.md': articleText('a', { topics: 'topics: [state-time-wait, no-such-topic]' }),
      'b.md': articleText('dup'),
      'c.md': articleText('dup'),
      'd.md': articleText('d', { sources: 'sources: []' }),
      'e.md': articleText('e', {}, 'Answer with a [bad link](kb:ghost).\n\n## S\n\nx\n'),
      'f.md': articleText('f', { related: 'related: [a, nowhere]' }),
      'g.md': articleText('g', { states: 'states: [TIME-WAIT]' }),
    });
    expect(find(ps, 'a.md', 'topics[1]')[0]?.message).toMatch(/unknown topic "no-such-topic"/);
    expect(find(ps, 'c.md', 'id')[0]?.message).toMatch(/duplicate id "dup" \(also in b\.md\)/);
    expect(find(ps, 'd.md', 'sources')[0]?.message).toMatch(/at least one source/);
    expect(find(ps, 'e.md', 'body')[0]?.message).toMatch(/broken link .*no article "ghost"/);
    expect(find(ps, 'f.md', 'related[1]')[0]?.message).toMatch(/no article "nowhere"/);
    expect(find(ps, 'g.md', 'states[0]')[0]?.message).toMatch(/unknown state "TIME-WAIT"/);
    expect(ps, JSON.stringify(ps, null, 1)).toHaveLength(6);
  });

  it('names missing fields, non-http source URLs and unknown fields', async () => {
    const ps = await problemsOf({
      'x.md':
        '---\nid: x\ntitle: X\naliase: []\ntopics: [tcp-keepalive]\nstates: []\nsources:\n  - title: man\n    url: ftp://example.org/x\n---\nAnswer.\n\n## S\n\nBody.\n',
    });
    expect(find(ps, 'x.md', 'aliases')[0]?.message).toBe('required');
    expect(find(ps, 'x.md', 'aliase')[0]?.message).toBe('unknown field');
    expect(find(ps, 'x.md', 'sources[0].url')[0]?.message).toMatch(/http/);
  });

  it('reports body shape problems: no front matter, bad YAML, no answer, no sections', async () => {
    const ps = await problemsOf({
      'nofm.md': 'Just text.\n\n## S\n\nx\n',
      'yaml.md': '---\nid: [unclosed\n---\nAnswer.\n\n## S\n\nx\n',
      'shape.md': articleText('shape', {}, '## Only a section\n\nx\n'),
      'flat.md': articleText('flat', {}, 'Answer only.\n'),
    });
    expect(find(ps, 'nofm.md', 'front matter')[0]?.message).toMatch(/missing/);
    expect(find(ps, 'yaml.md', 'front matter')[0]?.message).toMatch(/^YAML:/);
    expect(find(ps, 'shape.md', 'body')[0]?.message).toMatch(/first paragraph/);
    expect(find(ps, 'flat.md', 'body')[0]?.message).toMatch(/no ## sections/);
  });

  it('checks section topics comments and section anchors of links', async () => {
    const ps = await problemsOf({
      'a.md': articleText('a', {}, 'A.\n\n## One\n<!-- topics: tcp-fin-timeout, bogus -->\n\nx\n'),
      'b.md': articleText('b', {}, 'See [one](kb:a#one) and [two](kb:a#two).\n\n## S\n\nx\n'),
    });
    expect(ps.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([
      'a.md: sections[0] "One" topics: unknown topic "bogus" (not in the DESIGN list)',
      'b.md: body: broken link [two](kb:a#two): no such section',
    ]);
  });
});

describe('loadKnowledgeBase', () => {
  it('throws a KbError carrying all problems when anything is invalid', async () => {
    const fx = await writeFixtureKb({ 'a.md': articleText('a'), 'b.md': articleText('a') });
    cleanup = fx.cleanup;
    const err = await loadKnowledgeBase(fx.dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KbError);
    expect((err as KbError).code).toBe('KB_INVALID');
    expect((err as KbError).message).toContain('b.md: id: duplicate id');
  });

  it('throws KB_NOT_FOUND for a missing folder', async () => {
    const err = await loadKnowledgeBase('/nonexistent/kb-folder').catch((e: unknown) => e);
    expect((err as KbError).code).toBe('KB_NOT_FOUND');
  });

  it('returns articles, lookup by id and the covered topics', async () => {
    const fx = await writeFixtureKb({
      'a.md': articleText('a', {}, 'A.\n\n## One\n<!-- topics: tcp-fin-timeout -->\n\nx\n'),
      'b.md': articleText('b', { topics: 'topics: [so-linger]' }),
    });
    cleanup = fx.cleanup;
    const kb = await loadKnowledgeBase(fx.dir);
    expect(kb.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(kb.get('b')?.file).toBe('b.md');
    expect(kb.get('zzz')).toBeUndefined();
    expect(kb.topics()).toEqual(['so-linger', 'state-time-wait', 'tcp-fin-timeout']);
    expect(kb.get('a')?.sections[0]?.topics).toEqual(['tcp-fin-timeout']);
  });
});
