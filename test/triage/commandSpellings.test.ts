import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKbDir } from '../../src/kb/defaultDir.js';
import { validateKnowledgeBase } from '../../src/kb/validate.js';
import {
  type CommandFinding,
  commandsFor,
  DIALECTS,
  type Dialect,
  dialectOf,
  type UnackedFinState,
} from '../../src/triage/commands.js';
import type { Culprit } from '../../src/triage/culprit.js';
import {
  BSD_STATES,
  LINUX_LSOF,
  PS_STATES,
  SOLARIS_STATES,
  SS_FILTERS,
  WINDOWS_NETSTAT,
} from '../stateSpellings.js';

const FINDINGS: CommandFinding[] = [
  'closeWait',
  'timeWait',
  'portExhaustion',
  'finWait2',
  'unackedFin',
  'synReceived',
  'synSent',
  'established',
  'closed',
];
const UNACKED: UnackedFinState[] = ['FIN_WAIT_1', 'LAST_ACK', 'CLOSING'];
const CULPRITS: Culprit[] = [
  {},
  { pid: '4242', program: 'java', process: 'java (pid 4242)', localPort: '8080' },
  { remote: { host: '10.0.0.5', port: '5432', key: '10.0.0.5:5432' }, pid: '77' },
  { localPort: '443', localPortKeys: ['443', '8443'], remoteHost: '203.0.113.9' },
];

/** Every command line every finding can print on a dialect. */
function allCommands(d: Dialect): string[] {
  const out: string[] = [];
  for (const f of FINDINGS)
    for (const c of CULPRITS)
      for (const side of ['server', 'client', undefined] as const)
        for (const s of UNACKED) out.push(...commandsFor(d, f, c, side, s));
  return [...new Set(out)];
}

/** The state words a command line names, per tool. */
function stateWords(line: string): { tool: string; word: string }[] {
  const found: { tool: string; word: string }[] = [];
  for (const m of line.matchAll(/-sTCP:([A-Za-z0-9_]+)/g))
    found.push({ tool: 'lsof', word: m[1] ?? '' });
  for (const m of line.matchAll(/\bss -[A-Za-z]+ state ([a-z0-9-]+)/g))
    found.push({ tool: 'ss', word: m[1] ?? '' });
  for (const m of line.matchAll(/-State ([A-Za-z0-9]+)/g))
    found.push({ tool: 'ps', word: m[1] ?? '' });
  for (const m of line.matchAll(/(?:grep|findstr) ([A-Z][A-Z0-9_]+)\b/g))
    found.push({ tool: 'netstat', word: m[1] ?? '' });
  for (const m of line.matchAll(/awk '\/([A-Z][A-Z0-9_]+)\//g))
    found.push({ tool: 'netstat', word: m[1] ?? '' });
  return found;
}

function validFor(d: Dialect, tool: string): ReadonlySet<string> {
  if (tool === 'ss') return SS_FILTERS;
  if (tool === 'ps') return PS_STATES;
  if (d === 'linux') return LINUX_LSOF;
  if (d === 'windows') return WINDOWS_NETSTAT;
  if (d === 'solaris') return SOLARIS_STATES;
  return BSD_STATES;
}

describe('state spellings in the printed next commands', () => {
  for (const d of DIALECTS) {
    it(`every state a ${d} command names is spelt as that OS's tool prints it`, () => {
      const lines = allCommands(d);
      const words = lines.flatMap((l) => stateWords(l).map((w) => ({ ...w, line: l })));
      expect(words.length).toBeGreaterThan(3);
      const bad = words.filter((w) => !validFor(d, w.tool).has(w.word));
      expect(bad).toEqual([]);
    });
  }

  it('prints the kernel spellings for Linux lsof, the tcpstates[] ones for BSD lsof', () => {
    const held: Culprit = { pid: '26375', localPort: '8080' };
    expect(commandsFor('linux', 'finWait2', held)).toContain(
      'lsof -nP -p 26375 -a -iTCP -sTCP:FIN_WAIT2',
    );
    expect(commandsFor('linux', 'unackedFin', held, undefined, 'FIN_WAIT_1')).toContain(
      'lsof -nP -p 26375 -a -iTCP -sTCP:FIN_WAIT1',
    );
    expect(commandsFor('macos', 'finWait2', held)).toContain(
      'lsof -nP -p 26375 -a -iTCP -sTCP:FIN_WAIT_2',
    );
  });

  it('uses only tools a dialect ships: no PowerShell off Windows, no ss or lsof on OpenBSD/Solaris', () => {
    for (const d of DIALECTS) {
      const lines = allCommands(d);
      if (d !== 'windows') expect(lines.filter((l) => /Get-NetTCPConnection/.test(l))).toEqual([]);
      if (d !== 'linux') expect(lines.filter((l) => /^ss |\bnstat\b|\/proc\//.test(l))).toEqual([]);
      if (d === 'openbsd' || d === 'solaris' || d === 'windows')
        expect(lines.filter((l) => /\blsof\b/.test(l))).toEqual([]);
    }
  });

  it('names OpenBSD port-range sysctls, not FreeBSD/macOS ones', () => {
    expect(dialectOf('openbsd')).toBe('openbsd');
    const lines = allCommands('openbsd');
    expect(lines).toContain('sysctl net.inet.ip.portfirst net.inet.ip.portlast');
    expect(lines.some((l) => l.includes('portrange'))).toBe(false);
    expect(allCommands('freebsd').some((l) => l.includes('net.inet.ip.portrange.first'))).toBe(
      true,
    );
  });

  it('asks Linux for the listener limits that bound both queues (somaxconn) on SYN_RECEIVED', () => {
    const lines = commandsFor('linux', 'synReceived', { localPort: '443' });
    expect(lines).toContain("ss -ltn '( sport = :443 )'");
    expect(lines.some((l) => l.startsWith('sysctl net.core.somaxconn'))).toBe(true);
  });
});

describe('KB articles the triage rules name', () => {
  it('every kb id in src/triage exists in the shipped knowledge base', async () => {
    const { articles } = await validateKnowledgeBase(defaultKbDir());
    const ids = new Set(articles.map((a) => a.id));
    const dir = join(import.meta.dirname, '../../src/triage');
    const named = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      // `kb: [...]` literals and the shared EXHAUSTION_KB list, plus `.concat([...])` additions.
      for (const block of text.matchAll(/(?:\bkb:|EXHAUSTION_KB[^=\n]*=|concat\()\s*\[([^\]]*)\]/g))
        for (const id of (block[1] ?? '').matchAll(/'([a-z0-9-]+)'/g)) named.add(id[1] ?? '');
    }
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((id) => !ids.has(id))).toEqual([]);
  });
});
