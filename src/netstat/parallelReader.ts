import { Worker } from 'node:worker_threads';
import type { ReaderPartial } from './reader.js';
import { SocketTableReader } from './reader.js';
import type { Snapshot } from './snapshot.js';
import type { SnapshotLimits } from './snapshotBuilder.js';

/** When and how a large input is shared with a worker thread. */
export interface ParallelOptions {
  /** Bytes read on this thread alone before a worker is started (small inputs never start one). */
  afterBytes: number;
  /** Chunks the worker may have queued before this thread reads the next one itself. */
  maxQueued: number;
}

export const DEFAULT_PARALLEL_OPTIONS: Readonly<ParallelOptions> = Object.freeze({
  afterBytes: 8 << 20,
  maxQueued: 2,
});

/** Longest partial line kept between chunks; a longer one is handed to the reader, which cuts it. */
const MAX_CARRY = 1 << 20;

/**
 * Reads a stream like `readStream`, on two threads once it is large: this thread cuts the
 * input at line boundaries, reads every other chunk itself and posts the rest to one worker
 * (at most `maxQueued` waiting, so memory stays bounded), then merges the worker's bounded
 * aggregates. The worker starts with this thread's context (section, command line), so both
 * read rows the same way. Counts are exact; a continuation line that lands in the other
 * thread's chunk (a wrapped `ss` record) keeps its count but loses its addresses.
 */
export async function readStreamParallel(
  input: AsyncIterable<Buffer | string>,
  limits: Partial<SnapshotLimits> = {},
  options: Partial<ParallelOptions> = {},
): Promise<Snapshot> {
  const opts = { ...DEFAULT_PARALLEL_OPTIONS, ...options };
  const reader = new SocketTableReader(limits);
  let carry: Buffer | undefined;
  let seen = 0;
  let worker: Worker | undefined;
  let queued = 0;
  let turn = 0;
  let failure: Error | undefined;
  let done: ((p: ReaderPartial) => void) | undefined;
  const finished = new Promise<ReaderPartial>((resolve) => {
    done = resolve;
  });

  const startWorker = (): Worker => {
    const w = new Worker(new URL('./readerWorker.js', import.meta.url), {
      workerData: { limits, context: reader.context() },
    });
    w.on('message', (msg: { type: 'ack' } | { type: 'done'; partial: ReaderPartial }) => {
      if (msg.type === 'ack') queued--;
      else done?.(msg.partial);
    });
    w.on('error', (e) => {
      failure = e;
    });
    return w;
  };

  for await (const chunk of input) {
    if (failure) throw failure;
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    seen += buf.length;
    const data = carry ? Buffer.concat([carry, buf]) : buf;
    const nl = data.lastIndexOf(10);
    if (nl < 0) {
      carry = data;
      if (carry.length > MAX_CARRY) {
        reader.push(carry.toString('latin1'));
        carry = undefined;
      }
      continue;
    }
    carry = nl + 1 < data.length ? Buffer.from(data.subarray(nl + 1)) : undefined;
    const job = data.subarray(0, nl + 1);
    if (worker === undefined && seen > opts.afterBytes) worker = startWorker();
    if (worker !== undefined && queued < opts.maxQueued && turn++ % 2 === 1) {
      const bytes = new Uint8Array(job.byteLength);
      bytes.set(job);
      queued++;
      worker.postMessage({ type: 'chunk', bytes }, [bytes.buffer]);
    } else {
      reader.push(job.toString('latin1'));
    }
  }
  if (carry) reader.push(carry.toString('latin1'));
  if (worker !== undefined) {
    worker.postMessage({ type: 'end' });
    const w = worker;
    const stopped = new Promise<never>((_, reject) => {
      w.once('exit', () => reject(failure ?? new Error('the reader worker stopped early')));
    });
    const partial = await Promise.race([finished, stopped]);
    await worker.terminate();
    if (failure) throw failure;
    reader.absorb(partial);
  }
  return reader.end();
}
