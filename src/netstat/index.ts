import { SocketTableReader } from './reader.js';
import { ScanPipeline, type ScanResult } from './scanPipeline.js';
import type { Snapshot } from './snapshot.js';
import type { SnapshotLimits } from './snapshotBuilder.js';

export { SocketTableReader } from './reader.js';
export type { Snapshot } from './snapshot.js';
export { SnapshotBuilder } from './snapshotBuilder.js';

/** Reads a whole text (a chat paste) into a Snapshot. */
export function readText(text: string, limits?: Partial<SnapshotLimits>): Snapshot {
  const reader = new SocketTableReader(limits);
  reader.pushBytes(Buffer.from(text, 'utf8'));
  return reader.end();
}

/** Options of `readStream`. */
export interface ReadStreamOptions {
  /** Bytes read on this thread before the scanning moves to a worker; Infinity for never. */
  workerAfterBytes: number;
  /** Chunks at most at the worker or waiting to be folded (bounds memory). */
  chunksInFlight: number;
}

export const DEFAULT_READ_STREAM_OPTIONS: Readonly<ReadStreamOptions> = Object.freeze({
  // Below a few MB the whole read takes less than starting a worker.
  workerAfterBytes: 4 << 20,
  chunksInFlight: 4,
});

/**
 * Reads a stream (a file, stdin) chunk by chunk into a Snapshot, in bounded memory. On a
 * large input the byte scanning moves to a worker thread, which scans the next chunks while
 * this thread folds the previous ones, in input order.
 */
export async function readStream(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer | string>,
  limits?: Partial<SnapshotLimits>,
  options: Partial<ReadStreamOptions> = {},
): Promise<Snapshot> {
  const opts = { ...DEFAULT_READ_STREAM_OPTIONS, ...options };
  const reader = new SocketTableReader(limits);
  let pipeline: ScanPipeline | undefined;
  let seen = 0;
  const inFlight: Promise<ScanResult>[] = [];
  const fold = (r: ScanResult): void =>
    reader.takeRecords(
      Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength),
      r.records,
    );
  try {
    // Strings arrive as real text; re-encode them so the reader always sees UTF-8 bytes.
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      seen += bytes.length;
      if (pipeline === undefined && seen > opts.workerAfterBytes && reader.scans) {
        pipeline = ScanPipeline.start();
      }
      // Until the worker is up, keep reading here; from then on, everything goes through it.
      const p = pipeline;
      if (p === undefined || (!p.ready && inFlight.length === 0)) {
        reader.pushBytes(bytes);
        continue;
      }
      reader.wholeLines(bytes, (b, a, e) => {
        const scanned = p.scan(b, a, e);
        scanned.catch(() => {}); // awaited below; this only stops an early failure being "unhandled"
        inFlight.push(scanned);
      });
      while (inFlight.length > opts.chunksInFlight)
        fold(await (inFlight.shift() as Promise<ScanResult>));
    }
    for (const r of inFlight.splice(0)) fold(await r);
  } finally {
    pipeline?.close();
  }
  return reader.end();
}

/** True when a Snapshot found nothing TCP-like in its input. */
export function isEmptySnapshot(snapshot: Snapshot): boolean {
  return snapshot.total === 0 && snapshot.series.length === 0;
}

/**
 * Cheap check used to route chat messages: does this text contain a socket table, a count
 * summary or a counted series? (Reads it; chat input is capped in size before this.)
 */
export function looksLikeSocketTable(text: string): boolean {
  if (text.length === 0) return false;
  return !isEmptySnapshot(readText(text));
}
