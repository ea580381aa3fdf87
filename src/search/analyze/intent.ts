import type { Intent, Stage } from './draft.js';

interface IntentCues {
  /** Single words that signal the intent. */
  words: readonly string[];
  /** Word sequences that signal it (matched on whole words). */
  phrases?: readonly string[];
}

// Word lists rather than regular expressions: a cold command line pays for every regex it
// compiles, and whole-word lookups cannot backtrack.
const CUES: Readonly<Record<Intent, IntentCues>> = Object.freeze({
  fix: {
    words: ['fix', 'fixes', 'fixed', 'fixing', 'solve', 'solves', 'solved', 'solving', 'solution']
      .concat(['solutions', 'resolve', 'resolves', 'resolved', 'remedy', 'remedies', 'prevent'])
      .concat(['avoid', 'workaround']),
    phrases: ['how can i stop', 'how do i stop', 'how to stop', 'how to handle', 'how to deal'],
  },
  clear: {
    words: ['kill', 'kills', 'killed', 'killing', 'clear', 'clears', 'cleared', 'clearing', 'clean']
      .concat(['cleans', 'cleaned', 'cleaning', 'cleanup', 'flush', 'purge', 'terminate'])
      .concat(['destroy']),
    phrases: ['get rid', 'force close', 'forced close', 'forcefully close', 'without restart']
      .concat(['without a restart', 'without restarting', "can't close", 'cant close'])
      .concat(['cannot close', 'how to close', 'how do i close', 'how can i close', 'how close'])
      .concat(['how do we close', 'how can we close', 'how to remove', 'how to drop']),
  },
  reduce: {
    words: [
      'reduce',
      'reduces',
      'reduced',
      'reducing',
      'decrease',
      'lower',
      'lowering',
      'shorten',
    ].concat(['minimize', 'minimise', 'limit', 'limiting', 'tune', 'tuning']),
  },
  why: { words: ['why', 'reason', 'cause', 'causes', 'caused'] },
  what: {
    words: ["what's", 'whats', 'explain', 'meaning', 'mean', 'means', 'definition', 'understand'],
    phrases: ['what is', 'what are', 'what does', 'what exactly'],
  },
  how: { words: [], phrases: ['how tcp', 'how does tcp'] },
  compare: { words: ['difference', 'differences', 'vs', 'versus', 'compare', 'compared'] },
  many: {
    words: ['many', 'lots', 'lot', 'hundreds', 'thousands', 'tons', 'huge', 'numerous', 'massive']
      .concat(['pile', 'piles', 'piling', 'pileup', 'accumulate', 'accumulates', 'accumulating'])
      .concat(['increase', 'increases', 'increasing', 'growing']),
    phrases: ['large number', 'large amount', 'large volume', 'high number', 'high count'].concat([
      'build up',
      'builds up',
      'building up',
    ]),
  },
  stuck: {
    words: ['stuck', 'hang', 'hangs', 'hanging', 'hung', 'perpetual', 'forever'],
    phrases: ['never go away', 'never goes away', "won't go away", 'wont go away'].concat([
      'not going away',
      'never close',
      'never closes',
      'never closed',
      'left in',
    ]),
  },
  check: {
    words: ['check', 'detect', 'find', 'investigate', 'diagnose', 'diagnosing', 'monitor'].concat([
      'identify',
      'troubleshoot',
      'troubleshooting',
    ]),
    phrases: ['which process', 'which app', 'which program', 'who owns'],
  },
});

const BY_WORD = new Map<string, Intent[]>();
for (const [intent, cues] of Object.entries(CUES) as [Intent, IntentCues][]) {
  for (const w of cues.words) BY_WORD.set(w, [...(BY_WORD.get(w) ?? []), intent]);
}

const WORD = /[a-z0-9']+/g;
const HOW_VERBS = new Set(['does', 'do', 'is', 'are']);

/** Records what the question asks for (fix it, clear it now, reduce, why, what is...). */
export const detectIntents: Stage = (draft) => {
  const words: string[] = draft.text.toLowerCase().match(WORD) ?? [];
  for (const w of words) for (const intent of BY_WORD.get(w) ?? []) draft.intents.add(intent);
  const padded = ` ${words.join(' ')} `;
  for (const [intent, cues] of Object.entries(CUES) as [Intent, IntentCues][]) {
    if (cues.phrases?.some((p) => padded.includes(` ${p} `))) draft.intents.add(intent);
  }
  // "How does X work": asks for the mechanism.
  const how = words.indexOf('how');
  const work = words.includes('work') || words.includes('works');
  if (how >= 0 && HOW_VERBS.has(words[how + 1] ?? '') && work) {
    draft.intents.add('how');
  }
};
