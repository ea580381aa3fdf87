// Writes a deterministic `netstat -tanp` listing of N lines (default 1,000,000) for the benchmark.
// The mix is shaped like a busy proxy: ESTABLISHED and TIME_WAIT to a few upstreams, a CLOSE_WAIT
// leak on one port, a little of everything else. A fixed-seed PRNG keeps it identical run to run.
import { createWriteStream } from 'node:fs';

/** Mulberry32: a tiny seeded PRNG, so the file is the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATE_MIX = [
  ['ESTABLISHED', 0.42],
  ['TIME_WAIT', 0.38],
  ['CLOSE_WAIT', 0.08],
  ['FIN_WAIT2', 0.04],
  ['SYN_SENT', 0.02],
  ['FIN_WAIT1', 0.02],
  ['LAST_ACK', 0.015],
  ['SYN_RECV', 0.015],
  ['CLOSING', 0.005],
  ['LISTEN', 0.005],
];
const PROGRAMS = ['31014/java', '812/nginx: worker', '2231/node', '977/postgres', '-'];
const pad = (s, n) => (s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length));

/** Generate `lines` rows into `path`; resolves when the file is flushed. */
export function generateListing(path, lines = 1_000_000, seed = 42) {
  const rand = prng(seed);
  const out = createWriteStream(path);
  out.write('Active Internet connections (servers and established)\n');
  out.write(
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n',
  );
  let buf = '';
  for (let i = 0; i < lines; i++) {
    let r = rand();
    let state = 'ESTABLISHED';
    for (const [s, p] of STATE_MIX) {
      if (r < p) {
        state = s;
        break;
      }
      r -= p;
    }
    const upstream = `10.0.${Math.floor(rand() * 4)}.${10 + Math.floor(rand() * 6)}`;
    const ephemeral = 32768 + Math.floor(rand() * 28232);
    const client = `172.16.${Math.floor(rand() * 64)}.${Math.floor(rand() * 250) + 1}`;
    const outbound = state === 'TIME_WAIT' || state === 'SYN_SENT' || rand() < 0.3;
    const local = outbound ? `10.0.3.17:${ephemeral}` : `10.0.3.17:${rand() < 0.7 ? 8080 : 443}`;
    const remote =
      state === 'LISTEN' ? '0.0.0.0:*' : outbound ? `${upstream}:5432` : `${client}:${ephemeral}`;
    const recvQ = state === 'CLOSE_WAIT' ? Math.floor(rand() * 600) : 0;
    const sendQ = state === 'FIN_WAIT1' ? Math.floor(rand() * 20000) : 0;
    const prog = state === 'TIME_WAIT' ? '-' : PROGRAMS[Math.floor(rand() * PROGRAMS.length)];
    const proto = rand() < 0.8 ? 'tcp ' : 'tcp6';
    buf += `${proto}  ${String(recvQ).padStart(7)} ${String(sendQ).padStart(6)} ${pad(local, 23)} ${pad(remote, 23)} ${pad(state, 11)} ${prog}\n`;
    if (buf.length > 1 << 20) {
      out.write(buf);
      buf = '';
    }
  }
  out.write(buf);
  return new Promise((resolve, reject) => {
    out.end(resolve);
    out.on('error', reject);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? 'bench/out/netstat-1m.txt';
  const lines = Number(process.argv[3] ?? 1_000_000);
  await generateListing(path, lines);
  console.log(`wrote ${lines} lines to ${path}`);
}
