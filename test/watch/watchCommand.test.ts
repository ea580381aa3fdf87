import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWaitPileup, type Pileup } from '../host/pileups.js';
import { type Receiver, startReceiver } from './receiver.js';

const linux = process.platform === 'linux';

/** Resolves with the first stderr line matching `re`. */
function lineMatching(
  child: ChildProcess,
  re: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const t = setTimeout(() => reject(new Error(`no ${re} in: ${seen}`)), timeoutMs);
    child.stderr?.on('data', (c: Buffer) => {
      seen += c.toString();
      const m = re.exec(seen);
      if (m) {
        clearTimeout(t);
        resolve(m);
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!linux)('tcp-triage watch on a real CLOSE_WAIT pile-up', () => {
  let receiver: Receiver | undefined;
  let child: ChildProcess | undefined;
  let pileup: Pileup | undefined;
  afterAll(async () => {
    child?.kill('SIGTERM');
    await pileup?.close();
    await receiver?.close();
  });

  it('posts once when it starts, nothing while it holds, once when it clears; /metrics counts it', async () => {
    receiver = await startReceiver();
    child = spawn(
      'node',
      [
        'dist/src/cli.js',
        'watch',
        '--every',
        '1s',
        '--webhook',
        `${receiver.url}/hook`,
        '--metrics-port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const [, port] = await lineMatching(
      child,
      /metrics on http:\/\/127\.0\.0\.1:(\d+)\/metrics/,
      10_000,
    );
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    // A first sample before the pile-up, so the alert is a change the watcher saw happen.
    await sleep(1_500);
    expect(receiver.bodies).toHaveLength(0);

    pileup = await closeWaitPileup(150);
    await receiver.waitFor(1, 8_000);
    const started = receiver.bodies[0];
    expect(started?.path).toBe('/hook');
    const body = started?.body as { text: string; blocks: { type: string }[] };
    expect(body.text).toMatch(/Started: .*CLOSE_WAIT/);
    expect(body.blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(body.blocks)).toContain(`pid ${process.pid}`);
    expect(JSON.stringify(body.blocks)).toContain('/min');

    const metrics = await (await fetch(metricsUrl)).text();
    const cw = /^tcp_triage_connection_states\{state="close_wait"\} (\d+)$/m.exec(metrics);
    expect(Number(cw?.[1])).toBeGreaterThanOrEqual(150);
    expect(metrics).toMatch(/^tcp_triage_finding\{id="close-wait-pileup",severity="warn"\} 1$/m);
    expect(metrics).toMatch(/^tcp_triage_sample_duration_seconds \d/m);

    // Three more samples while it holds: still one post.
    await sleep(3_200);
    expect(receiver.bodies).toHaveLength(1);

    await pileup.close();
    pileup = undefined;
    await receiver.waitFor(2, 8_000);
    expect(JSON.stringify(receiver.bodies[1]?.body)).toMatch(/Cleared: /);
    await sleep(1_200);
    expect(receiver.bodies).toHaveLength(2);
    const after = await (await fetch(metricsUrl)).text();
    expect(after).not.toContain('close-wait-pileup');
  }, 40_000);
});
