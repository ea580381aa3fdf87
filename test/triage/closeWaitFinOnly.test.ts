import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/netstat/snapshot.js';
import { CloseWaitRule } from '../../src/triage/closeWaitRule.js';
import { createContext } from '../../src/triage/context.js';
import { inbound, table } from './build.js';

function run(s: Snapshot) {
  return CloseWaitRule.evaluate(s, createContext(s));
}

// tcp-facts 167: Recv-Q = rcv_nxt - copied_seq, and the FIN counts as 1 until EOF is read.
describe('CloseWaitRule: Recv-Q of exactly 1 is the unread FIN, not data', () => {
  const rows = (recvQ: number) =>
    inbound(12, 'CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9', { recvQ, process: '4242/java' });

  it('calls Recv-Q 1 the peer FIN nobody read, not unread bytes', () => {
    const f = run(table({ rows: rows(1) }));
    expect(f?.evidence).toContain("Recv-Q 1 (only the peer's FIN, never read) on all 12");
    expect(f?.evidence).not.toContain('unread bytes');
    expect(f?.cause).toContain("the peer's FIN, never read");
  });

  it('still reports unread bytes when more than the FIN is queued', () => {
    const f = run(table({ rows: rows(2) }));
    expect(f?.evidence).toContain('unread bytes in Recv-Q on all 12');
    expect(f?.cause).toContain('handlers stopped reading');
  });
});
