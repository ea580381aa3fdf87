import type { InputFormat, OsFamily } from '../netstat/snapshot.js';
import type { StateCounts, TcpState } from '../netstat/states.js';

export type Severity = 'ok' | 'warn' | 'critical';

/** Finding ids (DESIGN.md contract). */
export type FindingId =
  | 'close-wait-pileup'
  | 'time-wait-pileup'
  | 'port-exhaustion'
  | 'fin-wait-1-pileup'
  | 'fin-wait-2-pileup'
  | 'syn-received-flood'
  | 'syn-sent-pileup'
  | 'last-ack-pileup'
  | 'closing-pileup'
  | 'established-high'
  | 'closed-leak';

/** One thing that is wrong (or notable), with the numbers, the culprit, and what to do. */
export interface Finding {
  id: FindingId;
  severity: Severity;
  state: TcpState;
  title: string;
  evidence: string;
  cause: string;
  next: string[];
  caveats: string[];
  /** KB article ids that explain it. */
  kb: string[];
  /** Used to order findings of equal severity; larger first. */
  weight: number;
}

/** The verdict on one Snapshot; its JSON form is the `triage --json` contract. */
export interface Verdict {
  format: InputFormat;
  os: OsFamily;
  counts: StateCounts;
  total: number;
  severity: Severity;
  /** One line: what is wrong and who is responsible, or that the table looks healthy. */
  headline: string;
  findings: Finding[];
  warnings: string[];
}
