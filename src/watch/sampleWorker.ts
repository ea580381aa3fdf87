/** The worker thread of WorkerSampler: takes one host sample per message. */
import { parentPort } from 'node:worker_threads';
import { sampleHost } from '../host/sampleHost.js';

parentPort?.on('message', () => {
  sampleHost().then(
    (sample) => parentPort?.postMessage({ sample }),
    (e: unknown) => parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
