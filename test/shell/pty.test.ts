/**
 * Drives the real terminal chat through a pseudo-terminal (util-linux `script` gives the CLI a
 * TTY on stdin and stdout): a question, a 50-line netstat paste, then /quit.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripAnsi } from '../../adapters/shell/style.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A `netstat -tanp` block of 50 lines: java on :8080 holding CLOSE_WAIT sockets. */
function netstatBlock(): string {
  const lines = [
    'Active Internet connections (servers and established)',
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name',
    'tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      31014/java',
  ];
  for (let i = 0; i < 45; i++) {
    const peer = `10.1.2.${10 + (i % 7)}:${40000 + i * 7}`;
    lines.push(
      `tcp        ${i % 3 ? 1 : 0}      0 10.0.0.5:8080           ${peer.padEnd(23)} CLOSE_WAIT  31014/java`,
    );
  }
  lines.push(
    'tcp        0      0 10.0.0.5:22             10.9.9.9:51000          ESTABLISHED 812/sshd',
  );
  lines.push(
    'tcp        0      0 10.0.0.5:43210          10.0.0.7:5432           ESTABLISHED 31014/java',
  );
  return lines.join('\n');
}

/** Whitespace-insensitive text (the terminal wraps lines). */
const flat = (s: string) => stripAnsi(s).replace(/\s+/g, ' ');

// Build once if dist/ is missing (npm test builds first); skip only if that is impossible.
let skipReason = '';
beforeAll(() => {
  if (!hasScript()) {
    skipReason = 'util-linux `script` is not installed';
    return;
  }
  if (!existsSync(CLI)) {
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      // reported below
    }
  }
  if (!existsSync(CLI)) skipReason = `${CLI} is missing and \`npm run build\` failed`;
}, 180_000);

describe('terminal chat in a pseudo-terminal', () => {
  it('answers a question, triages a 50-line paste naming state and port, and exits 0 on /quit', async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const kb = await loadKnowledgeBase();
    const block = netstatBlock();
    expect(block.split('\n')).toHaveLength(50);
    const verdict = triage(readText(block));
    expect(verdict.headline).toContain('CLOSE_WAIT');
    expect(verdict.headline).toContain(':8080');
    const summary = flat(kb.get('close-wait')?.summary ?? '').slice(0, 60);

    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    delete env.NO_COLOR;
    for (const k of ['SLACK_BOT_TOKEN', 'DISCORD_TOKEN']) delete env[k];
    const child: ChildProcessWithoutNullStreams = spawn(
      'script',
      ['-qfec', `node ${CLI}`, '/dev/null'],
      {
        cwd: ROOT,
        env,
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const waitFor = async (what: string, from: number) => {
      for (let waited = 0; !flat(out.slice(from)).includes(what); waited += 50) {
        if (waited > 15_000) throw new Error(`no "${what}" in:\n${stripAnsi(out.slice(from))}`);
        await sleep(50);
      }
    };

    try {
      await waitFor('/quit to leave', 0);
      let mark = out.length;
      child.stdin.write('what is CLOSE_WAIT?\r');
      await waitFor(summary, mark);
      await waitFor('tcp-triage', Math.max(mark, out.length - 200));

      mark = out.length;
      child.stdin.write(`${block.split('\n').join('\r')}\r`);
      await waitFor(flat(verdict.headline), mark);
      const answer = flat(out.slice(mark));
      expect(answer).toContain(`Read ${verdict.total} TCP sockets`);
      expect(answer).toContain(flat(`$ ${verdict.findings[0]?.next[0]}`));

      child.stdin.write('/quit\r');
      const code = await Promise.race([exited, sleep(10_000).then(() => 'timeout' as const)]);
      expect(code).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);
});
