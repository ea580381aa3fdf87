import { describe, expect, it } from 'vitest';
import { Bot, neutralizeReply } from '../../src/bot/bot.js';
import { literalMarkdownKeepingCode } from '../../src/bot/markdownText.js';
import { hasMentions } from '../../src/bot/mentions.js';
import type { Reply } from '../../src/bot/reply.js';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';
import { knowledgeBase, realBot, samplePastes, sampleQuestions } from './helpers.js';

const MIN = 60_000;

/** Every string a reply carries, for assertions over all of it. */
function allText(r: Reply): string {
  return [
    r.title,
    ...r.paragraphs,
    ...r.code.map((c) => c.text),
    ...r.chart.map((b) => b.label),
    ...r.findings.flatMap((f) => [f.title, f.evidence, f.cause, ...f.next, ...f.caveats]),
    ...r.sources.map((s) => s.title),
    ...r.suggestions,
  ].join('\n');
}

const summary = (closeWait: number) =>
  `netstat -an | awk '/^tcp/ {print $6}' | sort | uniq -c\n    138 ESTABLISHED\n${String(closeWait).padStart(7)} CLOSE_WAIT\n     41 TIME_WAIT\n      1 LISTEN\n`;

describe('Bot routing of the sample data', async () => {
  const bot = await realBot();

  it.each(samplePastes())('routes the paste $name to triage', async ({ name, text }) => {
    const reply = await bot.handle({ text, conversation: name });
    const verdict = triage(readText(text));
    expect(reply.kind).toBe('triage');
    expect(reply.title).toBe(verdict.headline);
    // Finding titles are markdown in which the paste's words are escaped.
    expect(reply.findings.map((f) => f.title)).toEqual(
      verdict.findings.map((f) => literalMarkdownKeepingCode(f.title)),
    );
    expect(reply.chart.reduce((n, b) => n + b.value, 0)).toBe(verdict.total);
  });

  it.each(samplePastes())(
    'routes $name fenced, with a question around it, to triage and an answer',
    async ({ name, text }) => {
      const reply = await bot.handle({
        text: `why so many sockets here?\n\`\`\`\n${text}\n\`\`\`\nthanks`,
        conversation: `fenced-${name}`,
      });
      expect(reply.kind).toBe('triage');
      expect(reply.paragraphs.join('\n')).toContain('**You asked:** _why so many sockets here?_');
    },
  );

  it.each(samplePastes())(
    'routes $name sent as an attachment to triage',
    async ({ name, text }) => {
      const reply = await bot.handle({
        text: '',
        attachments: [{ name, text }],
        conversation: `file-${name}`,
      });
      expect(reply.kind).toBe('triage');
    },
  );

  it.each(sampleQuestions())(
    'routes the question "$question" to the knowledge base',
    async ({ question }) => {
      const reply = await bot.handle({ text: question, conversation: `q-${question}` });
      expect(reply.kind).toBe('answer');
      expect(reply.sources.length).toBeGreaterThan(0);
    },
  );
});

describe('Bot commands', async () => {
  const bot = await realBot({ version: '9.8.7' });
  const kb = await knowledgeBase();
  const ask = (text: string) => bot.handle({ text, conversation: 'cmd' });

  it.each(['help', '/help', '!help', 'HELP', '/tcp help', '/tcp'])(
    'answers %s with help',
    async (text) => {
      const r = await ask(text);
      expect(r.kind).toBe('help');
      expect(r.title).toBe('What I can do');
      expect(allText(r)).toMatch(/explain <topic>/);
    },
  );

  it('lists topics, every article once', async () => {
    for (const text of ['topics', '/topics', '!topics']) {
      const r = await ask(text);
      const body = r.paragraphs.join('\n');
      for (const a of kb.articles) expect(body).toContain(`\`${a.id}\``);
    }
  });

  it('tells the version, KB size and source count in about', async () => {
    const r = await ask('about');
    const sources = new Set(kb.articles.flatMap((a) => a.sources.map((s) => s.url))).size;
    expect(r.title).toBe('tcp-triage 9.8.7');
    expect(r.paragraphs[0]).toContain(`${kb.articles.length} articles`);
    expect(r.paragraphs[0]).toContain(`${sources} distinct sources`);
  });

  it('explains a topic by id, state name, topic or alias', async () => {
    expect((await ask('explain close-wait')).title).toBe(kb.get('close-wait')?.title);
    expect((await ask('/explain TIME_WAIT')).title).toBe(kb.get('time-wait')?.title);
    expect((await ask('!explain state-syn-recv')).title).toBe(kb.get('syn-received')?.title);
    expect((await ask('/tcp explain tcp-tw-recycle')).title).toBe(kb.get('tcp-tw-recycle')?.title);
    const r = await ask('explain close-wait');
    expect(r.paragraphs[0]).not.toMatch(/\]\(kb:/); // cross-links rendered as text
    expect(r.sources.length).toBe(kb.get('close-wait')?.sources.length);
  });

  it('says when a topic is unknown', async () => {
    const r = await ask('explain zzqx-nothing');
    expect(r.title).toBe('Unknown topic');
  });

  it('answers small talk with what it can do, not silence', async () => {
    for (const text of ['hello there', 'thanks!', '👍']) {
      const r = await ask(text);
      expect(r.kind).toBe('help');
      expect(r.paragraphs.join(' ')).toMatch(/netstat.*ss/);
    }
  });
});

describe('Bot conversation memory', () => {
  it('reports the change since the previous paste in the same conversation', async () => {
    const bot = await realBot();
    const t0 = Date.UTC(2024, 0, 1, 3, 0);
    const first = await bot.handle({ text: summary(710), conversation: 'c1', at: t0 });
    expect(first.paragraphs.join('\n')).not.toContain('Since your previous paste');
    const second = await bot.handle({ text: summary(1450), conversation: 'c1', at: t0 + 12 * MIN });
    const text = second.paragraphs.join('\n');
    expect(text).toContain('Since your previous paste (12 min ago)');
    expect(text).toContain('CLOSE_WAIT 710 -> 1,450 in 12 min, +62/min: still growing');
    // Another conversation has its own memory.
    const other = await bot.handle({ text: summary(1450), conversation: 'c2', at: t0 + 12 * MIN });
    expect(other.paragraphs.join('\n')).not.toContain('Since your previous paste');
  });

  it('forgets a paste after the memory TTL', async () => {
    const bot = await realBot({ memory: { ttlMinutes: 30 } });
    const t0 = 1_000_000;
    await bot.handle({ text: summary(710), conversation: 'c', at: t0 });
    const late = await bot.handle({ text: summary(900), conversation: 'c', at: t0 + 31 * MIN });
    expect(late.paragraphs.join('\n')).not.toContain('Since your previous paste');
    const r = await bot.handle({
      text: 'what do I do about it?',
      conversation: 'x',
      at: t0 + 62 * MIN,
    });
    expect(r.title).toBe('Paste a socket table first');
  });

  it('answers follow-up questions about the last verdict', async () => {
    let now = 5_000_000;
    const bot = await realBot({ clock: () => now });
    const paste = summary(1450);
    const verdict = triage(readText(paste));
    const main = verdict.findings[0];
    expect(main?.severity).toBe('critical');
    await bot.handle({ text: paste, conversation: 'f' });
    now += 3 * MIN;

    const fix = await bot.handle({ text: 'what do I do about it?', conversation: 'f' });
    expect(fix.kind).toBe('answer');
    expect(fix.title).toBe(`What to do: ${main?.title}`);
    expect(fix.findings[0]?.next).toEqual(main?.next);
    expect(fix.paragraphs[0]).toContain('your paste 3 min ago');

    const how = await bot.handle({ text: 'how do I fix it', conversation: 'f' });
    expect(how.title).toBe(fix.title);

    const bad = await bot.handle({ text: 'is this bad?', conversation: 'f' });
    expect(bad.title).toBe('How bad is it? Critical');
    expect(bad.tone).toBe('critical');

    const why = await bot.handle({ text: 'why?', conversation: 'f' });
    expect(why.title).toBe(`Why: ${main?.title}`);
    expect(why.paragraphs.join('\n')).toContain(literalMarkdownKeepingCode(main?.cause ?? '-'));

    // A question about another state is a question of its own.
    const other = await bot.handle({ text: 'what is TIME_WAIT?', conversation: 'f' });
    expect(other.title).toBe((await knowledgeBase()).get('time-wait')?.title);
  });

  it('answers a paste and the question that came with it', async () => {
    const bot = await realBot();
    const r = await bot.handle({ text: `is this bad?\n${summary(1450)}`, conversation: 'q' });
    expect(r.kind).toBe('triage');
    const text = r.paragraphs.join('\n');
    expect(text).toContain('**You asked:** _is this bad?_');
    expect(text).toContain('**How bad is it? Critical**');
  });
});

describe('Bot input guards and safety', () => {
  it('refuses oversize input with a short message, at a configurable cap', async () => {
    const bot = await realBot({ input: { maxInputBytes: 10_000 } });
    const big = summary(710).repeat(400);
    const r = await bot.handle({ text: big, conversation: 'big' });
    expect(r.kind).toBe('refusal');
    expect(r.paragraphs[0]).toMatch(/I read at most 10 KB per chat message/);
    const ok = await bot.handle({ text: summary(710), conversation: 'big' });
    expect(ok.kind).toBe('triage');
  });

  it('refuses binary input, in text or attachments', async () => {
    const bot = await realBot();
    const elf = '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000';
    expect((await bot.handle({ text: elf, conversation: 'b' })).kind).toBe('refusal');
    const att = await bot.handle({
      text: 'look',
      attachments: [{ name: 'core', text: elf }],
      conversation: 'b',
    });
    expect(att.kind).toBe('refusal');
    expect(att.title).toBe('That does not look like text');
  });

  it('neutralises mentions in everything it echoes', async () => {
    const bot = await realBot();
    const rows = Array.from(
      { length: 150 },
      (_, i) => `tcp 1 0 10.0.0.5:8080 10.0.0.9:${40000 + i} CLOSE_WAIT 4242/@everyone`,
    ).join('\n');
    const r = await bot.handle({
      text: `<!channel> <@U12345> is this bad?\n${rows}`,
      conversation: 'm',
    });
    expect(r.kind).toBe('triage');
    expect(hasMentions(allText(r))).toBe(false);
    const q = await bot.handle({ text: '@here what is CLOSE_WAIT? <@&1234>', conversation: 'm2' });
    expect(hasMentions(allText(q))).toBe(false);
  });

  it('answers with an error reply instead of throwing when a dependency fails', async () => {
    const kb = await knowledgeBase();
    const bot = new Bot({
      kb,
      search: { search: () => ({ query: '', results: [], confident: false }) },
      readText,
      triage: () => {
        throw new Error('boom');
      },
    });
    const r = await bot.handle({ text: summary(710), conversation: 'e' });
    expect(r.kind).toBe('failure');
    expect(r.paragraphs[0]).toContain('boom');
  });

  it('neutralizeReply leaves a reply without mentions unchanged', async () => {
    const bot = await realBot();
    const r = await bot.handle({ text: 'help', conversation: 'n' });
    expect(neutralizeReply(r)).toEqual(r);
  });
});
