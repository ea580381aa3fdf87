import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';

const PASTES = new URL('../fixtures/pastes/', import.meta.url);

/**
 * Expected verdicts of the public sample pastes, from shared/eval/labels.tsv: the accepted
 * first serious finding ('none' = nothing at warn or above) and the accepted severities.
 */
const LABELS: [file: string, primary: string[], severity: string[]][] = [
  ['02-fasthttp-after-keepalive-healthy-uniq.txt', ['none'], ['ok']],
  ['03-engineio-closewait-awk.txt', ['close-wait-pileup'], ['warn', 'critical']],
  ['09-openjdk-qualys-closewait-netstat-pant.txt', ['close-wait-pileup'], ['warn', 'critical']],
  ['13-mcp-java-sdk-tomcat-closewait.txt', ['close-wait-pileup'], ['warn', 'critical']],
  [
    '14-fastnetmon-redis-graphite-timewait-quoted.txt',
    ['time-wait-pileup', 'none'],
    ['ok', 'warn'],
  ],
  ['16-webgoat-windows-netstat-ano-korean.txt', ['none'], ['ok']],
  ['20-hackney-client-closewait-uniq.txt', ['close-wait-pileup'], ['critical']],
  ['22-macos-netstat-v-n-p-tcp-desktop.txt', ['none'], ['ok']],
  ['24-mylazyadmin-ssh-synrecv-wrapped.txt', ['syn-received-flood'], ['warn']],
  ['25-engintron-nginx-proxy-timewait-uniq-headerjunk.txt', ['time-wait-pileup'], ['warn']],
  ['28-mediamtx-proc-net-tcp-listen.txt', ['none'], ['ok']],
  ['32-wyattjia-netstat-a-inet-udp-healthy.txt', ['none'], ['ok']],
  ['34-serverfault-apache-closewait-hostnames.txt', ['close-wait-pileup'], ['warn', 'critical']],
  ['35-oracle-solaris-netstat-tcp-sctp.txt', ['none'], ['ok']],
  ['42-jc-fixture-freebsd12-netstat-an-unix-sockets.txt', ['none'], ['ok']],
  ['45-samir-timewait-timers-finTimeout.txt', ['none'], ['ok']],
  ['47-node-finwait2-timer-off-netstat-nop.txt', ['fin-wait-2-pileup'], ['warn', 'critical']],
];

function verdictOf(file: string) {
  return triage(readText(readFileSync(new URL(file, PASTES), 'utf8')));
}

describe('sample pastes (shared/eval labels)', () => {
  for (const [file, primary, severity] of LABELS) {
    it(`${file}: ${primary.join('|')} at ${severity.join('|')}`, () => {
      const v = verdictOf(file);
      const first = v.findings.find((f) => f.severity !== 'ok')?.id ?? 'none';
      expect(primary).toContain(first);
      expect(severity).toContain(v.severity);
    });
  }

  it('attributes the raw listings to their process, port and peer', () => {
    expect(verdictOf('09-openjdk-qualys-closewait-netstat-pant.txt').headline).toContain(
      'java (pid 31014)',
    );
    expect(verdictOf('13-mcp-java-sdk-tomcat-closewait.txt').findings[0]?.next).toContain(
      "ss -tanp state close-wait '( sport = :8080 )'",
    );
    expect(verdictOf('47-node-finwait2-timer-off-netstat-nop.txt').headline).toContain(
      'node (pid 26375) on :80',
    );
    expect(verdictOf('24-mylazyadmin-ssh-synrecv-wrapped.txt').headline).toContain(':22');
    expect(verdictOf('14-fastnetmon-redis-graphite-timewait-quoted.txt').headline).toContain(
      '11.1.1.4:6379',
    );
  });
});
