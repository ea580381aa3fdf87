// Reading a large stream or file shares the byte scanning with a worker thread; the Snapshot
// must be the same as reading it all on this thread, and the worker must really be used.
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a plain .mjs script without typings (the benchmark's generator).
import { generateListing } from '../../bench/generate.mjs';
import { readLargeFile, readStream, SocketTableReader } from '../../src/netstat/index.js';
import { ScanPipeline } from '../../src/netstat/scanPipeline.js';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tcp-triage-pipeline-'));
  file = join(dir, 'listing.txt');
  await generateListing(file, 30_000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The listing as a stream of small chunks, so many cross the thread boundary. */
const open = () => createReadStream(file, { highWaterMark: 1 << 14 });

describe('scan pipeline', () => {
  it('gives the same Snapshot with the worker as without it', async () => {
    const start = vi.spyOn(ScanPipeline, 'start');
    const here = await readStream(open(), undefined, { scanOn: 'here' });
    expect(start).not.toHaveBeenCalled();
    const pipelined = await readStream(open(), undefined, {
      scanOn: 'worker',
      chunksInFlight: 2,
      batchBytes: 1 << 14,
    });
    expect(start).toHaveBeenCalledTimes(1);
    const pipeline = start.mock.results[0]?.value as ScanPipeline | undefined;
    expect(pipeline?.ready).toBe(true);
    start.mockRestore();
    expect(here.total).toBe(30_000);
    expect(pipelined).toEqual(here);
    // And both equal the TypeScript reader reading every line as text.
    const text = new SocketTableReader({}, { byteScanner: false });
    for await (const chunk of open()) text.push((chunk as Buffer).toString('latin1'));
    expect(here).toEqual(text.end());
  });

  it('returns records for what it is sent, bytes intact, in order', async () => {
    const pipeline = ScanPipeline.start();
    expect(pipeline).toBeDefined();
    const p = pipeline as ScanPipeline;
    try {
      const rows = ['tcp 0 0 10.0.0.1:22 10.0.0.2:5555 ESTABLISHED -', 'not a row'];
      const sent = rows.map((r) => Buffer.from(`${r}\n`));
      const got = await Promise.all(sent.map((b) => p.scan(b, 0, b.length)));
      expect(got.map((g) => Buffer.from(g.bytes).toString())).toEqual(rows.map((r) => `${r}\n`));
      expect(got.map((g) => g.records[0])).toEqual([1, 0]); // a row, then a text span
    } finally {
      p.close();
    }
  });
});

describe('readLargeFile', () => {
  /** The reference: the same file as a stream of the same chunk size, all on this thread. */
  const streamed = (path: string, chunk: number) =>
    readStream(createReadStream(path, { highWaterMark: chunk }), undefined, { scanOn: 'here' });

  it('gives the same Snapshot as a stream, with and without the worker, chunks cut mid-line', async () => {
    const size = statSync(file).size;
    const reference = await streamed(file, 1 << 12);
    const alone = readLargeFile(file, size, undefined, { chunkBytes: 1 << 12, window: 3 });
    expect(alone).toEqual(reference);
    const pipeline = ScanPipeline.start();
    try {
      await vi.waitUntil(() => pipeline?.ready, { timeout: 10_000 });
      const report = { chunks: 0, byWorker: 0 };
      const shared = readLargeFile(file, size, undefined, {
        pipeline,
        chunkBytes: 1 << 12,
        window: 3,
        report,
      });
      expect(shared).toEqual(reference);
      expect(report.chunks).toBe(Math.ceil(size / (1 << 12)));
      expect(report.byWorker).toBeGreaterThan(0); // the worker really took part
    } finally {
      pipeline?.close();
    }
  });

  it('joins a line longer than several chunks, and a last line without a newline', async () => {
    const path = join(dir, 'long-lines.txt');
    const row =
      'tcp        0      0 10.0.0.1:22             10.0.0.2:5555           ESTABLISHED 1/sshd';
    writeFileSync(path, `${row}\n${'x'.repeat(10_000)} ${row}\n${row}\n${row}`);
    const size = statSync(path).size;
    const pipeline = ScanPipeline.start();
    try {
      const s = readLargeFile(path, size, undefined, { pipeline, chunkBytes: 1 << 10, window: 2 });
      expect(s.counts.ESTABLISHED).toBe(3);
      expect(s).toEqual(await streamed(path, 1 << 10));
    } finally {
      pipeline?.close();
    }
  });
});
