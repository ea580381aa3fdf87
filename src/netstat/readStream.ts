import { SocketTableReader } from './reader.js';
import { ScanPipeline, type ScanResult } from './scanPipeline.js';
import type { Snapshot } from './snapshot.js';
import type { SnapshotLimits } from './snapshotBuilder.js';

/** Options of `readStream`. */
export interface ReadStreamOptions {
  /**
   * Where rows are scanned: `auto` starts a worker thread for a large input and shares the
   * scanning with it once it is up; `worker` sends every chunk to it, from the first byte;
   * `here` never starts one.
   */
  scanOn: 'auto' | 'worker' | 'here';
  /** With `auto`: start the worker once this many bytes have been read. */
  workerAfterBytes: number;
  /** Chunks at most waiting at the worker; past it, chunks are scanned on this thread. */
  workerQueue: number;
  /** Scanned chunks at most waiting to be folded (bounds memory). */
  chunksInFlight: number;
  /** Small chunks (a pipe gives 64 KB) are gathered up to this size before they are read. */
  batchBytes: number;
}

export const DEFAULT_READ_STREAM_OPTIONS: Readonly<ReadStreamOptions> = Object.freeze({
  scanOn: 'auto',
  workerAfterBytes: ScanPipeline.WORTH_IT_BYTES,
  workerQueue: 4,
  chunksInFlight: 6,
  batchBytes: 1 << 19,
});

/** A scanned run of lines waiting to be folded, in input order. */
interface Scanned {
  result?: ScanResult;
  pending?: Promise<ScanResult>;
}

/**
 * Reads a stream (a file, stdin) chunk by chunk into a Snapshot, in bounded memory. On a
 * large input a worker thread shares the byte scanning: chunks go to it while it keeps up,
 * the rest are scanned here, and every chunk is folded here, in input order.
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
  const queue: Scanned[] = [];
  const fold = (r: ScanResult): void =>
    reader.takeRecords(
      Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength),
      r.records,
    );
  /** Folds what is ready at the head of the queue; with `wait`, waits for the head first. */
  const foldReady = async (wait: boolean): Promise<void> => {
    for (let head = queue[0]; head !== undefined; head = queue[0]) {
      if (head.result === undefined) {
        if (!wait) return;
        head.result = await head.pending;
      }
      queue.shift();
      fold(head.result as ScanResult);
      wait = false;
    }
  };
  /** Reads one batch of bytes: here, or (a large input) sharing the scanning with the worker. */
  const take = async (bytes: Buffer): Promise<void> => {
    seen += bytes.length;
    const large = seen > opts.workerAfterBytes;
    const wanted = opts.scanOn === 'worker' || (opts.scanOn === 'auto' && large);
    if (pipeline === undefined && wanted && reader.scans) pipeline = ScanPipeline.start();
    const p = pipeline;
    if (p === undefined || (opts.scanOn === 'auto' && !p.ready && queue.length === 0)) {
      reader.pushBytes(bytes); // no worker (yet): read it here, now
      return;
    }
    reader.wholeLines(bytes, (b, a, e) => {
      if (opts.scanOn === 'worker' || (p.ready && p.outstanding < opts.workerQueue)) {
        const item: Scanned = { pending: p.scan(b, a, e) };
        // Noted when it arrives; a failure is thrown where it is awaited, in foldReady.
        item.pending?.then(
          (r) => {
            item.result = r;
          },
          () => {},
        );
        queue.push(item);
      } else {
        queue.push({ result: reader.scanRecords(b, a, e) });
      }
    });
    await foldReady(queue.length > opts.chunksInFlight);
  };
  try {
    const gathered: Buffer[] = [];
    let gatheredBytes = 0;
    // Strings arrive as real text; re-encode them so the reader always sees UTF-8 bytes.
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      gathered.push(bytes);
      gatheredBytes += bytes.length;
      if (gatheredBytes < opts.batchBytes) continue;
      await take(gathered.length === 1 ? bytes : Buffer.concat(gathered, gatheredBytes));
      gathered.length = 0;
      gatheredBytes = 0;
    }
    if (gatheredBytes > 0) await take(Buffer.concat(gathered, gatheredBytes));
    while (queue.length > 0) await foldReady(true);
  } finally {
    pipeline?.close();
  }
  return reader.end();
}
