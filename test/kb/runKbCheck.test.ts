import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runKbCheck } from '../../src/kb/runKbCheck.js';
import { KB_TOPICS } from '../../src/kb/topics.js';
import { articleText, writeFixtureKb } from './fixtureKb.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('runKbCheck', () => {
  it('fails and lists uncovered DESIGN topics and article problems', async () => {
    const fx = await writeFixtureKb({
      'a.md': articleText('a', { related: 'related: [missing]' }),
    });
    cleanup = fx.cleanup;
    const out = capture();
    const err = capture();
    expect(await runKbCheck(fx.dir, out.stream, err.stream)).toBe(1);
    expect(err.text()).toContain('a.md: related[0]: no article "missing"');
    expect(err.text()).toContain('no article covers DESIGN topic "so-linger"');
    expect(err.text()).not.toContain('DESIGN topic "state-time-wait"');
    expect(out.text()).toBe('');
  });

  it('reports front matter that cannot be built (an alias bomb) as a problem of that file', async () => {
    // Nine levels of nine aliases each: 9^9 nodes if expanded.
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      levels.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    const fx = await writeFixtureKb({
      'ok.md': articleText('ok'),
      'bomb.md': articleText('bomb', { related: levels.join('\n') }),
    });
    cleanup = fx.cleanup;
    const out = capture();
    const err = capture();
    expect(await runKbCheck(fx.dir, out.stream, err.stream)).toBe(1);
    expect(err.text()).toMatch(/bomb\.md: front matter: YAML: .*alias/i);
    expect(err.text()).not.toContain('ok.md');
    expect(err.text()).toMatch(/kb:check: \d+ problems? in/);
  });

  it('passes with a one-line summary when every topic is covered', async () => {
    const files: Record<string, string> = {};
    for (const topic of KB_TOPICS) {
      files[`${topic}.md`] = articleText(topic, { topics: `topics: [${topic}]` });
    }
    const fx = await writeFixtureKb(files);
    cleanup = fx.cleanup;
    const out = capture();
    const err = capture();
    expect(await runKbCheck(fx.dir, out.stream, err.stream)).toBe(0);
    expect(out.text()).toMatch(
      new RegExp(
        `^kb:check: ok: ${KB_TOPICS.length} articles, ${KB_TOPICS.length} sections, ${KB_TOPICS.length} topics covered`,
      ),
    );
    expect(out.text().trim().split('\n')).toHaveLength(1);
    expect(err.text()).toBe('');
  });
});
