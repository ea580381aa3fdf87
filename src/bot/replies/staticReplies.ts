/** Replies that need no paste and no search: help, topics, about, and "here is what I do". */
import type { KnowledgeBase } from '../../kb/knowledgeBase.js';
import { literalMarkdown, literalMarkdownKeepingCode } from '../markdownText.js';
import { type Reply, simpleReply } from '../reply.js';
import { formatCount } from './format.js';

/** Example questions shown in help and fallback replies. */
export const EXAMPLE_QUESTIONS: readonly string[] = Object.freeze([
  'why so many TIME_WAIT?',
  'how do I get rid of CLOSE_WAIT?',
  'should I enable tcp_tw_recycle?',
]);

/** `help`: what the bot does, with examples. */
export function helpReply(extraLines: readonly string[] = []): Reply {
  const reply = simpleReply('help', 'What I can do', [
    'Paste `netstat` or `ss` output (as text, in a code block or as a file) and I say what is ' +
      'piling up, who is responsible, how bad it is, and what to run next.',
    `Ask about TCP connection states, for example: ${EXAMPLE_QUESTIONS.map((q) => `_${q}_`).join(', ')}`,
    'After a paste, ask follow-ups such as _what do I do about it?_ or _is this bad?_. Paste ' +
      'again later and I show what changed since.',
    'Commands: `help`, `topics` (what I know about), `explain <topic>` (for example ' +
      '`explain close-wait`), `about`.',
    ...extraLines,
  ]);
  reply.code = [
    {
      label: 'Good things to paste',
      text: "ss -tanp\nnetstat -tanp\nss -tan | awk 'NR>1 {print $1}' | sort | uniq -c",
    },
  ];
  reply.suggestions = ['topics', ...EXAMPLE_QUESTIONS.slice(0, 2)];
  return reply;
}

/** Readable names of the knowledge-base folders. */
const GROUP_NAMES: Record<string, string> = {
  states: 'TCP states',
  closing: 'How connections close',
  tuning: 'Kernel and socket settings',
  runbooks: 'Runbooks',
  platforms: 'Windows and other platforms',
};

/** `topics`: every article, grouped by folder. */
export function topicsReply(kb: KnowledgeBase): Reply {
  const groups = new Map<string, string[]>();
  for (const a of kb.articles) {
    const slash = a.file.indexOf('/');
    const group = slash > 0 ? a.file.slice(0, slash) : '';
    const list = groups.get(group) ?? [];
    list.push(a.id === a.title.toLowerCase() ? `\`${a.id}\`` : `${a.title} (\`${a.id}\`)`);
    groups.set(group, list);
  }
  const paragraphs = [...groups].map(([g, items]) => {
    const name = GROUP_NAMES[g] ?? (g ? g[0]?.toUpperCase() + g.slice(1) : 'Other');
    return `**${name}:** ${items.join(', ')}`;
  });
  paragraphs.push('Send `explain <id>` for any of them, or just ask a question.');
  const reply = simpleReply('help', `Topics (${kb.articles.length} articles)`, paragraphs);
  reply.suggestions = kb.articles.slice(0, 3).map((a) => `explain ${a.id}`);
  return reply;
}

/** `about`: version, knowledge-base size, sources. */
export function aboutReply(kb: KnowledgeBase, version: string): Reply {
  const sections = kb.articles.reduce((n, a) => n + a.sections.length, 0);
  const sources = new Set(kb.articles.flatMap((a) => a.sources.map((s) => s.url))).size;
  return simpleReply('info', `tcp-triage ${version}`, [
    `Knowledge base: ${formatCount(kb.articles.length)} articles, ${formatCount(sections)} sections, ` +
      `${formatCount(kb.topics().length)} topics, citing ${formatCount(sources)} distinct sources ` +
      '(RFCs, kernel documentation and source, man pages, vendor docs).',
    'Triage reads netstat (Linux, Windows, macOS/BSD, Solaris), ss, /proc/net/tcp and count ' +
      'summaries, and applies published thresholds. Nothing you paste leaves this bot.',
  ]);
}

/** Anything that is neither a paste, a question the KB can answer, nor a command. */
export function fallbackReply(closest: readonly string[] = []): Reply {
  const reply = simpleReply('help', 'I can triage socket tables and answer TCP questions', [
    'Paste `netstat`/`ss` output and I tell you what is piling up and what to do; or ask about a ' +
      `TCP state, for example _${EXAMPLE_QUESTIONS[0]}_. Send \`help\` for more.`,
  ]);
  if (closest.length > 0) {
    reply.paragraphs.push(`Closest topics I have: ${closest.map((id) => `\`${id}\``).join(', ')}.`);
  }
  reply.suggestions = ['help', ...closest.slice(0, 2).map((id) => `explain ${id}`)];
  return reply;
}

/** A follow-up question with no paste to refer to. */
export function needPasteReply(): Reply {
  const reply = simpleReply('help', 'Paste a socket table first', [
    'I have no recent paste in this conversation to refer to. Paste the output of `ss -tanp` ' +
      '(or `netstat -tanp`) and ask again; or ask your question with the TCP state in it.',
  ]);
  reply.suggestions = ['help', EXAMPLE_QUESTIONS[0] as string];
  return reply;
}

/** A paste-like message in which the reader found no TCP sockets. */
export function nothingReadReply(reasons: readonly string[] = []): Reply {
  const paragraphs = [
    'I found no TCP sockets in that. I read `netstat -an`/`-tanp` (Linux, Windows, macOS/BSD, ' +
      'Solaris), `ss -tan`, `ss -s`, `/proc/net/tcp` and `sort | uniq -c` summaries.',
  ];
  if (reasons.length > 0)
    paragraphs.push(`First problem: ${literalMarkdownKeepingCode(reasons[0] as string)}`);
  return simpleReply('error', 'No TCP sockets found', paragraphs, 'error');
}

/** `explain` with a topic that matches nothing. */
export function unknownTopicReply(topic: string, closest: readonly string[]): Reply {
  const paragraphs = [`I have no article on “${literalMarkdown(topic)}”.`];
  if (closest.length) paragraphs.push(`Closest: ${closest.map((id) => `\`${id}\``).join(', ')}.`);
  paragraphs.push('Send `topics` for the full list.');
  const reply = simpleReply('help', 'Unknown topic', paragraphs);
  reply.suggestions = ['topics', ...closest.slice(0, 2).map((id) => `explain ${id}`)];
  return reply;
}
