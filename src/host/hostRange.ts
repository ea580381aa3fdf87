import type { EphemeralRange } from '../triage/thresholds.js';

const BUCKETS = [49152, 32768, 10000, 1024] as const;

/** The host's ip_local_port_range as the triage rules' EphemeralRange. */
export function hostEphemeralRange(first: number, last: number): EphemeralRange {
  // The reader counts local ports at or above fixed bounds; take the nearest one below `first`.
  const bucket = BUCKETS.find((b) => b <= first) ?? 1024;
  return Object.freeze({
    first,
    last,
    size: last - first + 1,
    bucket,
    source: `ip_local_port_range ${first}-${last} in force on this host`,
  });
}
