import { describe, expect, it } from 'vitest';
import {
  answerReply,
  explainReply,
  renderKbLinks,
  stateChart,
  verdictReply,
} from '../../../src/bot/replies/index.js';
import { readText } from '../../../src/netstat/index.js';
import { triage } from '../../../src/triage/index.js';
import { knowledgeBase } from '../helpers.js';

describe('reply builders', async () => {
  const kb = await knowledgeBase();

  it('renders kb: cross-links as their text and reports what was linked', () => {
    const { text, linked } = renderKbLinks(
      'see [the close sequence](kb:close-sequence) and [LAST_ACK](kb:last-ack#what-it-means).',
      kb,
    );
    expect(text).toBe('see the close sequence and LAST_ACK.');
    expect(linked).toEqual(['close-sequence', 'last-ack']);
  });

  it('builds a triage reply from a verdict: chart in protocol order, findings, the main article', () => {
    const verdict = triage(
      readText('   5000 TIME_WAIT\n    120 ESTABLISHED\n      3 LISTEN\n    700 CLOSE_WAIT\n'),
    );
    const article = kb.get(verdict.findings[0]?.kb[0] ?? '');
    const r = verdictReply({ verdict, article, kb });
    expect(r.kind).toBe('triage');
    expect(r.tone).toBe(verdict.severity);
    expect(r.chart.map((b) => b.label)).toEqual([
      'LISTEN',
      'ESTABLISHED',
      'CLOSE_WAIT',
      'TIME_WAIT',
    ]);
    expect(stateChart(verdict).map((b) => b.value)).toEqual([3, 120, 700, 5000]);
    expect(r.findings.map((f) => f.title)).toEqual(verdict.findings.map((f) => f.title));
    expect(r.paragraphs.join('\n')).toContain(`**${article?.title}, in short:**`);
    expect(r.paragraphs.join('\n')).not.toMatch(/\]\(kb:/);
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.suggestions).toContain('what do I do about it?');
  });

  it('answers from the top search hit, and says so when unsure', () => {
    const hit = { id: 'so-linger', title: '', section: '', topics: [], score: 0.3 };
    const sure = answerReply({ query: 'q', results: [hit], confident: true }, kb);
    expect(sure?.title).toBe(kb.get('so-linger')?.title);
    expect(sure?.paragraphs[0]).not.toMatch(/not sure/);
    const unsure = answerReply({ query: 'q', results: [hit], confident: false }, kb);
    expect(unsure?.paragraphs[0]).toMatch(/not sure/);
    expect(answerReply({ query: 'q', results: [], confident: false }, kb)).toBeUndefined();
  });

  it('quotes the matched section, with its fences balanced', () => {
    for (const a of kb.articles) {
      for (const s of a.sections) {
        const r = answerReply(
          {
            query: 'q',
            results: [{ id: a.id, title: a.title, section: s.heading, topics: [], score: 0 }],
            confident: true,
          },
          kb,
        );
        const body = r?.paragraphs.join('\n\n') ?? '';
        expect(body).toContain(`**${s.heading}**`);
        expect((body.match(/^ {0,3}```/gm) ?? []).length % 2).toBe(0);
      }
    }
  });

  it('explains a whole article within a bounded size', () => {
    for (const a of kb.articles) {
      const r = explainReply(a, kb);
      expect(r.title).toBe(a.title);
      expect(r.paragraphs.join('\n').length).toBeLessThan(8000);
      for (const s of r.suggestions) expect(kb.get(s.replace('explain ', ''))).toBeDefined();
    }
  });
});
