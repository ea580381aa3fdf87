/** The reply to a netstat/ss paste: the verdict, the article explaining it, and what changed. */
import type { Article } from '../../kb/article.js';
import type { KnowledgeBase } from '../../kb/knowledgeBase.js';
import type { InputFormat } from '../../netstat/snapshot.js';
import { TCP_STATES } from '../../netstat/states.js';
import type { Finding, Verdict } from '../../triage/verdict.js';
import { literalMarkdownKeepingCode } from '../markdownText.js';
import type { ChartBar, Reply, ReplyFinding } from '../reply.js';
import { deltaParagraph, type StateChange } from './delta.js';
import { addUnique, formatCount, renderKbLinks, sourceLinks, toneOf } from './format.js';

const FORMAT_NAMES: Record<InputFormat, string> = {
  'uniq-count': 'a `uniq -c` summary',
  'state-count': 'a state/count summary',
  'netstat-linux': 'a Linux `netstat` listing',
  'netstat-windows': 'a Windows `netstat` listing',
  'netstat-bsd': 'a BSD/macOS `netstat` listing',
  'netstat-solaris': 'a Solaris `netstat` listing',
  ss: 'an `ss` listing',
  'ss-summary': 'an `ss -s` summary',
  'proc-net-tcp': 'a `/proc/net/tcp` dump',
  'wc-count': 'a `wc -l` count',
  lsof: 'an `lsof` listing',
  sockstat: 'a `/proc/net/sockstat` summary',
  unknown: 'the paste',
};

/** What goes into a triage reply besides the verdict. */
export interface VerdictReplyInput {
  verdict: Verdict;
  /** The KB article that explains the main finding. */
  article?: Article;
  kb?: KnowledgeBase;
  /** The change since the previous paste in this conversation. */
  delta?: { changes: StateChange[]; elapsedMs: number };
}

/** The chart: every state present, in protocol order. */
export function stateChart(verdict: Pick<Verdict, 'counts'>): ChartBar[] {
  return TCP_STATES.filter((s) => verdict.counts[s] > 0).map((s) => ({
    label: s,
    value: verdict.counts[s],
  }));
}

/** A finding as shown to a person: the rule's words as markdown, the paste's words as text. */
export function replyFinding(f: Finding): ReplyFinding {
  return {
    title: literalMarkdownKeepingCode(f.title),
    tone: toneOf(f.severity),
    evidence: literalMarkdownKeepingCode(f.evidence),
    cause: literalMarkdownKeepingCode(f.cause),
    next: [...f.next],
    caveats: [...f.caveats],
  };
}

/** The article that explains the main finding: the first of its KB ids that exists. */
export function mainArticle(verdict: Verdict, kb: KnowledgeBase): Article | undefined {
  for (const f of verdict.findings) {
    for (const id of f.kb) {
      const a = kb.get(id);
      if (a) return a;
    }
  }
  return undefined;
}

/** One line on what was read: "Read 896 TCP sockets from a state/count summary (linux)." */
export function readSummary(verdict: Verdict): string {
  const os = verdict.os === 'unknown' ? '' : ` (${verdict.os})`;
  const n = verdict.total;
  return `Read ${formatCount(n)} TCP socket${n === 1 ? '' : 's'} from ${FORMAT_NAMES[verdict.format]}${os}.`;
}

/** The reply to a paste. */
export function verdictReply(input: VerdictReplyInput): Reply {
  const { verdict, article, kb, delta } = input;
  const paragraphs = [readSummary(verdict)];
  const suggestions: string[] = [];
  const change = delta && deltaParagraph(delta.changes, delta.elapsedMs);
  if (change) paragraphs.push(change);
  const main = verdict.findings[0];
  if (article) {
    const { text, linked } = renderKbLinks(article.summary, kb);
    paragraphs.push(`**${article.title}, in short:** ${text}`);
    if (main && main.severity !== 'ok')
      addUnique(suggestions, ['what do I do about it?', 'is this bad?']);
    const further = main?.kb.filter((id) => id !== article.id && (!kb || kb.get(id))) ?? [];
    addUnique(
      suggestions,
      [...further, ...linked].filter((id) => id !== article.id).map((id) => `explain ${id}`),
      4,
    );
  } else if (main && main.severity !== 'ok') {
    addUnique(suggestions, ['what do I do about it?', 'is this bad?']);
  }
  for (const w of verdict.warnings) paragraphs.push(`_Note: ${literalMarkdownKeepingCode(w)}_`);
  if (verdict.findings.length === 0) {
    paragraphs.push('Nothing is piling up here. Paste again later to see how the counts move.');
  }
  return {
    kind: 'triage',
    title: verdict.headline,
    tone: toneOf(verdict.severity),
    paragraphs,
    code: [],
    chart: stateChart(verdict),
    findings: verdict.findings.map(replyFinding),
    sources: article ? sourceLinks(article) : [],
    suggestions,
  };
}
