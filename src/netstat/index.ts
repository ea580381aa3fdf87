import { SocketTableReader } from './reader.js';
import type { Snapshot } from './snapshot.js';
import type { SnapshotLimits } from './snapshotBuilder.js';

export { SocketTableReader } from './reader.js';
export {
  DEFAULT_READ_LARGE_FILE_OPTIONS,
  type ReadLargeFileOptions,
  readLargeFile,
} from './readLargeFile.js';
export { DEFAULT_READ_STREAM_OPTIONS, type ReadStreamOptions, readStream } from './readStream.js';
export type { Snapshot } from './snapshot.js';
export { SnapshotBuilder } from './snapshotBuilder.js';

/** Reads a whole text (a chat paste) into a Snapshot. */
export function readText(text: string, limits?: Partial<SnapshotLimits>): Snapshot {
  const reader = new SocketTableReader(limits);
  reader.pushBytes(Buffer.from(text, 'utf8'));
  return reader.end();
}

/**
 * True when a Snapshot found nothing TCP-like in its input: no socket row, no summary or
 * count line (a summary of zeros, or a count of rows in any state, is something), no series.
 */
export function isEmptySnapshot(snapshot: Snapshot): boolean {
  return (
    snapshot.total === 0 &&
    snapshot.series.length === 0 &&
    snapshot.lines.records === 0 &&
    (snapshot.skippedBy.count ?? 0) === 0
  );
}

/**
 * Cheap check used to route chat messages: does this text contain a socket table, a count
 * summary or a counted series? (Reads it; chat input is capped in size before this.)
 */
export function looksLikeSocketTable(text: string): boolean {
  if (text.length === 0) return false;
  return !isEmptySnapshot(readText(text));
}
