import type { HostSample } from './sampleHost.js';

/** The host facts `live --json` adds to the `triage --json` object, under keys of its own. */
export function hostFactsJson(sample: HostSample): object {
  return {
    source: sample.source,
    kernel: sample.kernel
      ? {
          sockstat: sample.kernel.sockstat,
          netstat: sample.kernel.netstat,
          sysctls: sample.kernel.sysctls,
          missing: sample.kernel.missing,
        }
      : undefined,
    attribution: sample.attribution,
    ephemeralPorts: sample.destinations,
    sampleMs: Math.round(sample.durationMs * 10) / 10,
    cpuMs: Math.round(sample.cpuMs * 10) / 10,
  };
}

/** The host facts as lines for the terminal, after the verdict. */
export function hostFactsText(sample: HostSample): string[] {
  const lines: string[] = [];
  const k = sample.kernel;
  if (k) {
    const st = k.sockstat;
    lines.push(
      `Kernel: sockstat orphan ${st.orphan ?? '?'} tw ${st.tw ?? '?'} alloc ${st.alloc ?? '?'}; ${Object.entries(
        k.netstat,
      )
        .map(([n, v]) => `${n} ${v}`)
        .join(', ')}`,
    );
    lines.push(
      `Sysctls: ${Object.entries(k.sysctls)
        .map(([n, v]) => `${n}=${v === '' ? '""' : v}`)
        .join(' ')}`,
    );
    if (k.missing.length > 0) lines.push(`Not readable here: ${k.missing.join(', ')}`);
  }
  const a = sample.attribution;
  if (a) {
    lines.push(
      `Owners: ${a.attributed} of ${a.held} held sockets attributed to a process${a.fix ? ` (${a.deniedProcesses} processes refused: ${a.fix})` : ''}`,
    );
  }
  lines.push(`Sample: ${sample.durationMs.toFixed(1)} ms (${sample.cpuMs.toFixed(1)} ms CPU)`);
  return lines;
}
