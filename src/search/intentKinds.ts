import type { Intent } from './analyze/draft.js';

/**
 * Which kinds of article (kb sub-folders) suit which questions: "fix it / clear it / reduce it"
 * wants a runbook or a tuning page; "what is / why / how does it work" wants the state or
 * closing-sequence explanation.
 */
export const INTENT_KINDS: Readonly<Record<Intent, readonly string[]>> = Object.freeze({
  fix: ['runbooks', 'tuning'],
  clear: ['runbooks'],
  reduce: ['tuning', 'runbooks'],
  why: ['states', 'closing'],
  what: ['states', 'closing'],
  how: ['states', 'closing'],
  compare: [],
  many: [],
  stuck: [],
  check: [],
});

// What kind of answer a section heading promises ("What to do", "Why it piles up", ...).
const HEADING_INTENTS: ReadonlyArray<[Intent, RegExp]> = [
  ['what', /^what (?:it|they|the \w+) (?:means?|does|do)\b|^what (?:is|are)\b|\bmeans?$/i],
  ['why', /^why\b/i],
  ['fix', /^what (?:to do|works|to set)\b|^how to (?:fix|solve)\b|\bfix(?:es)?\b/i],
  ['clear', /^what to do\b|\b(?:clear|kill|now)\b/i],
  ['reduce', /\b(?:reduc\w*|lower\w*|tun\w*)\b/i],
  ['many', /\bis it a problem\b|\bhow bad\b|\bpiles? up\b|\bhigh count\b/i],
  ['stuck', /\bpiles? up\b|\bdoes not go away\b|\bon its own\b/i],
  ['check', /^how to (?:check|see|tell|find|read)\b|\b(?:check|diagnos\w*)\b/i],
];

// "What not to do", "What does not fix it", "Myths": promises the opposite.
const NEGATIVE_HEADING = /\b(?:not|n't|never|myths?|wrong|instead)\b/i;

/** The intents a section heading answers. */
export function headingIntents(heading: string): Intent[] {
  if (NEGATIVE_HEADING.test(heading)) return [];
  return HEADING_INTENTS.filter(([, re]) => re.test(heading)).map(([intent]) => intent);
}

/** How well an article kind suits the intents: the share of intents that prefer it. */
export function intentFit(kind: string, intents: ReadonlySet<Intent>): number {
  let asked = 0;
  let fit = 0;
  for (const intent of intents) {
    const kinds = INTENT_KINDS[intent];
    if (kinds.length === 0) continue;
    asked++;
    if (kinds.includes(kind)) fit++;
  }
  return asked === 0 ? 0 : fit / asked;
}

/** Intents that report trouble with a state and want it dealt with. */
const TROUBLE: readonly Intent[] = ['many', 'stuck', 'fix', 'clear'];

/** Intents that ask about the state itself rather than report it as a problem. */
const CONCEPTUAL: readonly Intent[] = ['what', 'how', 'compare'];

/**
 * Whether a question that names a state reports it as a problem. It does when it says so
 * (a pile-up, "fix", "kill"), and also when it asks nothing about the state itself: on call,
 * "APIML shows several ports in close wait" is a report of trouble, not a request for a
 * definition, when it names that one state.
 */
export function reportsTrouble(intents: ReadonlySet<Intent>, namedStates: number): boolean {
  if (TROUBLE.some((i) => intents.has(i))) return true;
  // Two states named together ("stuck in CLOSE_WAIT and FIN_WAIT2") ask how they relate.
  return namedStates === 1 && !CONCEPTUAL.some((i) => intents.has(i));
}

/**
 * 1 when the question reports trouble with a named state (a pile-up, "fix", "kill") and the
 * article is a runbook dedicated to exactly that state: a CLOSE_WAIT pile-up is answered by
 * the CLOSE_WAIT runbook rather than by the state's definition. 0 otherwise. `promises` are
 * the intents the runbook's headings promise.
 */
export function dedicatedRunbookFit(
  kind: string,
  articleStates: readonly string[],
  namedStates: ReadonlySet<string>,
  intents: ReadonlySet<Intent>,
  promises: ReadonlySet<Intent> = new Set(),
): number {
  if (kind !== 'runbooks' || articleStates.length !== 1 || namedStates.size === 0) return 0;
  if (!reportsTrouble(intents, namedStates.size)) return 0;
  // A runbook for clearing sockets now, and not for fixing their cause, answers only a question
  // that asks to clear them: a plain report of a pile-up wants the cause found.
  if (promises.has('clear') && !promises.has('fix') && !intents.has('clear')) return 0;
  return namedStates.has(articleStates[0] ?? '') ? 1 : 0;
}
