import { parentPort, workerData } from 'node:worker_threads';
import { RowScanner } from './rowScanner.js';
import type { ScanRequest, ScanResult } from './scanPipeline.js';

// Worker side of ScanPipeline: scans the whole lines it is sent and returns their records
// together with the bytes (both transferred, not copied).
const scanner = RowScanner.shared();
const port = parentPort;
/** Finished requests, shared with the pipeline so it can see progress while it is busy. */
const done = workerData as Int32Array;
if (port !== null) {
  port.on('message', (m: ScanRequest) => {
    if (scanner === undefined) throw new Error('the row scanner module is missing');
    const records = scanner.scanLines(m.bytes, m.a, m.e);
    const reply: ScanResult = { bytes: m.bytes, records };
    port.postMessage(reply, [m.bytes.buffer as ArrayBuffer, records.buffer as ArrayBuffer]);
    Atomics.add(done, 0, 1);
  });
  port.postMessage('ready');
}
