import type { Snapshot } from '../netstat/snapshot.js';
import { TCP_STATES } from '../netstat/states.js';
import { ClosedLeakRule } from './closedLeakRule.js';
import { CloseWaitRule } from './closeWaitRule.js';
import { ClosingRule } from './closingRule.js';
import { createContext, type TriageOptions } from './context.js';
import { EstablishedRule } from './establishedRule.js';
import { FinWait1Rule } from './finWait1Rule.js';
import { FinWait2Rule } from './finWait2Rule.js';
import { num } from './format.js';
import { LastAckRule } from './lastAckRule.js';
import { PortExhaustionRule } from './portExhaustionRule.js';
import type { Rule } from './rule.js';
import { SynReceivedRule } from './synReceivedRule.js';
import { SynSentRule } from './synSentRule.js';
import { TimeWaitRule } from './timeWaitRule.js';
import type { Finding, Severity, Verdict } from './verdict.js';

export type { RuleContext, TriageOptions } from './context.js';
export type { Rule } from './rule.js';
export { THRESHOLDS } from './thresholds.js';

/** Every rule, one per finding id. */
export const RULES: readonly Rule[] = Object.freeze([
  CloseWaitRule,
  PortExhaustionRule,
  TimeWaitRule,
  FinWait2Rule,
  FinWait1Rule,
  LastAckRule,
  ClosingRule,
  SynReceivedRule,
  SynSentRule,
  EstablishedRule,
  ClosedLeakRule,
]);

const RANK: Record<Severity, number> = { ok: 0, warn: 1, critical: 2 };

/** The more severe of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Order findings most severe first, then by weight (larger first), then by rule order. */
export function orderFindings(findings: Finding[]): Finding[] {
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return [...findings].sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] ||
      b.weight - a.weight ||
      (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

/** "3 LISTEN, 1 ESTABLISHED": the states present, largest first. */
export function stateList(snapshot: Snapshot, max = 4): string {
  const present = TCP_STATES.filter((s) => snapshot.counts[s] > 0).sort(
    (a, b) => snapshot.counts[b] - snapshot.counts[a],
  );
  const shown = present.slice(0, max).map((s) => `${num(snapshot.counts[s])} ${s}`);
  if (present.length > max) shown.push(`${present.length - max} more states`);
  return shown.join(', ');
}

/** One line: the worst finding, or that the table looks healthy. */
export function headline(snapshot: Snapshot, findings: Finding[]): string {
  if (snapshot.total === 0) return 'No TCP sockets found in this input';
  const serious = findings.filter((f) => f.severity !== 'ok');
  const first = serious[0];
  if (first) {
    const more = serious.length - 1;
    return more > 0
      ? `${first.title} (+${more} more finding${more === 1 ? '' : 's'})`
      : first.title;
  }
  const note = findings[0];
  return `Looks healthy: ${stateList(snapshot)}${note ? `; note: ${note.title}` : ''}`;
}

/**
 * Port exhaustion is the consequence that matters of the TIME_WAIT it counts: when both are
 * found it is at least as severe as the TIME_WAIT finding, so it leads the verdict.
 */
function reconcile(found: Finding[]): Finding[] {
  const pe = found.find((f) => f.id === 'port-exhaustion');
  const tw = found.find((f) => f.id === 'time-wait-pileup');
  if (pe && tw) pe.severity = worse(pe.severity, tw.severity);
  return found;
}

/** Turn a Snapshot into the verdict: findings from every rule, the worst severity, a headline. */
export function triage(snapshot: Snapshot, options: TriageOptions = {}): Verdict {
  const context = createContext(snapshot, options);
  const found: Finding[] = [];
  for (const rule of RULES) {
    const f = rule.evaluate(snapshot, context);
    if (f) found.push(f);
  }
  const findings = orderFindings(reconcile(found));
  const severity = findings.reduce<Severity>((s, f) => worse(s, f.severity), 'ok');
  return {
    format: snapshot.format,
    os: snapshot.os,
    counts: { ...snapshot.counts },
    total: snapshot.total,
    severity,
    headline: headline(snapshot, findings),
    findings,
    warnings: [...snapshot.warnings],
  };
}
