import { Gauge, Registry } from 'prom-client';
import type { HostSample } from '../host/sampleHost.js';
import { TCP_STATES } from '../netstat/states.js';
import type { Finding } from '../triage/verdict.js';

/** node_exporter's tcpstat collector spells states in lower case ("close_wait"). */
function stateLabel(state: string): string {
  return state === 'SYN_RECEIVED' ? 'syn_recv' : state.toLowerCase();
}

/** The Prometheus gauges of one watched host, in a registry of their own. */
export class WatchMetrics {
  readonly registry = new Registry();
  private readonly states = new Gauge({
    name: 'tcp_triage_connection_states',
    help: 'TCP sockets on this host by state (node_exporter tcpstat spelling).',
    labelNames: ['state'],
    registers: [this.registry],
  });
  private readonly findings = new Gauge({
    name: 'tcp_triage_finding',
    help: '1 while a triage finding holds on this host.',
    labelNames: ['id', 'severity'],
    registers: [this.registry],
  });
  private readonly ports = new Gauge({
    name: 'tcp_triage_ephemeral_ports_used_ratio',
    help: 'Share of the ephemeral port range in use toward one destination.',
    labelNames: ['destination'],
    registers: [this.registry],
  });
  private readonly duration = new Gauge({
    name: 'tcp_triage_sample_duration_seconds',
    help: 'Wall-clock time the last sample of the host took.',
    registers: [this.registry],
  });
  private readonly kernel = new Gauge({
    name: 'tcp_triage_kernel_counter',
    help: 'Kernel TCP figures from /proc/net/sockstat and /proc/net/netstat.',
    labelNames: ['name'],
    registers: [this.registry],
  });
  private readonly samples = new Gauge({
    name: 'tcp_triage_samples',
    help: 'Samples taken since watch started.',
    registers: [this.registry],
  });
  private taken = 0;

  /** Replaces every gauge with the figures of one sample (gone labels disappear). */
  update(sample: HostSample, holding: readonly Finding[]): void {
    const counts = sample.verdict.counts;
    for (const s of TCP_STATES) this.states.set({ state: stateLabel(s) }, counts[s]);
    this.findings.reset();
    for (const f of holding) this.findings.set({ id: f.id, severity: f.severity }, 1);
    this.ports.reset();
    for (const d of sample.destinations) this.ports.set({ destination: d.destination }, d.ratio);
    this.duration.set(sample.durationMs / 1000);
    this.kernel.reset();
    const k = sample.kernel;
    if (k) {
      for (const [n, v] of Object.entries(k.sockstat))
        this.kernel.set({ name: `sockstat_${n}` }, v);
      for (const [n, v] of Object.entries(k.netstat)) this.kernel.set({ name: n }, v);
    }
    this.samples.set(++this.taken);
  }

  /** The text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
