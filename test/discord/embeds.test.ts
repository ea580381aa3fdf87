import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPlainMessages, renderReplyMessages } from '../../adapters/discord/embeds.js';
import {
  codeBlock,
  renderChart,
  rewriteKbLinks,
  TONE_COLOURS,
} from '../../adapters/discord/replyMarkdown.js';
import type { Reply, ReplyFinding, ReplyTone } from '../../src/bot/reply.js';
import { fencesClosed, limitViolations, messageText } from './limits.js';

function reply(fields: Partial<Reply> = {}): Reply {
  return {
    kind: 'triage',
    title: 'CLOSE_WAIT is piling up',
    tone: 'warn',
    paragraphs: ['The application is not closing sockets the peer already closed.'],
    code: [],
    chart: [],
    findings: [],
    sources: [],
    suggestions: [],
    ...fields,
  };
}

function finding(i: number, size = 200, tone: ReplyTone = 'warn'): ReplyFinding {
  return {
    title: `Finding ${i}`,
    tone,
    evidence: `evidence ${i} `.repeat(Math.ceil(size / 12)),
    cause: `cause ${i}`,
    next: [`ss -tanp state close-wait '( sport = :${8000 + i} )'`, 'lsof -p 1234 | wc -l'],
    caveats: [`Raising limits does not fix a leak (${i}).`],
  };
}

describe('renderReplyMessages', () => {
  it('renders title, severity colour, description, chart, one field per finding and sources', () => {
    const payloads = renderReplyMessages(
      reply({
        tone: 'critical',
        chart: [
          { label: 'CLOSE_WAIT', value: 4000 },
          { label: 'ESTABLISHED', value: 120 },
        ],
        findings: [finding(1), finding(2, 100, 'critical')],
        sources: [
          { title: 'RFC 9293', url: 'https://www.rfc-editor.org/rfc/rfc9293' },
          { title: 'tcp(7)' },
        ],
        suggestions: ['what do I do about it?'],
      }),
      6,
    );
    expect(payloads).toHaveLength(1);
    const [message] = payloads;
    expect(message?.allowedMentions).toEqual({ parse: [], repliedUser: false });
    const [embed] = message?.embeds ?? [];
    expect(embed?.title).toBe('CLOSE_WAIT is piling up');
    expect(embed?.color).toBe(TONE_COLOURS.critical);
    expect(embed?.description).toContain('not closing sockets');
    expect(embed?.description).toMatch(/```\nCLOSE_WAIT\s+4,000 █+\nESTABLISHED\s+120 \S+\n```/);
    const names = embed?.fields?.map((f) => f.name);
    expect(names).toEqual(['🟠 Finding 1', '🔴 Finding 2', 'Sources']);
    expect(embed?.fields?.[0]?.value).toContain(
      "```sh\nss -tanp state close-wait '( sport = :8001 )'",
    );
    expect(embed?.fields?.[2]?.value).toBe(
      '• [RFC 9293](https://www.rfc-editor.org/rfc/rfc9293)\n• tcp(7)',
    );
    expect(embed?.footer?.text).toBe('Try next: “what do I do about it?”');
    expect(limitViolations(message ?? { embeds: [] })).toEqual([]);
  });

  it('colours each tone differently', () => {
    const colours = (['ok', 'warn', 'critical', 'info', 'error'] as const).map(
      (tone) => renderReplyMessages(reply({ tone }), 1)[0]?.embeds[0]?.color,
    );
    expect(new Set(colours).size).toBe(5);
  });

  it('splits a long description into several embeds and messages, never inside a fence', () => {
    const code = Array.from(
      { length: 400 },
      (_, i) => `tcp 0 0 10.0.0.1:${i} 10.0.0.2:443 CLOSE_WAIT`,
    );
    const payloads = renderReplyMessages(
      reply({
        paragraphs: Array.from({ length: 30 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(80)}`),
        code: [{ label: 'Your paste', text: code.join('\n') }],
      }),
      10,
    );
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(limitViolations(payload)).toEqual([]);
    const all = payloads.map(messageText).join('\n');
    // Every line of the paste made it, in order.
    for (const line of [code[0], code[199], code[399]]) expect(all).toContain(line);
    expect(payloads.at(-1)?.content).toBeUndefined();
  });

  it('spreads 40 findings over embeds of at most 25 fields', () => {
    const payloads = renderReplyMessages(
      reply({ findings: Array.from({ length: 40 }, (_, i) => finding(i, 60)) }),
      10,
    );
    const fields = payloads.flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
    expect(fields.map((f) => f.name)).toEqual(
      Array.from({ length: 40 }, (_, i) => `🟠 Finding ${i}`),
    );
    for (const payload of payloads) expect(limitViolations(payload)).toEqual([]);
  });

  it('continues a finding longer than a field in a second field', () => {
    const [message] = renderReplyMessages(reply({ findings: [finding(1, 1800)] }), 3);
    const fields = message?.embeds.flatMap((e) => e.fields ?? []) ?? [];
    expect(fields.map((f) => f.name)).toEqual(['🟠 Finding 1', '🟠 Finding 1 (cont.)']);
    expect(limitViolations(message ?? { embeds: [] })).toEqual([]);
  });

  it('says visibly when a reply needs more messages than allowed', () => {
    const payloads = renderReplyMessages(
      reply({ paragraphs: Array.from({ length: 60 }, () => 'text '.repeat(200)) }),
      2,
    );
    expect(payloads).toHaveLength(2);
    expect(payloads[1]?.content).toMatch(/this reply was cut: \d+ more messages? did not fit/);
    for (const payload of payloads) expect(limitViolations(payload)).toEqual([]);
  });

  it('neutralises mentions everywhere and keeps triple backticks inside code from ending it', () => {
    const [message] = renderReplyMessages(
      reply({
        title: 'ping @everyone',
        paragraphs: ['hi @here and <@123> and <@&456>'],
        code: [{ text: 'a ``` b @everyone' }],
        findings: [{ ...finding(1), evidence: 'from <@!789>' }],
        suggestions: ['tell @everyone'],
      }),
      1,
    );
    const text = messageText(message ?? { embeds: [] });
    expect(text).not.toMatch(/@(everyone|here)|<@[!&]?\d/);
    expect(text).toContain('@\u200beveryone');
    expect(message?.embeds[0]?.description).toContain('a `\u200b`\u200b` b');
    expect(fencesClosed(message?.embeds[0]?.description ?? '')).toBe(true);
  });

  it('keeps every message within the limits for any reply', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\n', '`', '```', '@here', 'é', '😀', 'x'.repeat(50)),
      maxLength: 300,
    });
    const anyFinding = fc.record({
      title: text,
      tone: fc.constantFrom<ReplyTone>('ok', 'warn', 'critical'),
      evidence: text,
      cause: text,
      next: fc.array(text, { maxLength: 4 }),
      caveats: fc.array(text, { maxLength: 3 }),
    });
    const anyReply = fc.record({
      kind: fc.constantFrom<Reply['kind']>('triage', 'answer'),
      title: text,
      tone: fc.constantFrom<ReplyTone>('ok', 'warn', 'critical', 'info', 'error'),
      paragraphs: fc.array(text, { maxLength: 40 }),
      code: fc.array(fc.record({ text }), { maxLength: 3 }),
      chart: fc.array(fc.record({ label: fc.string({ maxLength: 12 }), value: fc.nat() }), {
        maxLength: 11,
      }),
      findings: fc.array(anyFinding, { maxLength: 30 }),
      sources: fc.array(fc.record({ title: text }), { maxLength: 8 }),
      suggestions: fc.array(text, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(anyReply, fc.integer({ min: 1, max: 8 }), (r, max) => {
        const payloads = renderReplyMessages(r, max);
        expect(payloads.length).toBeGreaterThanOrEqual(1);
        expect(payloads.length).toBeLessThanOrEqual(max);
        for (const payload of payloads) expect(limitViolations(payload)).toEqual([]);
        for (const payload of renderPlainMessages(r, max))
          expect(limitViolations(payload)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('renderPlainMessages', () => {
  it('falls back to plain messages of at most 2,000 characters, fences closed', () => {
    const payloads = renderPlainMessages(
      reply({
        paragraphs: Array.from({ length: 10 }, (_, i) => `Para ${i} ${'word '.repeat(100)}`),
        code: [{ text: Array.from({ length: 200 }, (_, i) => `line ${i} CLOSE_WAIT`).join('\n') }],
      }),
      10,
    );
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) {
      expect(payload.embeds).toEqual([]);
      expect(limitViolations(payload)).toEqual([]);
      expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    }
  });
});

describe('reply markdown pieces', () => {
  it('draws proportional bars, with a sliver for small non-zero values', () => {
    const chart = renderChart([
      { label: 'TIME_WAIT', value: 1000 },
      { label: 'ESTABLISHED', value: 500 },
      { label: 'LISTEN', value: 1 },
      { label: 'CLOSED', value: 0 },
    ]);
    const lines = chart.split('\n').slice(1, -1);
    expect(lines[0]).toMatch(/^TIME_WAIT\s+1,000 █{20}$/);
    expect(lines[1]).toMatch(/^ESTABLISHED\s+500 █{10}$/);
    expect(lines[2]).toMatch(/^LISTEN\s+1 ▏$/);
    expect(lines[3]).toMatch(/^CLOSED\s+0$/);
  });

  it('turns kb: cross-links into readable emphasis', () => {
    expect(rewriteKbLinks('see [TIME_WAIT](kb:time-wait) and [RFC](https://x.y)')).toBe(
      'see *TIME_WAIT* and [RFC](https://x.y)',
    );
  });

  it('fences code with trailing whitespace removed', () => {
    expect(codeBlock('ss -tan\n\n', 'sh')).toBe('```sh\nss -tan\n```');
  });
});
