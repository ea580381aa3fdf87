/**
 * A worker thread that reads its share of a large input (line-aligned chunks posted by
 * `readStreamParallel`) and posts back its bounded aggregates when told the input ended.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ReaderContext, SocketTableReader } from './reader.js';
import type { SnapshotLimits } from './snapshotBuilder.js';

const { limits, context } = workerData as {
  limits: Partial<SnapshotLimits>;
  context: ReaderContext;
};
const reader = new SocketTableReader(limits, context);

parentPort?.on('message', (msg: { type: 'chunk'; bytes: Uint8Array } | { type: 'end' }) => {
  if (msg.type === 'chunk') {
    reader.push(
      Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength).toString('latin1'),
    );
    parentPort?.postMessage({ type: 'ack' });
  } else {
    parentPort?.postMessage({ type: 'done', partial: reader.partial() });
  }
});
