// Exact counts of the public sample pastes (copied into test/fixtures/pastes, sources in its
// SOURCES.md); expected values are the labels of ../shared/eval/labels.tsv.
import { readFileSync } from 'node:fs';

export const SAMPLE_COUNTS: Record<string, Record<string, number>> = {
  '02-fasthttp-after-keepalive-healthy-uniq.txt': { ESTABLISHED: 14, TIME_WAIT: 8 },
  '03-engineio-closewait-awk.txt': {
    LISTEN: 1,
    SYN_RECEIVED: 1,
    ESTABLISHED: 138,
    FIN_WAIT_2: 5,
    CLOSE_WAIT: 710,
    TIME_WAIT: 41,
  },
  '09-openjdk-qualys-closewait-netstat-pant.txt': { CLOSE_WAIT: 14 },
  '13-mcp-java-sdk-tomcat-closewait.txt': { CLOSE_WAIT: 9 },
  '14-fastnetmon-redis-graphite-timewait-quoted.txt': { TIME_WAIT: 13 },
  '16-webgoat-windows-netstat-ano-korean.txt': { LISTEN: 17 },
  '20-hackney-client-closewait-uniq.txt': { SYN_SENT: 7, ESTABLISHED: 358, CLOSE_WAIT: 1721 },
  '22-macos-netstat-v-n-p-tcp-desktop.txt': { ESTABLISHED: 6, CLOSE_WAIT: 2 },
  '24-mylazyadmin-ssh-synrecv-wrapped.txt': { SYN_RECEIVED: 7 },
  '25-engintron-nginx-proxy-timewait-uniq-headerjunk.txt': {
    LISTEN: 46,
    SYN_RECEIVED: 20,
    ESTABLISHED: 1036,
    FIN_WAIT_1: 85,
    FIN_WAIT_2: 2766,
    CLOSING: 10,
    LAST_ACK: 50,
    TIME_WAIT: 12248,
  },
  '28-mediamtx-proc-net-tcp-listen.txt': { LISTEN: 10 },
  '32-wyattjia-netstat-a-inet-udp-healthy.txt': { LISTEN: 3, ESTABLISHED: 1 },
  '34-serverfault-apache-closewait-hostnames.txt': { CLOSE_WAIT: 11 },
  '35-oracle-solaris-netstat-tcp-sctp.txt': { ESTABLISHED: 2, TIME_WAIT: 1 },
  '42-jc-fixture-freebsd12-netstat-an-unix-sockets.txt': { LISTEN: 3, ESTABLISHED: 1 },
  '45-samir-timewait-timers-finTimeout.txt': { TIME_WAIT: 2 },
  '47-node-finwait2-timer-off-netstat-nop.txt': { FIN_WAIT_2: 4 },
};

/** The text of a sample paste. */
export function samplePaste(file: string): string {
  return readFileSync(new URL(`../fixtures/pastes/${file}`, import.meta.url), 'utf8');
}

/** Only the non-zero counts, for comparison with labels. */
export function nonZeroCounts(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0));
}
