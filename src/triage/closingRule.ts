import type { Rule } from './rule.js';
import { evaluateUnackedFin } from './unackedFin.js';

/** CLOSING: a simultaneous close whose final ACKs are lost. */
export const ClosingRule: Rule = {
  id: 'closing-pileup',
  evaluate: (snapshot, ctx) => evaluateUnackedFin('closing-pileup', 'CLOSING', snapshot, ctx),
};
