import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockTextLength,
  packMessages,
  renderBlocks,
  type SlackBlock,
  type SlackMessage,
} from '../../adapters/slack/blocks.js';
import { DEFAULT_SLACK_OPTIONS, type SlackLimits } from '../../adapters/slack/options.js';
import { renderPlainText } from '../../adapters/slack/plainText.js';
import type { Reply, ReplyFinding } from '../../src/bot/reply.js';

const limits = DEFAULT_SLACK_OPTIONS.limits;

function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'triage',
    title: 'CLOSE_WAIT pile-up on :8080',
    tone: 'critical',
    paragraphs: ['**4,000** sockets in CLOSE_WAIT: the application is not closing them.'],
    code: [],
    chart: [
      { label: 'ESTABLISHED', value: 120 },
      { label: 'CLOSE_WAIT', value: 4000 },
    ],
    findings: [],
    sources: [
      { title: 'RFC 9293 §3.6', url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.6' },
    ],
    suggestions: ['what do I do?'],
    ...overrides,
  };
}

function finding(i: number, size = 200): ReplyFinding {
  return {
    title: `Finding ${i}`,
    tone: 'warn',
    evidence: `evidence ${i} `.repeat(Math.ceil(size / 12)),
    cause: 'the peer closed first and the application never called close()',
    next: ['ss -tanp state close-wait', 'lsof -nP -iTCP -sTCP:CLOSE_WAIT'],
    caveats: ['Do not shorten tcp_fin_timeout: it does not apply to CLOSE_WAIT.'],
  };
}

/** Every rule the adapter promises about one message. */
function expectWithinLimits(m: SlackMessage, l: SlackLimits = limits): void {
  expect(m.blocks.length).toBeGreaterThan(0);
  expect(m.blocks.length).toBeLessThanOrEqual(l.blocksPerMessage);
  expect(m.blocks.reduce((n, b) => n + blockTextLength(b), 0)).toBeLessThanOrEqual(
    l.blockCharsPerMessage,
  );
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(l.textChars);
  for (const b of m.blocks) {
    if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(l.sectionChars);
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(l.headerChars);
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
  }
}

const texts = (blocks: SlackBlock[]) => JSON.stringify(blocks);

describe('renderBlocks', () => {
  it('renders header with severity, chart in code, findings, sources and suggestions', () => {
    const [m, ...rest] = renderBlocks(reply({ findings: [finding(1)] }), {
      limits,
      inThread: true,
    });
    expect(rest).toEqual([]);
    if (!m) throw new Error('no message');
    expectWithinLimits(m);
    const header = m.blocks[0];
    expect(header?.type).toBe('header');
    expect(header?.type === 'header' && header.text.text).toContain('CRITICAL: CLOSE_WAIT pile-up');
    const all = texts(m.blocks);
    expect(all).toMatch(/```\\nESTABLISHED +120 +█+\\nCLOSE_WAIT +4,000 +█{24}\\n```/);
    expect(all).toContain('*4,000* sockets');
    expect(all).toContain('*Evidence:* evidence 1');
    expect(all).toContain(
      '```\\nss -tanp state close-wait\\nlsof -nP -iTCP -sTCP:CLOSE_WAIT\\n```',
    );
    expect(all).toContain("*Don't:*");
    const ctx = m.blocks.filter((b) => b.type === 'context');
    expect(texts(ctx)).toContain(
      '<https://www.rfc-editor.org/rfc/rfc9293#section-3.6|RFC 9293 §3.6>',
    );
    expect(texts(ctx)).toContain('“what do I do?”');
    expect(m.text).toContain('CLOSE_WAIT pile-up');
  });

  it('shows no severity label for a KB answer', () => {
    const [m] = renderBlocks(reply({ kind: 'answer', tone: 'info', chart: [] }), {
      limits,
      inThread: false,
    });
    const header = m?.blocks[0];
    expect(header?.type === 'header' && header.text.text).not.toMatch(/CRITICAL|WARNING|HEALTHY/);
  });

  it('puts the button last, in the last message', () => {
    const msgs = renderBlocks(
      reply({ findings: Array.from({ length: 30 }, (_, i) => finding(i, 900)) }),
      {
        limits,
        inThread: false,
        button: { actionId: 'share', text: 'Share to channel', value: 'abc' },
      },
    );
    expect(msgs.length).toBeGreaterThan(1);
    const last = msgs[msgs.length - 1]?.blocks ?? [];
    expect(last[last.length - 1]).toMatchObject({
      type: 'actions',
      elements: [{ action_id: 'share', value: 'abc' }],
    });
    expect(texts(msgs.slice(0, -1).flatMap((m) => m.blocks))).not.toContain('"actions"');
  });

  it('splits an over-limit reply into messages that each fit, and says what was cut', () => {
    const huge = reply({
      paragraphs: Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(700)}`),
      code: [
        { label: 'paste', text: 'tcp 0 0 10.0.0.1:8080 10.0.0.2:5555 CLOSE_WAIT\n'.repeat(3000) },
      ],
      findings: Array.from({ length: 60 }, (_, i) => finding(i, 4000)),
      sources: Array.from({ length: 25 }, (_, i) => ({
        title: `Source ${i}`,
        url: `https://example.org/${i}`,
      })),
    });
    const msgs = renderBlocks(huge, { limits, inThread: true });
    expect(msgs.length).toBe(limits.messagesPerReply);
    for (const m of msgs) expectWithinLimits(m);
    expect(texts(msgs[msgs.length - 1]?.blocks ?? [])).toContain('Reply cut:');
  });

  it('keeps code fences balanced in every section it had to split', () => {
    const long = reply({
      code: [
        { text: Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n') },
      ],
    });
    for (const m of renderBlocks(long, { limits, inThread: true })) {
      for (const b of m.blocks) {
        if (b.type !== 'section') continue;
        const fences = (b.text?.text.match(/^```/gm) ?? []).length;
        expect(fences % 2).toBe(0);
      }
    }
  });

  it('stays within arbitrary (smaller) limits for arbitrary replies', () => {
    const small: SlackLimits = {
      ...limits,
      sectionChars: 500,
      blocksPerMessage: 7,
      blockCharsPerMessage: 1500,
      messagesPerReply: 3,
      textChars: 800,
    };
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 900 }), { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 12 }),
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 14 }),
        (paragraphs, findingSizes, sourceTitles) => {
          const r = reply({
            paragraphs,
            findings: findingSizes.map((s, i) => finding(i, s)),
            sources: sourceTitles.map((title) => ({ title, url: 'https://example.org/x' })),
          });
          const msgs = renderBlocks(r, {
            limits: small,
            inThread: true,
            button: { actionId: 'a', text: 'Share', value: 'v' },
          });
          expect(msgs.length).toBeLessThanOrEqual(small.messagesPerReply);
          for (const m of msgs) expectWithinLimits(m, small);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('escapes the title in the mrkdwn fallback text and plain-text form', () => {
    const r = reply({ title: 'CLOSE_WAIT on <db> & <cache>' });
    const [m] = renderBlocks(r, { limits, inThread: true });
    expect(m?.text).toContain('CLOSE_WAIT on &lt;db&gt; &amp; &lt;cache&gt;');
    expect(renderPlainText(r, limits, true)[0]).toContain(
      'CLOSE_WAIT on &lt;db&gt; &amp; &lt;cache&gt;',
    );
  });

  it('escapes pasted mentions everywhere, including the header and fallback text', () => {
    const hostile = '<!channel> <!here> <@U123> <!everyone> <!subteam^S1>';
    const msgs = renderBlocks(
      reply({
        title: `weird ${hostile}`,
        paragraphs: [hostile],
        code: [{ text: hostile }],
        findings: [{ ...finding(1), evidence: hostile, next: [hostile], caveats: [hostile] }],
        sources: [{ title: hostile, url: 'https://x.test' }],
        suggestions: [hostile],
      }),
      { limits, inThread: true },
    );
    const json = JSON.stringify(msgs);
    expect(json).not.toMatch(/<[!@]/);
  });
});

describe('packMessages', () => {
  it('never leaves a divider at the start or end of a message', () => {
    const blocks: SlackBlock[] = [];
    for (let i = 0; i < 30; i++) {
      blocks.push(
        { type: 'divider' },
        { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(900) } },
      );
    }
    for (const m of packMessages(blocks, limits)) {
      expect(m.blocks[0]?.type).not.toBe('divider');
      expect(m.blocks[m.blocks.length - 1]?.type).not.toBe('divider');
    }
  });
});

describe('renderPlainText', () => {
  it('says everything in messages within textChars', () => {
    const msgs = renderPlainText(
      reply({ findings: Array.from({ length: 10 }, (_, i) => finding(i, 1500)) }),
      limits,
      true,
    );
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs) expect(m.length).toBeLessThanOrEqual(limits.textChars);
    const all = msgs.join('\n');
    expect(all).toContain('CRITICAL: CLOSE_WAIT pile-up');
    expect(all).toContain('Finding 9');
    expect(all).toContain('<https://www.rfc-editor.org/rfc/rfc9293#section-3.6|RFC 9293 §3.6>');
  });
});
