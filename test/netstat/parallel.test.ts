// The two-thread reader must give the same Snapshot as the one-thread reader. It runs the
// compiled worker (dist/), which `npm test` builds before vitest starts.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS benchmark helper without types
import { generateListing } from '../../bench/generate.mjs';
import { readStream } from '../../src/netstat/index.js';
import type { Snapshot } from '../../src/netstat/snapshot.js';

const dist = new URL('../../dist/src/netstat/parallelReader.js', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'tcp-triage-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts that must not depend on how the input was split between threads. */
function comparable(s: Snapshot) {
  return { ...s, sample: s.sample.length, listeningPorts: s.listeningPorts.length };
}

describe.skipIf(!existsSync(dist))('readStreamParallel', () => {
  it('gives the same Snapshot as the single-threaded reader', async () => {
    const { readStreamParallel } = (await import(
      dist.href
    )) as typeof import('../../src/netstat/parallelReader.js');
    const file = join(dir, 'listing.txt');
    await generateListing(file, 40_000, 7);
    const one = await readStream(createReadStream(file, { highWaterMark: 1 << 16 }));
    const two = await readStreamParallel(
      createReadStream(file, { highWaterMark: 1 << 16 }),
      {},
      { afterBytes: 1 << 16 },
    );
    expect(comparable(two)).toEqual(comparable(one));
    expect(two.total).toBe(40_000);
  });
});
