import type { Stage } from './draft.js';

// Multi-word phrases folded to one token before splitting, so both sides of the index agree.
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bkeep[\s-]?alives?\b/gi, ' keepalive '],
  [/\bbuild(?:s|ing)?[\s-]?up\b|\bpil(?:e|es|ing)[\s-]?up\b/gi, ' pileup '],
  [/\b(?:run|runs|running|ran)[\s-]out(?: of)?\b/gi, ' exhaustion '],
  [/\btim(?:e|ed|es|ing)[\s-]out\b/gi, ' timeout '],
  [/\bget(?:ting)? rid of\b/gi, ' clear '],
  [/\bload[\s-]?balanc(?:er|ers|ing)\b/gi, ' loadbalancer '],
  [/\bre-?us(?:e|es|ed|ing)\b/gi, ' reuse '],
  [/\bfour[\s-]way\b/gi, ' fourway '],
  [/\bthree[\s-]way\b/gi, ' threeway '],
  [/\bhalf[\s-]clos(?:e|ed|ing)\b/gi, ' halfclose '],
  [/\bhalf[\s-]open\b/gi, ' halfopen '],
  // "does not close", "never closed", "not calling close()", "unclosed": the heart of CLOSE_WAIT
  // and FIN_WAIT_2, so both sides of the index fold them to one term.
  [
    /(?:\b(?:not|never|without)|n't)[\s-]+(?:be(?:en|ing)?[\s-]+|properly[\s-]+|correctly[\s-]+|call(?:ing|s|ed)?[\s-]+)?clos(?:e|es|ed|ing)\b|\bunclosed\b|\bleft open\b/gi,
    ' notclosed ',
  ],
];

// Concepts added beside the words that describe them (the words stay searchable too).
const CONCEPTS: ReadonlyArray<[RegExp, string]> = [
  // A peer that vanished without closing: what keepalive exists to detect.
  [
    /\bdead[\s-]+peers?\b|\b(?:client|peer|server|remote|host|other side|other end)s?\s+(?:(?:has|had|was|is|got|were)\s+)?(?:disconnected|powered off|powerd off|crashed|died|dead|gone|rebooted|unplugged|vanished)\b/gi,
    'deadpeer',
  ],
  // A count that only grows over time is a leak.
  [/\bover time\b|\bkeeps? (?:growing|increasing|rising|climbing)\b|\bnever decreas\w*/gi, 'leak'],
];

/** The concept terms `addConcepts` may add. */
export const CONCEPT_TERMS: readonly string[] = Object.freeze([
  ...new Set(CONCEPTS.map(([, c]) => c)),
]);

/** Adds concept terms (a dead peer, a leak) next to the phrases that describe them. */
export const addConcepts: Stage = (draft) => {
  let text = draft.text;
  for (const [re, concept] of CONCEPTS) text = text.replace(re, (m) => ` ${m} ${concept} `);
  draft.text = text;
};

/** Folds multi-word phrases (keep-alive, build up, run out of) into single tokens. */
export const foldPhrases: Stage = (draft) => {
  let text = draft.text;
  for (const [re, to] of PHRASES) text = text.replace(re, to);
  draft.text = text;
};

// Surface words mapped to one canonical term on both sides (applied before stemming).
const GROUPS: Record<string, readonly string[]> = {
  connection: ['connection', 'connections', 'conn', 'conns', 'connnection', 'connnections'],
  many: ['many', 'lots', 'lot', 'plenty', 'hundreds', 'thousands', 'tons', 'numerous', 'massive'],
  pileup: ['pileup', 'accumulate', 'accumulates', 'accumulated', 'accumulating', 'accumulation'],
  fix: [
    'fix',
    'fixes',
    'fixed',
    'fixing',
    'solve',
    'solved',
    'solving',
    'solution',
    'resolve',
    'resolved',
    'remedy',
  ],
  clear: [
    'clear',
    'clears',
    'clearing',
    'kill',
    'kills',
    'killed',
    'killing',
    'flush',
    'purge',
    'clean',
    'cleanup',
    'cleaning',
  ],
  reduce: [
    'reduce',
    'reduces',
    'reduced',
    'reducing',
    'decrease',
    'decreasing',
    'minimize',
    'minimise',
    'lower',
    'lowering',
    'shorten',
    'shortening',
  ],
  stuck: ['stuck', 'hang', 'hangs', 'hanging', 'hung', 'perpetual', 'forever', 'permanently'],
  exhaustion: [
    'exhaustion',
    'exhausted',
    'exhaust',
    'exhausting',
    'depletion',
    'depleted',
    'starvation',
  ],
  timeout: ['timeout', 'timeouts'],
  keepalive: ['keepalive', 'heartbeat', 'heartbeats'],
  pool: ['pool', 'pools', 'pooling', 'pooled'],
  leak: ['leak', 'leaks', 'leaked', 'leaking', 'leakage'],
  firewall: ['firewall', 'firewalls', 'iptables', 'nftables'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, words] of Object.entries(GROUPS)) {
  for (const w of words) CANONICAL.set(w, canonical);
}
// The single tokens phrases fold into are final: no stemming (`notclosed` stays whole).
for (const [, to] of PHRASES) {
  for (const w of to.trim().split(/\s+/)) if (!CANONICAL.has(w)) CANONICAL.set(w, w);
}

/** The canonical term for a surface word, or undefined when it has none. */
export function canonicalWord(word: string): string | undefined {
  return CANONICAL.get(word);
}
