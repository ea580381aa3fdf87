import { execFile } from 'node:child_process';
import { readText } from '../netstat/index.js';
import type { Snapshot } from '../netstat/snapshot.js';

/** The OS's own netstat command for TCP sockets, per platform (process.platform names). */
export function netstatCommandFor(platform: NodeJS.Platform): { file: string; args: string[] } {
  if (platform === 'win32') return { file: 'netstat', args: ['-ano', '-p', 'TCP'] };
  // macOS, FreeBSD, OpenBSD: -n numeric, -a all, TCP only.
  return { file: 'netstat', args: ['-an', '-p', 'tcp'] };
}

/** Runs the OS's netstat and reads its output as a paste would be. */
export function sampleWithNetstat(platform: NodeJS.Platform): Promise<Snapshot> {
  const { file, args } = netstatCommandFor(platform);
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 256 << 20, timeout: 30_000 }, (error, stdout) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}`));
      else resolve(readText(stdout));
    });
  });
}
