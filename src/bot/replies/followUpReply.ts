/** Follow-up questions answered in the context of the last verdict ("what do I do about it?"). */
import type { Article } from '../../kb/article.js';
import type { KnowledgeBase } from '../../kb/knowledgeBase.js';
import type { Finding, Verdict } from '../../triage/verdict.js';
import { literalMarkdownKeepingCode } from '../markdownText.js';
import type { Reply } from '../reply.js';
import { addUnique, formatDuration, renderKbLinks, sourceLinks, toneOf } from './format.js';
import { replyFinding, stateChart } from './verdictReply.js';

/** What a follow-up asks about the last verdict. */
export type FollowUpIntent = 'fix' | 'severity' | 'cause';

/** The finding a follow-up is about: the main one, or the first of a state the question names. */
export function focusFinding(verdict: Verdict, state?: string): Finding | undefined {
  const serious = verdict.findings.filter((f) => f.severity !== 'ok');
  return (
    (state && verdict.findings.find((f) => f.state === state)) || serious[0] || verdict.findings[0]
  );
}

/** The runbook among a finding's articles (for "how do I fix it"), else its first article. */
function fixArticle(finding: Finding, kb: KnowledgeBase): Article | undefined {
  const articles = finding.kb.map((id) => kb.get(id)).filter((a): a is Article => Boolean(a));
  return articles.find((a) => a.file.startsWith('runbooks/')) ?? articles[0];
}

function firstArticle(finding: Finding, kb: KnowledgeBase): Article | undefined {
  for (const id of finding.kb) {
    const a = kb.get(id);
    if (a) return a;
  }
  return undefined;
}

const SEVERITY_WORDS: Record<Verdict['severity'], string> = {
  ok: 'No: nothing here crosses a published alert threshold.',
  warn: 'It needs attention (warning level), not a page in the middle of the night yet.',
  critical: 'Yes: this is at the critical level.',
};

/** The reply to a follow-up question about the last verdict. */
export function followUpReply(
  intent: FollowUpIntent,
  verdict: Verdict,
  kb: KnowledgeBase,
  ageMs: number | undefined,
  state?: string,
): Reply {
  const finding = focusFinding(verdict, state);
  // Undefined age: the follow-up came with the paste itself.
  const when = ageMs === undefined ? 'this paste' : `your paste ${formatDuration(ageMs)} ago`;
  const reply: Reply = {
    kind: 'answer',
    title: '',
    tone: toneOf(finding?.severity ?? verdict.severity),
    paragraphs: [],
    code: [],
    chart: [],
    findings: [],
    sources: [],
    suggestions: [],
  };
  if (!finding) {
    reply.title = 'Nothing to act on';
    reply.tone = 'ok';
    reply.paragraphs.push(
      `${literalMarkdownKeepingCode(verdict.headline)} (${when}). Nothing is piling up, so there is nothing to fix; paste ` +
        'again if the numbers change.',
    );
    reply.chart = stateChart(verdict);
    return reply;
  }

  if (intent === 'fix') {
    reply.title = `What to do: ${finding.title}`;
    reply.paragraphs.push(`For ${when}: run the commands below, then fix the cause.`);
    const article = fixArticle(finding, kb);
    if (article) {
      const { text, linked } = renderKbLinks(article.summary, kb);
      reply.paragraphs.push(`**${article.title}:** ${text}`);
      reply.sources = sourceLinks(article);
      addUnique(
        reply.suggestions,
        [`explain ${article.id}`, ...linked.map((id) => `explain ${id}`)],
        3,
      );
    }
    reply.findings = [replyFinding(finding)];
    addUnique(reply.suggestions, ['is this bad?'], 4);
    return reply;
  }

  if (intent === 'severity') {
    reply.title = `How bad is it? ${verdict.severity === 'ok' ? 'Not bad' : verdict.severity === 'warn' ? 'Warning' : 'Critical'}`;
    reply.tone = toneOf(verdict.severity);
    reply.paragraphs.push(`${SEVERITY_WORDS[verdict.severity]} (For ${when}.)`);
    for (const f of verdict.findings.map(replyFinding)) {
      reply.paragraphs.push(`- **${f.title}**: ${f.evidence}`);
    }
    reply.chart = stateChart(verdict);
    addUnique(reply.suggestions, ['what do I do about it?']);
    const article = firstArticle(finding, kb);
    if (article) addUnique(reply.suggestions, [`explain ${article.id}`]);
    return reply;
  }

  reply.title = `Why: ${finding.title}`;
  const shown = replyFinding(finding);
  reply.paragraphs.push(`For ${when}: ${shown.cause}`, `Evidence: ${shown.evidence}`);
  const article = firstArticle(finding, kb);
  if (article) {
    const { text, linked } = renderKbLinks(article.summary, kb);
    reply.paragraphs.push(`**${article.title}:** ${text}`);
    reply.sources = sourceLinks(article);
    addUnique(
      reply.suggestions,
      linked.map((id) => `explain ${id}`),
      2,
    );
  }
  addUnique(reply.suggestions, ['what do I do about it?', 'is this bad?']);
  return reply;
}
