import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLive } from '../../src/cli/live.js';
import { closeWaitPileup, type Pileup } from '../host/pileups.js';
import { capture, TRIAGE_JSON_KEYS } from './capture.js';

const linux = process.platform === 'linux';
const PILEUP = 150;

interface LiveJson {
  format: string;
  counts: Record<string, number>;
  findings: { id: string; evidence: string; cause: string; next: string[] }[];
  warnings: string[];
  host: { source: string; attribution: { attributed: number; held: number } };
}

describe.skipIf(!linux)('tcp-triage live on a real CLOSE_WAIT pile-up', () => {
  let pileup: Pileup;
  beforeAll(async () => {
    pileup = await closeWaitPileup(PILEUP);
  });
  afterAll(() => pileup?.close());

  it('--json counts the pile-up and names its port and pid, in the triage --json shape', async () => {
    const r = await capture((io) => runLive(['--json'], io));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as LiveJson;
    expect(Object.keys(json)).toEqual([...TRIAGE_JSON_KEYS, 'host']);
    expect(json.format).toBe('proc-net-tcp');
    expect(json.counts.CLOSE_WAIT).toBeGreaterThanOrEqual(PILEUP);
    const cw = json.findings.find((f) => f.id === 'close-wait-pileup');
    expect(cw).toBeDefined();
    const said = `${cw?.evidence} ${cw?.cause} ${cw?.next.join(' ')}`;
    expect(said).toContain(String(pileup.port));
    expect(said).toContain(`pid ${process.pid}`);
    expect(json.host.attribution.attributed).toBeGreaterThanOrEqual(PILEUP);
  });

  it('the built command prints the same from another process', async () => {
    const { stdout } = await promisify(execFile)('node', ['dist/src/cli.js', 'live', '--json']);
    const json = JSON.parse(stdout) as LiveJson;
    expect(json.counts.CLOSE_WAIT).toBeGreaterThanOrEqual(PILEUP);
    const cw = json.findings.find((f) => f.id === 'close-wait-pileup');
    expect(`${cw?.evidence} ${cw?.cause}`).toContain(`pid ${process.pid}`);
  });

  it('text mode shows the verdict and the kernel figures', async () => {
    const r = await capture((io) => runLive([], io));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CLOSE_WAIT');
    expect(r.stdout).toMatch(/Sysctls: ip_local_port_range=\d+ \d+/);
  });
});

describe('tcp-triage live arguments', () => {
  it('rejects an unknown option with usage', async () => {
    const r = await capture((io) => runLive(['--nope'], io));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: tcp-triage live');
  });
});
