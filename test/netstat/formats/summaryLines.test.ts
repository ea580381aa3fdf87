// Summary lines in the shapes public threads show: numbering, separators, state codes,
// comments, several pairs on a line, monitoring exporters. Lines written here after them.
import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/netstat/index.js';
import { nonZeroCounts } from '../samples.js';

function counts(text: string): Record<string, number> {
  return nonZeroCounts(readText(text).counts);
}

describe('summary lines', () => {
  it('reads numbered and bulleted lists', () => {
    expect(counts('1.TIME_WAIT 346\n2.ESTABLISHED 12\n3) CLOSE_WAIT 4\n')).toEqual({
      TIME_WAIT: 346,
      ESTABLISHED: 12,
      CLOSE_WAIT: 4,
    });
    expect(counts('- TIME_WAIT: 5\n* CLOSE_WAIT: 9\n• LISTEN: 3\n')).toEqual({
      TIME_WAIT: 5,
      CLOSE_WAIT: 9,
      LISTEN: 3,
    });
  });

  it('reads separators and thousands separators', () => {
    expect(counts('ESTABLISHED: 1,204 | TIME_WAIT = 12,248 | CLOSE_WAIT - 7\n')).toEqual({
      ESTABLISHED: 1204,
      TIME_WAIT: 12248,
      CLOSE_WAIT: 7,
    });
    expect(counts('TIME_WAIT\t3\nTIME_WAIT:346\n')).toEqual({ TIME_WAIT: 349 });
  });

  it('reads a count beside a /proc/net/tcp hex state code', () => {
    expect(counts('   8388 01 ESTABLISHED\n     12 0A LISTEN\n')).toEqual({
      ESTABLISHED: 8388,
      LISTEN: 12,
    });
  });

  it('ignores a trailing comment in any language', () => {
    const s = readText('CLOSE_WAIT 23 # 非常异常\nTIME_WAIT 400 // normal\n');
    expect(nonZeroCounts(s.counts)).toEqual({ CLOSE_WAIT: 23, TIME_WAIT: 400 });
    expect(s.warnings.join(' ')).not.toContain('ignored words');
  });

  it('reads several pairs on one line, in either order', () => {
    expect(counts('ESTABLISHED 12 TIME_WAIT 300\n')).toEqual({ ESTABLISHED: 12, TIME_WAIT: 300 });
    expect(counts('12 ESTABLISHED, 300 TIME_WAIT\n')).toEqual({ ESTABLISHED: 12, TIME_WAIT: 300 });
  });

  it('reads PowerShell spellings and Group-Object output', () => {
    expect(
      counts(
        'Count Name                      Group\n----- ----                      -----\n   45 Established               {MSFT_NetTCPConnection (InstanceID = "x")}\n   12 TimeWait                  {MSFT_NetTCPConnection}\n',
      ),
    ).toEqual({ ESTABLISHED: 45, TIME_WAIT: 12 });
  });

  it('reads Prometheus and Telegraf lines', () => {
    expect(
      counts(
        '# HELP node_tcp_connection_states Number of connection states.\n# TYPE node_tcp_connection_states gauge\nnode_tcp_connection_states{state="time_wait"} 4120\nnode_tcp_connection_states{state="established"} 33\n',
      ),
    ).toEqual({ TIME_WAIT: 4120, ESTABLISHED: 33 });
    expect(
      counts('netstat,host=web-1 tcp_established=10i,tcp_time_wait=4i 1700000000000000000\n'),
    ).toEqual({ ESTABLISHED: 10, TIME_WAIT: 4 });
  });

  it('leaves prose and addresses alone', () => {
    expect(counts('we had 300 TIME_WAIT yesterday\n')).toEqual({});
    expect(counts('port 8080 had 300 TIME_WAIT\n')).toEqual({});
    expect(counts('TIME_WAIT 12.5\n')).toEqual({});
  });

  it('warns, naming the line, about a count it cannot hold exactly or a negative count', () => {
    const big = readText('ESTABLISHED 3\n99999999999999999999 TIME_WAIT\n');
    expect(big.counts.TIME_WAIT).toBe(Number.MAX_SAFE_INTEGER);
    expect(big.warnings.join('\n')).toContain('line 2: "99999999999999999999 TIME_WAIT"');
    expect(big.extra['counts:inexact']).toBe(1);
    const unsafe = readText('9007199254740993 CLOSE_WAIT\n');
    expect(unsafe.warnings.join('\n')).toContain('9007199254740993');
    const negative = readText('-5 TIME_WAIT\n');
    expect(negative.counts.TIME_WAIT).toBe(0);
    expect(negative.warnings.join('\n')).toContain('line 1: "-5 TIME_WAIT": a negative count');
  });
});
