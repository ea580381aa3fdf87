import { parentPort, workerData } from 'node:worker_threads';
import { claimChunks, type FileJob } from './fileChunks.js';
import { RowScanner } from './rowScanner.js';
import type { ScanRequest, ScanResult } from './scanPipeline.js';

// Worker side of ScanPipeline. A ScanRequest: scan the whole lines sent and return their
// records with the bytes (both moved, not copied). A FileJob: claim, read and scan chunks
// of a file alongside the folding thread until none is left.
const scanner = RowScanner.shared();
const port = parentPort;
/** Finished requests, shared with the pipeline so it can see progress while it is busy. */
const done = workerData as Int32Array;
if (port !== null) {
  port.on('message', (m: ScanRequest | FileJob) => {
    if (scanner === undefined) throw new Error('the row scanner module is missing');
    if ('type' in m) {
      claimChunks(m, scanner);
      return;
    }
    const records = scanner.scanLines(m.bytes, m.a, m.e);
    const reply: ScanResult = { bytes: m.bytes, records };
    port.postMessage(reply, [m.bytes.buffer as ArrayBuffer, records.buffer as ArrayBuffer]);
    Atomics.add(done, 0, 1);
  });
  port.postMessage('ready');
}
