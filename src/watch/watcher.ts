import type { HostSample } from '../host/sampleHost.js';
import { type AlertEvent, AlertTracker } from './alertTracker.js';
import type { WatchMetrics } from './metrics.js';

/** What a Watcher needs: how to sample, how often, and where alerts go. */
export interface WatcherOptions {
  sample: () => Promise<HostSample>;
  everyMs: number;
  /** Posts the alerts of one sample; awaited in order, never blocking the next sample. */
  deliver: (events: AlertEvent[], sample: HostSample) => Promise<void>;
  metrics?: WatchMetrics;
  /** Stop after this many samples (tests, cron-style use); unbounded when absent. */
  maxSamples?: number;
  onError: (message: string) => void;
}

/** Samples a host on a fixed period, turns verdicts into alerts and keeps the metrics current. */
export class Watcher {
  private readonly tracker = new AlertTracker();
  private stopped = false;
  private wake: (() => void) | undefined;
  private delivery: Promise<void> = Promise.resolve();
  /** Samples taken so far. */
  taken = 0;

  constructor(private readonly options: WatcherOptions) {}

  /** Runs until `stop()` or `maxSamples`; resolves once the last alert was delivered. */
  async run(): Promise<void> {
    const o = this.options;
    while (!this.stopped && (o.maxSamples === undefined || this.taken < o.maxSamples)) {
      const started = Date.now();
      try {
        const sample = await o.sample();
        this.taken++;
        const events = this.tracker.observe(sample.verdict, Date.now());
        o.metrics?.update(sample, this.tracker.holding());
        if (events.length > 0) {
          this.delivery = this.delivery
            .then(() => o.deliver(events, sample))
            .catch((e: unknown) => o.onError(`alert not delivered: ${(e as Error).message}`));
        }
      } catch (e) {
        this.taken++;
        o.onError(`sample failed: ${(e as Error).message}`);
      }
      if (o.maxSamples !== undefined && this.taken >= o.maxSamples) break;
      await this.sleep(Math.max(0, o.everyMs - (Date.now() - started)));
    }
    await this.delivery;
  }

  /** Ends the loop after the current sample. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }
}
