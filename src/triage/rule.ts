import type { Snapshot } from '../netstat/snapshot.js';
import type { RuleContext } from './context.js';
import type { Finding, FindingId } from './verdict.js';

/** One triage rule: reads a Snapshot and returns a Finding with its id, or nothing. */
export interface Rule {
  readonly id: FindingId;
  evaluate(snapshot: Snapshot, context: RuleContext): Finding | undefined;
}
