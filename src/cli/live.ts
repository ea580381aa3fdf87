import { parseArgs } from 'node:util';
import { hostFactsJson, hostFactsText } from '../host/hostFacts.js';
import { type SampleOptions, sampleHost } from '../host/sampleHost.js';
import type { CliIo } from './io.js';
import { verdictJson } from './triage.js';

const USAGE = 'usage: tcp-triage live [--json]';

/** `tcp-triage live [--json]`: triage this host's own socket table. Returns the exit code. */
export async function runLive(
  args: string[],
  io: CliIo,
  options: SampleOptions = {},
): Promise<number> {
  let json: boolean;
  try {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      strict: true,
    });
    json = Boolean(values.json);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let sample: Awaited<ReturnType<typeof sampleHost>>;
  try {
    sample = await sampleHost(options);
  } catch (e) {
    const message = `cannot read this host's sockets: ${(e as Error).message}`;
    io.stderr.write(`tcp-triage: ${message}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ error: message })}\n`);
    return 2;
  }
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ ...verdictJson(sample.verdict), host: hostFactsJson(sample) })}\n`,
    );
    return 0;
  }
  const tty = Boolean((io.stdout as NodeJS.WriteStream).isTTY);
  const { renderVerdictText } = await import('./verdictText.js');
  const text = renderVerdictText(sample.verdict, sample.snapshot, {
    color: tty && !io.env.NO_COLOR,
    unicode: tty || io.env.TCP_TRIAGE_UNICODE === '1',
  });
  io.stdout.write(`${text}\n\n${hostFactsText(sample).join('\n')}\n`);
  return 0;
}
