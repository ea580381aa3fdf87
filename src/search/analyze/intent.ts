import type { Intent, Stage } from './draft.js';

// Bounded alternations on word boundaries: linear time on any input.
const INTENTS: ReadonlyArray<[Intent, RegExp]> = [
  [
    'fix',
    /\b(?:fix|fixe[sd]|fixing|solve[sd]?|solving|solution|resolve[sd]?|remed(?:y|ies)|prevent|avoid|workaround|how (?:can|do|to|should) (?:i|we|you) (?:stop|handle|deal))\b/i,
  ],
  [
    'clear',
    /\b(?:kill(?:s|ed|ing)?|clear(?:s|ed|ing)?|clean(?:s|ed|ing|up)?|flush|purge|get rid|force(?:d|fully)? clos\w*|terminate|destroy|without (?:a )?restart\w*|can'?t close|cannot close)\b|\bhow (?:to |do i |can i |do we |can we )?(?:close|remove|drop)\b/i,
  ],
  [
    'reduce',
    /\b(?:reduce[sd]?|reducing|decrease|lower(?:ing)?|shorten|minimi[sz]e|limit(?:ing)?|tun(?:e|ing))\b/i,
  ],
  ['why', /\b(?:why|reason|cause[sd]?|what causes)\b/i],
  [
    'what',
    /\b(?:what (?:is|are|does|exactly|'?s)|what'?s|explain|meaning|mean|definition|understand)\b/i,
  ],
  ['how', /\bhow (?:does|do|is|are)\b.*\bwork|\bhow (?:does )?tcp\b/i],
  ['compare', /\b(?:difference|differences|vs\.?|versus|compared?)\b/i],
  [
    'many',
    /\b(?:many|lots?|a lot|hundreds|thousands|tons|huge|numerous|massive|large (?:number|amount|volume)|high (?:number|count)|pile\w*|build(?:s|ing)? up|accumulat\w*|increas\w*|growing)\b/i,
  ],
  [
    'stuck',
    /\b(?:stuck|hang(?:s|ing)?|hung|never (?:go(?:es)? away|clos\w*|end)|won'?t go away|not going away|perpetual|forever|left in)\b/i,
  ],
  [
    'check',
    /\b(?:check|detect|find|investigate|diagnos\w*|monitor|identify|troubleshoot\w*|which (?:process|app|program)|who owns)\b/i,
  ],
];

/** Records what the question asks for (fix it, clear it now, reduce, why, what is...). */
export const detectIntents: Stage = (draft) => {
  for (const [intent, re] of INTENTS) if (re.test(draft.text)) draft.intents.add(intent);
};
