/** Canonical TCP state names (RFC 9293 spellings, underscores), the keys of every count table. */
export const TCP_STATES = [
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
] as const;

export type TcpState = (typeof TCP_STATES)[number];

export type StateCounts = Record<TcpState, number>;

/** A count table with every canonical state at zero. */
export function emptyCounts(): StateCounts {
  const counts = {} as StateCounts;
  for (const s of TCP_STATES) counts[s] = 0;
  return counts;
}
