import type { Rule } from './rule.js';
import { evaluateUnackedFin } from './unackedFin.js';

/** FIN_WAIT_1: this host sent its FIN and the peer has not acknowledged it. */
export const FinWait1Rule: Rule = {
  id: 'fin-wait-1-pileup',
  evaluate: (snapshot, ctx) => evaluateUnackedFin('fin-wait-1-pileup', 'FIN_WAIT_1', snapshot, ctx),
};
