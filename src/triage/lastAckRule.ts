import type { Rule } from './rule.js';
import { evaluateUnackedFin } from './unackedFin.js';

/** LAST_ACK: the peer closed, we closed, and our FIN is not acknowledged. */
export const LastAckRule: Rule = {
  id: 'last-ack-pileup',
  evaluate: (snapshot, ctx) => evaluateUnackedFin('last-ack-pileup', 'LAST_ACK', snapshot, ctx),
};
