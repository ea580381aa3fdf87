import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { type HostSample, sampleHost } from '../host/sampleHost.js';

/** Where the worker script is: beside this module in the build, in dist/ when running sources. */
const WORKER_CANDIDATES = ['./sampleWorker.js', '../../dist/src/watch/sampleWorker.js'];

/** Takes host samples; `close` releases what it holds. */
export interface Sampler {
  sample(): Promise<HostSample>;
  close(): Promise<void>;
}

/**
 * Samples on a worker thread, so that reading a large socket table never holds up the event
 * loop the chat adapters share with `watch`. One sample at a time: a call waits for the last.
 */
class WorkerSampler implements Sampler {
  private readonly worker: Worker;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: URL) {
    this.worker = new Worker(file);
    this.worker.unref();
  }

  sample(): Promise<HostSample> {
    const next = this.queue.then(
      () =>
        new Promise<HostSample>((resolve, reject) => {
          const onMessage = (m: { sample?: HostSample; error?: string }) => {
            this.worker.off('error', onError);
            if (m.sample) resolve(m.sample);
            else reject(new Error(m.error ?? 'the sampler stopped'));
          };
          const onError = (e: Error) => {
            this.worker.off('message', onMessage);
            reject(e);
          };
          this.worker.once('message', onMessage);
          this.worker.once('error', onError);
          this.worker.postMessage('sample');
        }),
    );
    this.queue = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A sampler on a worker thread when the worker is built, else on this thread. */
export function createSampler(): Sampler {
  for (const rel of WORKER_CANDIDATES) {
    const file = new URL(rel, import.meta.url);
    if (existsSync(file)) return new WorkerSampler(file);
  }
  return { sample: () => sampleHost(), close: async () => {} };
}
