import { closeSync, openSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { chunkCount, type FileChunks, type ScannedChunk, SHARED, scanChunk } from './fileChunks.js';
import { SocketTableReader } from './reader.js';
import { RowScanner } from './rowScanner.js';
import type { ScanPipeline } from './scanPipeline.js';
import type { Snapshot } from './snapshot.js';
import type { SnapshotLimits } from './snapshotBuilder.js';

/** Options of `readLargeFile`. */
export interface ReadLargeFileOptions {
  /** A worker to share the reading and scanning with; without one this thread does it all. */
  pipeline: ScanPipeline | undefined;
  /** Bytes per chunk. */
  chunkBytes: number;
  /** Chunks at most read ahead of the folding (bounds memory: about 1 MB each). */
  window: number;
  /** How long to wait for the worker's next chunk before giving up, in ms. */
  stallMs: number;
  /** When given, filled with how many chunks there were and how many the worker read. */
  report: { chunks: number; byWorker: number } | undefined;
}

export const DEFAULT_READ_LARGE_FILE_OPTIONS: Readonly<ReadLargeFileOptions> = Object.freeze({
  pipeline: undefined,
  chunkBytes: 1 << 19,
  window: 8,
  stallMs: 30_000,
  report: undefined,
});

/**
 * Reads a large regular file of `size` bytes into a Snapshot with two threads: this one and
 * the pipeline's worker each claim the next chunk, read it at its offset and scan it; this
 * one folds the chunks in order, joining the lines cut at chunk edges. The result is the
 * same as `readStream` over the same chunks. Synchronous: it blocks this thread until done.
 */
export function readLargeFile(
  path: string,
  size: number,
  limits?: Partial<SnapshotLimits>,
  options: Partial<ReadLargeFileOptions> = {},
): Snapshot {
  const opts = { ...DEFAULT_READ_LARGE_FILE_OPTIONS, ...options };
  const reader = new SocketTableReader(limits);
  const scanner = RowScanner.shared();
  const fd = openSync(path, 'r');
  try {
    const file: FileChunks = { fd, size, chunkBytes: opts.chunkBytes };
    const n = chunkCount(file);
    if (opts.report) opts.report.chunks = n;
    const shared = new Int32Array(new SharedArrayBuffer(SHARED.LENGTH * 4));
    const { port1, port2 } = new MessageChannel();
    if (opts.pipeline && scanner && reader.scans) {
      opts.pipeline.shareFile({
        type: 'file',
        path,
        size,
        chunkBytes: opts.chunkBytes,
        window: opts.window,
        shared,
        port: port2,
      });
    }
    const ready = new Map<number, ScannedChunk>();
    let next = 0;
    while (next < n) {
      // Read the count before draining: a chunk posted after this is seen by the wait below.
      const posted = Atomics.load(shared, SHARED.POSTED);
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const c = m.message as ScannedChunk;
        ready.set(c.k, c);
        if (opts.report) opts.report.byWorker++;
      }
      const c = ready.get(next);
      if (c !== undefined) {
        ready.delete(next);
        foldChunk(reader, c);
        next++;
        Atomics.store(shared, SHARED.FOLDED, next);
        Atomics.notify(shared, SHARED.FOLDED);
        continue;
      }
      // The next chunk is not here yet: read one ourselves, or wait for the worker's.
      if (Atomics.load(shared, SHARED.CLAIM) - next < opts.window) {
        const k = Atomics.add(shared, SHARED.CLAIM, 1);
        if (k < n) {
          ready.set(k, scanChunk(file, k, scanner));
          continue;
        }
      }
      if (Atomics.load(shared, SHARED.FAILED) !== 0) throw new Error('the scan worker failed');
      if (Atomics.wait(shared, SHARED.POSTED, posted, opts.stallMs) === 'timed-out') {
        throw new Error('the scan worker stopped answering');
      }
    }
    port1.close();
  } finally {
    closeSync(fd);
  }
  return reader.end();
}

/** Folds a chunk: its head completes the line carried over, its records, then its tail is carried. */
function foldChunk(reader: SocketTableReader, c: ScannedChunk): void {
  const bytes = Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength);
  reader.pushBytes(bytes.subarray(0, c.headEnd));
  if (c.records) reader.takeRecords(bytes, c.records);
  if (c.tailStart < bytes.length) reader.pushBytes(bytes.subarray(c.tailStart));
}
