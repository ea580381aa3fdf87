import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import type { TcpState } from '../../src/netstat/states.js';
import { ClosingRule } from '../../src/triage/closingRule.js';
import { createContext } from '../../src/triage/context.js';
import { FinWait1Rule } from '../../src/triage/finWait1Rule.js';
import { LastAckRule } from '../../src/triage/lastAckRule.js';
import type { Rule } from '../../src/triage/rule.js';
import { inbound, summary, table } from './build.js';

const cases: [Rule, TcpState, string][] = [
  [FinWait1Rule, 'FIN_WAIT_1', 'fin-wait-1'],
  [LastAckRule, 'LAST_ACK', 'last-ack'],
  [ClosingRule, 'CLOSING', 'closing'],
];

function run(rule: Rule, s: Snapshot) {
  return rule.evaluate(s, createContext(s));
}

for (const [rule, state, ssName] of cases) {
  describe(`${rule.id}`, () => {
    it('warns at 50 when at least 1% of connections, not at 49', () => {
      expect(run(rule, summary({ ESTABLISHED: 2000, [state]: 49 }))).toBeUndefined();
      const f = run(rule, summary({ ESTABLISHED: 2000, [state]: 50 }));
      expect(f?.severity).toBe('warn');
      expect(f?.id).toBe(rule.id);
      expect(f?.state).toBe(state);
    });

    it('ignores 85 on a busy proxy where they are under 1%', () => {
      expect(run(rule, summary({ ESTABLISHED: 16000, [state]: 85 }))).toBeUndefined();
    });

    it('is critical at 500', () => {
      expect(run(rule, summary({ ESTABLISHED: 5000, [state]: 499 }))?.severity).toBe('warn');
      expect(run(rule, summary({ ESTABLISHED: 5000, [state]: 500 }))?.severity).toBe('critical');
    });

    it('warns on a small pasted view stuck on one peer with Send-Q, naming the peer', () => {
      const rows = Array.from({ length: 4 }, (_, i) => ({
        proto: 'tcp',
        state,
        local: { host: '10.0.0.1', port: String(33000 + i) },
        remote: { host: '203.0.113.7', port: '443' },
        recvQ: 0,
        sendQ: 4096,
        line: '',
      }));
      const f = run(rule, table({ rows }));
      expect(f?.severity).toBe('warn');
      expect(f?.title).toContain('203.0.113.7:443');
      expect(f?.evidence).toContain('unsent bytes in Send-Q on all 4');
      expect(f?.next[0]).toBe(`ss -tano state ${ssName} '( dst 203.0.113.7 and dport = :443 )'`);
      expect(f?.next).toContain('mtr -rwc 20 203.0.113.7');
    });

    it('warns on a few when the kernel logged too many orphaned sockets', () => {
      const counts = { ESTABLISHED: 5000, [state]: 10 };
      expect(run(rule, table({ counts }))).toBeUndefined();
      const f = run(rule, table({ counts, extra: { 'log:too-many-orphans': 1 } }));
      expect(f?.severity).toBe('warn');
    });

    it('warns when it dominates a small summary past the transitional count', () => {
      expect(run(rule, summary({ ESTABLISHED: 4, [state]: 10 }))?.severity).toBe('warn');
      expect(run(rule, summary({ ESTABLISHED: 4, [state]: 9 }))).toBeUndefined();
    });

    it('does not read two rows as a pattern', () => {
      expect(run(rule, table({ rows: inbound(2, state, '10.0.0.1:80') }))).toBeUndefined();
    });

    it('gives PowerShell on Windows and netstat on macOS', () => {
      const s = summary({ ESTABLISHED: 1000, [state]: 60 }, 'windows');
      expect(run(rule, s)?.next[0]).toMatch(/^Get-NetTCPConnection -State /);
      const m = summary({ ESTABLISHED: 1000, [state]: 60 }, 'macos');
      expect(run(rule, m)?.next[0]).toBe(`netstat -an -p tcp | grep ${state}`);
    });

    it('carries caveats and KB links', () => {
      const f = run(rule, summary({ ESTABLISHED: 1000, [state]: 60 }));
      expect(f?.caveats.length).toBeGreaterThan(0);
      expect(f?.kb[0]).toBe(ssName);
    });
  });
}
