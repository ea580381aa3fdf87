// A paste whose process name, hostname and question are markup reaches Slack as text: no
// disguised link, no formatting of the pasted words, in blocks, the fallback text and the
// plain-text fallback, rendered directly and end to end through Bolt and the fake Slack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBlocks } from '../../adapters/slack/blocks.js';
import {
  inlineMarkdownToMrkdwn,
  literalMrkdwn,
  markdownToMrkdwn,
} from '../../adapters/slack/mrkdwn.js';
import { DEFAULT_SLACK_OPTIONS } from '../../adapters/slack/options.js';
import { renderPlainText } from '../../adapters/slack/plainText.js';
import { type Bot, createBot } from '../../src/bot/index.js';
import type { Reply } from '../../src/bot/reply.js';
import { allStrings, EVIL_QUESTION, hostileMessage, slackMarkupFound } from '../bot/hostile.js';
import { HttpHarness, mention, postedStrings } from './harness.js';

let bot: Bot;
let reply: Reply;

beforeAll(async () => {
  bot = await createBot();
  reply = await bot.handle({ text: hostileMessage(), conversation: 'hostile' });
});

describe('hostile text in Slack', () => {
  it('the reply echoes the hostile words (so the test would see them if they were markup)', () => {
    expect(reply.kind).toBe('triage');
    const all = allStrings(reply).join('\n');
    expect(all).toContain('Click');
    expect(all).toContain('evil.example');
    expect(all).toContain('You asked');
  });

  it('renders no disguised link or formatting in blocks, title, evidence, cause, "You asked"', () => {
    const options = { limits: DEFAULT_SLACK_OPTIONS.limits, inThread: true };
    const rendered = allStrings(renderBlocks(reply, options)).join('\n');
    expect(rendered).toContain('Click');
    expect(slackMarkupFound(rendered)).toEqual([]);
    const plain = renderPlainText(reply, DEFAULT_SLACK_OPTIONS.limits, true).join('\n');
    expect(slackMarkupFound(plain)).toEqual([]);
  });

  it("keeps the bot's own links: KB sources are still <url|title>", () => {
    const rendered = allStrings(
      renderBlocks(reply, { limits: DEFAULT_SLACK_OPTIONS.limits, inThread: true }),
    );
    expect(rendered.join('\n')).toMatch(/<https:\/\/(?!evil)[^|>]+\|[^>]+>/);
  });

  it('literalMrkdwn breaks marks at word edges only, and escapes &, <, >', () => {
    expect(literalMrkdwn('tcp_tw_reuse')).toBe('tcp_tw_reuse');
    expect(literalMrkdwn('*bold* <!here> & x')).toBe(
      '\u200b*\u200bbold\u200b*\u200b &lt;!here&gt; &amp; x',
    );
    // Escaped markdown (as the bot writes user text) comes out as the same literal mrkdwn.
    expect(inlineMarkdownToMrkdwn('\\*bold\\* \\[a\\]\\(https\\://evil.example\\)')).toBe(
      '\u200b*\u200bbold\u200b*\u200b [a](https://evil.example)',
    );
    expect(slackMarkupFound(markdownToMrkdwn(`_${EVIL_QUESTION}_`))).not.toEqual([]);
  });
});

describe('hostile text end to end', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await HttpHarness.start(bot);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('a mention with the hostile paste posts no disguised link and no formatted pasted words', async () => {
    // Slack delivers text with &, <, > escaped.
    const text = hostileMessage()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    await h.event(mention(text));
    const posted = postedStrings(h.api).join('\n');
    expect(posted).toContain('Click');
    expect(posted).toContain('You asked');
    expect(slackMarkupFound(posted)).toEqual([]);
  });
});
