import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FileJob } from './fileChunks.js';

/** A run of whole lines sent to the worker: bytes[a, e). */
export interface ScanRequest {
  bytes: Uint8Array;
  a: number;
  e: number;
}

/** The worker's answer: the same bytes, and the scanner's records for them. */
export interface ScanResult {
  bytes: Uint8Array;
  records: Int32Array;
}

/** Where the worker script is: beside this module in the build, in dist/ when running sources. */
const WORKER_CANDIDATES = ['./scanWorker.js', '../../dist/src/netstat/scanWorker.js'];

/**
 * Runs the WebAssembly row scanner on a worker thread, so that on a large input the next
 * chunk is scanned while this thread folds the previous one. Results come back in the order
 * the chunks were sent (one worker, one queue).
 */
export class ScanPipeline {
  /** Below this many bytes, reading takes less than starting a worker (~70-140 ms). */
  static readonly WORTH_IT_BYTES = 4 << 20;

  private readonly worker: Worker;
  private readonly waiting: {
    resolve: (r: ScanResult) => void;
    reject: (e: Error) => void;
  }[] = [];
  private failure: Error | undefined;
  /** True once the worker has loaded the scanner and answers. */
  ready = false;
  /** Requests the worker has finished, counted by the worker itself (seen without waiting for its messages). */
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private sent = 0;

  /** Requests sent that the worker has not finished yet. */
  get outstanding(): number {
    return this.sent - Atomics.load(this.done, 0);
  }

  private constructor(file: URL) {
    this.worker = new Worker(file, { workerData: this.done });
    this.worker.on('message', (m: ScanResult | 'ready') => {
      if (m === 'ready') {
        this.ready = true;
        return;
      }
      const next = this.waiting.shift();
      next?.resolve({ bytes: m.bytes, records: m.records });
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => {
      if (this.waiting.length > 0) this.fail(new Error(`the scan worker exited (${code})`));
    });
  }

  /** Starts a pipeline, or returns undefined when the worker script is not built. */
  static start(): ScanPipeline | undefined {
    for (const rel of WORKER_CANDIDATES) {
      const file = new URL(rel, import.meta.url);
      if (existsSync(file)) return new ScanPipeline(file);
    }
    return undefined;
  }

  /** Sends bytes[a, e) (whole lines) to the worker; the bytes are moved there and back. */
  scan(bytes: Uint8Array, a: number, e: number): Promise<ScanResult> {
    if (this.failure) return Promise.reject(this.failure);
    // Only a buffer that owns all of its memory can be moved; anything else is copied first.
    const owned =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? bytes
        : new Uint8Array(bytes.subarray(a, e));
    const shift = owned === bytes ? 0 : a;
    const request: ScanRequest = { bytes: owned, a: a - shift, e: e - shift };
    return new Promise<ScanResult>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.sent++;
      this.worker.postMessage(request, [owned.buffer as ArrayBuffer]);
    });
  }

  /** Has the worker claim, read and scan chunks of a file (see readLargeFile). */
  shareFile(job: FileJob): void {
    this.worker.postMessage(job, [job.port]);
  }

  /** Stops the worker. */
  close(): void {
    void this.worker.terminate();
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}
