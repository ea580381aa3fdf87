import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { alertReply } from '../watch/alertReply.js';
import type { AlertEvent } from '../watch/alertTracker.js';
import { WatchMetrics } from '../watch/metrics.js';
import { serveMetrics } from '../watch/metricsServer.js';
import { Watcher } from '../watch/watcher.js';
import { platformOfUrl } from '../watch/webhook.js';
import { createSampler } from '../watch/workerSampler.js';
import { alertSinks, type SinkSettings } from './alertSinks.js';
import type { CliIo } from './io.js';

const USAGE =
  'usage: tcp-triage watch [--every 10s] [--webhook URL [--webhook-format slack|discord]] [--metrics-port P] [--slack-channel ID] [--discord-channel ID] [--samples N]';

/** "10s", "500ms", "2m", "1h", "15" (seconds) -> ms, or undefined. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,9}(?:\.\d{1,3})?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return undefined;
  const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[
    (m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'
  ];
  const ms = Number(m[1]) * scale;
  return ms >= 100 ? ms : undefined;
}

interface WatchArgs extends SinkSettings {
  everyMs: number;
  metricsPort?: number;
  samples?: number;
}

function parseWatchArgs(args: string[]): WatchArgs {
  const { values } = parseArgs({
    args,
    options: {
      every: { type: 'string', default: '10s' },
      webhook: { type: 'string' },
      'webhook-format': { type: 'string' },
      'metrics-port': { type: 'string' },
      'slack-channel': { type: 'string' },
      'discord-channel': { type: 'string' },
      samples: { type: 'string' },
    },
    strict: true,
  });
  const everyMs = parseDuration(values.every);
  if (everyMs === undefined)
    throw new Error(`--every: "${values.every}" is not a duration of 100ms or more (10s, 1m)`);
  const out: WatchArgs = { everyMs };
  if (values.webhook) {
    try {
      new URL(values.webhook);
    } catch {
      throw new Error(`--webhook: "${values.webhook}" is not a URL`);
    }
    out.webhook = values.webhook;
    const f = values['webhook-format'] ?? platformOfUrl(values.webhook);
    if (f !== 'slack' && f !== 'discord') throw new Error('--webhook-format is slack or discord');
    out.webhookFormat = f;
  }
  if (values['metrics-port'] !== undefined) {
    const p = Number(values['metrics-port']);
    if (!Number.isInteger(p) || p < 0 || p > 65535)
      throw new Error('--metrics-port is a port number');
    out.metricsPort = p;
  }
  if (values.samples !== undefined) {
    const n = Number(values.samples);
    if (!Number.isInteger(n) || n < 1) throw new Error('--samples is a whole number of 1 or more');
    out.samples = n;
  }
  out.slackChannel = values['slack-channel'];
  out.discordChannel = values['discord-channel'];
  return out;
}

/** One line on the terminal per alert. */
function alertLine(e: AlertEvent): string {
  const f = e.finding;
  return `${new Date().toISOString()} ${e.kind} ${f.id} ${e.kind === 'cleared' ? 'ok' : f.severity}: ${f.title}`;
}

/** `tcp-triage watch`: sample this host, post alerts, serve /metrics. Returns the exit code. */
export async function runWatch(args: string[], io: CliIo): Promise<number> {
  let a: WatchArgs;
  try {
    a = parseWatchArgs(args);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let sinks: Awaited<ReturnType<typeof alertSinks>>;
  try {
    sinks = await alertSinks(a, io.env);
  } catch (e) {
    io.stderr.write(`tcp-triage: ${(e as Error).message}\n`);
    return 2;
  }
  const metrics = new WatchMetrics();
  let server: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  if (a.metricsPort !== undefined) {
    try {
      server = await serveMetrics(metrics, a.metricsPort);
    } catch (e) {
      io.stderr.write(
        `tcp-triage: cannot serve metrics on port ${a.metricsPort}: ${(e as Error).message}\n`,
      );
      return 2;
    }
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : a.metricsPort;
    io.stderr.write(`tcp-triage: metrics on http://127.0.0.1:${port}/metrics\n`);
  }
  const host = hostname();
  const sampler = createSampler();
  const watcher = new Watcher({
    sample: () => sampler.sample(),
    everyMs: a.everyMs,
    metrics,
    maxSamples: a.samples,
    onError: (m) => io.stderr.write(`tcp-triage: ${m}\n`),
    async deliver(events) {
      for (const e of events) io.stdout.write(`${alertLine(e)}\n`);
      const reply = alertReply(events, host);
      for (const sink of sinks) await sink(reply);
    },
  });
  const stop = () => watcher.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await watcher.run();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await sampler.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  }
  return 0;
}
