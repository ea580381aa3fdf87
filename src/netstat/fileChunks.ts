import { closeSync, openSync, readSync } from 'node:fs';
import type { RowScanner } from './rowScanner.js';

/**
 * A file read as fixed-size chunks by index, so that two threads can each claim, read and
 * scan chunks while one of them folds the results in order (see readLargeFile).
 */
export interface FileChunks {
  fd: number;
  /** Bytes of the file taken as its extent (its size when opened). */
  size: number;
  chunkBytes: number;
}

/** Chunk k as read and scanned: a partial first line, scanned whole lines, a partial last line. */
export interface ScannedChunk {
  k: number;
  bytes: Uint8Array;
  /** bytes[0, headEnd) ends the line begun in the chunks before (through its newline). */
  headEnd: number;
  /** bytes[tailStart, bytes.length) begins a line that goes on in the chunks after. */
  tailStart: number;
  /** The scanner's records for bytes[headEnd, tailStart), or undefined when there is none. */
  records: Int32Array | undefined;
}

/** How many chunks the file has. */
export function chunkCount(f: FileChunks): number {
  return Math.ceil(f.size / f.chunkBytes);
}

/**
 * Reads and scans chunk k. A chunk without a newline is all head (a line longer than a
 * chunk); without a scanner, every chunk is (the reader then reads it all as text).
 */
export function scanChunk(f: FileChunks, k: number, scanner: RowScanner | undefined): ScannedChunk {
  const start = k * f.chunkBytes;
  const want = Math.min(f.chunkBytes, f.size - start);
  // Its own memory (not from Node's pool), so that it can be moved between threads.
  const buf = Buffer.allocUnsafeSlow(want);
  let got = 0;
  while (got < want) {
    const n = readSync(f.fd, buf, got, want - got, start + got);
    if (n === 0) break; // the file shrank: what is gone is not read
    got += n;
  }
  const bytes = buf.subarray(0, got);
  const first = scanner === undefined ? -1 : bytes.indexOf(10);
  if (scanner === undefined || first < 0)
    return { k, bytes, headEnd: got, tailStart: got, records: undefined };
  const headEnd = first + 1;
  const tailStart = bytes.lastIndexOf(10) + 1;
  const records = tailStart > headEnd ? scanner.scanLines(bytes, headEnd, tailStart) : undefined;
  return { k, bytes, headEnd, tailStart, records };
}

/** Cells of the memory the two threads share while reading a file. */
export const SHARED = Object.freeze({
  /** The next chunk index to claim. */
  CLAIM: 0,
  /** Chunks folded so far (the folding thread moves it; the helper waits on it). */
  FOLDED: 1,
  /** Chunks the helper has posted (the folding thread waits on it). */
  POSTED: 2,
  /** Set when the helper failed. */
  FAILED: 3,
  LENGTH: 4,
});

/** What the folding thread sends the helper: claim chunks of this file and post them to `port`. */
export interface FileJob {
  type: 'file';
  path: string;
  size: number;
  chunkBytes: number;
  /** Chunks at most claimed ahead of the folding (bounds memory). */
  window: number;
  shared: Int32Array;
  port: import('node:worker_threads').MessagePort;
}

/** The helper's side of a FileJob: claims, reads and scans chunks until none is left. */
export function claimChunks(job: FileJob, scanner: RowScanner): void {
  const s = job.shared;
  const fd = openSync(job.path, 'r');
  const f: FileChunks = { fd, size: job.size, chunkBytes: job.chunkBytes };
  const n = chunkCount(f);
  try {
    for (;;) {
      const k = Atomics.add(s, SHARED.CLAIM, 1);
      if (k >= n) return;
      for (
        let folded = Atomics.load(s, SHARED.FOLDED);
        k - folded >= job.window;
        folded = Atomics.load(s, SHARED.FOLDED)
      ) {
        Atomics.wait(s, SHARED.FOLDED, folded, 50);
      }
      const c = scanChunk(f, k, scanner);
      const moved: ArrayBuffer[] = [c.bytes.buffer as ArrayBuffer];
      if (c.records) moved.push(c.records.buffer as ArrayBuffer);
      job.port.postMessage(c, moved);
      Atomics.add(s, SHARED.POSTED, 1);
      Atomics.notify(s, SHARED.POSTED);
    }
  } catch (e) {
    Atomics.store(s, SHARED.FAILED, 1);
    Atomics.notify(s, SHARED.POSTED);
    throw e;
  } finally {
    closeSync(fd);
  }
}
