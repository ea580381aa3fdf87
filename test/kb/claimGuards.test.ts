import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/kb/article.js';
import { CLAIM_GUARDS, checkClaims } from '../../src/kb/claimGuards.js';
import { defaultKbDir } from '../../src/kb/defaultDir.js';
import { runKbCheck } from '../../src/kb/runKbCheck.js';
import { KB_TOPICS } from '../../src/kb/topics.js';
import { validateKnowledgeBase } from '../../src/kb/validate.js';
import { articleText, writeFixtureKb } from './fixtureKb.js';

/** An article whose only section is `markdown`. */
function article(markdown: string): Article {
  return {
    id: 'x',
    title: 'x',
    aliases: [],
    symptoms: [],
    topics: [],
    states: [],
    sources: [],
    summary: 'Summary.',
    sections: [{ id: 'd', heading: 'D', markdown, text: markdown, topics: [] }],
    related: [],
    file: 'x.md',
  };
}

function firing(markdown: string): string[] {
  return checkClaims([article(markdown)]).map((p) => p.message.split(':')[0] ?? '');
}

// Each wrong claim the audit fixed, and its corrected wording: the guard fires on the first only.
const CASES: [id: string, wrong: string, right: string][] = [
  [
    'linux-lsof-spelling',
    '```\nlsof -nP -p PID -a -iTCP -sTCP:FIN_WAIT_2\n```',
    '```\nlsof -nP -p PID -a -iTCP -sTCP:FIN_WAIT2\n```',
  ],
  [
    'ss-s-closed-is-leak',
    'A descriptor leak shows up as a growing "closed" figure in `ss -s` and as a leak.',
    '`ss -s` "closed" includes every TIME_WAIT socket, so it is not a leak signal.',
  ],
  [
    'openbsd-range',
    'OpenBSD uses the IANA range 49152-65535.',
    'OpenBSD uses 1024-49151; 49152-65535 is its "high" range.',
  ],
  [
    'raise-max-syn-backlog',
    '3. Raise `net.ipv4.tcp_max_syn_backlog` if SYNs are being dropped.',
    '- Raising `tcp_max_syn_backlog` changes nothing while cookies are on.',
  ],
  [
    'somaxconn-caps-accept-only',
    '- `net.core.somaxconn`: caps the **accept** queue, not the SYN queue.',
    '- `net.core.somaxconn`: caps every backlog, so both queues.',
  ],
  [
    'connect-timeout-131',
    'connect() gives up after about 127 s.',
    'connect() gives up after about 127 s (131 s on Linux 6.5+).',
  ],
  [
    'orphan-retries-default',
    'They give up after `tcp_orphan_retries` (8 by default).',
    'They give up after `tcp_orphan_retries` (0 by default, which means 8).',
  ],
  [
    'currestab-backports',
    'On kernels with commit a46d0ea5c942 (2024; backported to 5.15-stable) estab includes CLOSE_WAIT.',
    'Commit a46d0ea5c942 is in mainline 6.10 and stable 4.19-6.9.',
  ],
  [
    'linux-port-range',
    'The default range is 32768-61000.',
    'The default was 32768-61000 before Linux 4.2.',
  ],
];

describe('claim guards', () => {
  it('has a case here for every guard', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual(CLAIM_GUARDS.map((g) => g.id).sort());
  });

  for (const [id, wrong, right] of CASES) {
    it(`${id}: flags the old claim, accepts the corrected one`, () => {
      expect(firing(wrong)).toContain(`claim guard ${id}`);
      expect(firing(right)).not.toContain(`claim guard ${id}`);
    });
  }

  it('leaves the shipped knowledge base clean', async () => {
    const { articles } = await validateKnowledgeBase(defaultKbDir());
    expect(articles.length).toBeGreaterThan(30);
    expect(checkClaims(articles).map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });

  it('stays linear on a long line that almost matches', () => {
    const line = `${'raise '.repeat(20000)}tcp_max_syn`;
    const t0 = performance.now();
    checkClaims([article(line)]);
    const slow = performance.now() - t0;
    const base = `${'x '.repeat(60000)}`;
    const t1 = performance.now();
    checkClaims([article(base)]);
    const fast = performance.now() - t1;
    // Same length order; a backtracking pattern would be orders of magnitude slower.
    expect(slow).toBeLessThan(Math.max(50, fast * 200));
  });
});

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('kb:check runs the claim guards', () => {
  it('fails on a KB that brings back a corrected claim', async () => {
    const files: Record<string, string> = {};
    for (const topic of KB_TOPICS)
      files[`${topic}.md`] = articleText(topic, { topics: `topics: [${topic}]` });
    files['state-syn-sent.md'] = articleText(
      'state-syn-sent',
      { topics: 'topics: [state-syn-sent]' },
      'The answer.\n\n## Details\n\nconnect() fails after about 127 s.\n',
    );
    const fx = await writeFixtureKb(files);
    cleanup = fx.cleanup;
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: Buffer[] = [];
    err.on('data', (c: Buffer) => chunks.push(c));
    expect(await runKbCheck(fx.dir, out, err)).toBe(1);
    expect(Buffer.concat(chunks).toString('utf8')).toContain(
      'state-syn-sent.md: body: claim guard connect-timeout-131',
    );
  });
});
