import type { Snapshot } from '../netstat/snapshot.js';
import { triage } from '../triage/index.js';
import type { Verdict } from '../triage/verdict.js';
import type { KernelFigures } from './kernelFigures.js';
import { type Attribution, type DestinationPorts, sampleLinux } from './linuxSample.js';
import { sampleWithNetstat } from './netstatCommand.js';
import { nodeProcFs, type ProcFs } from './procFs.js';

/** One sample of this host: the verdict `triage` would give, and the host facts behind it. */
export interface HostSample {
  snapshot: Snapshot;
  verdict: Verdict;
  /** Where the socket table came from. */
  source: 'procfs' | 'netstat';
  /** Linux only. */
  kernel?: KernelFigures;
  attribution?: Attribution;
  destinations: DestinationPorts[];
  /** Wall-clock and CPU time the sample took. */
  durationMs: number;
  cpuMs: number;
}

export interface SampleOptions {
  /** The filesystem holding /proc (tests inject a fake one). */
  fs?: ProcFs;
  platform?: NodeJS.Platform;
}

/** Samples this host: procfs on Linux, the OS's netstat elsewhere. */
export async function sampleHost(options: SampleOptions = {}): Promise<HostSample> {
  const platform = options.platform ?? process.platform;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const done = (partial: Omit<HostSample, 'durationMs' | 'cpuMs'>): HostSample => {
    const used = process.cpuUsage(cpu);
    return {
      ...partial,
      durationMs: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
    };
  };
  if (platform !== 'linux') {
    const snapshot = await sampleWithNetstat(platform);
    return done({ snapshot, verdict: triage(snapshot), source: 'netstat', destinations: [] });
  }
  const s = sampleLinux(options.fs ?? nodeProcFs('/'));
  const verdict = triage(s.snapshot, s.range ? { range: s.range } : {});
  return done({
    snapshot: s.snapshot,
    verdict,
    source: 'procfs',
    kernel: s.kernel,
    attribution: s.attribution,
    destinations: s.destinations,
  });
}
