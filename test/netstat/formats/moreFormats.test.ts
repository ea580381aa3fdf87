// ss -s, netstat -A (BSD/macOS/AIX PCB column), lsof and /proc/net/sockstat, in the shapes
// those tools print (lines written here after them).
import { describe, expect, it } from 'vitest';
import { isEmptySnapshot, readText } from '../../../src/netstat/index.js';
import { nonZeroCounts } from '../samples.js';

describe('ss -s', () => {
  it('reads estab and timewait N/M, keeps closed out of the states, reads the Transport table', () => {
    const s = readText(`Total: 187 (kernel 0)
TCP:   38 (estab 5, closed 17, orphaned 2, synrecv 0, timewait 70/0), ports 0

Transport Total     IP        IPv6
RAW	  0         0         0
UDP	  6         4         2
TCP	  21        14        7
`);
    expect(s.format).toBe('ss-summary');
    expect(nonZeroCounts(s.counts)).toEqual({ ESTABLISHED: 5, TIME_WAIT: 70 });
    expect(s.extra).toMatchObject({
      'ss-s:total': 38,
      'ss-s:closed': 17,
      orphaned: 2,
      'ss-s:tcp': 21,
      'ss-s:tcp-ipv4': 14,
    });
  });
});

describe('netstat -A', () => {
  it('drops the PCB address of macOS/FreeBSD rows and skips other protocols', () => {
    const s = readText(`Active Internet connections (including servers)
Socket           Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
ffffff80160d6b40 tcp4       0      0  192.168.1.5.53000      17.57.146.20.5223      ESTABLISHED
ffffff80160d7000 tcp46      0      0  *.22                   *.*                    LISTEN
ffffff80160d8000 udp4       0      0  *.5353                 *.*
`);
    expect(s.format).toBe('netstat-bsd');
    expect(nonZeroCounts(s.counts)).toEqual({ ESTABLISHED: 1, LISTEN: 1 });
    expect(s.skippedBy.udp).toBe(1);
    expect(s.details.ESTABLISHED?.byRemoteEndpoint[0]?.key).toBe('17.57.146.20:5223');
  });

  it('reads AIX netstat -Aan rows', () => {
    const s = readText(
      'f1000e0000c2b3b8 tcp4 0 0 *.22 *.* LISTEN\nf1000e0000c2c3b8 tcp4 0 0 10.1.1.1.22 10.1.1.2.50000 CLOSE_WAIT\n',
    );
    expect(nonZeroCounts(s.counts)).toEqual({ LISTEN: 1, CLOSE_WAIT: 1 });
    expect(s.lines.total).toBe(2);
  });
});

describe('lsof', () => {
  it('reads lsof -i rows with their process and peer', () => {
    const s = readText(`COMMAND   PID USER   FD   TYPE    DEVICE SIZE/OFF NODE NAME
java    31014  app  88u  IPv6 0x1a2b3c      0t0  TCP 10.0.0.5:8080->10.0.0.7:40010 (CLOSE_WAIT)
java    31014  app  89u  IPv6 0x1a2b3d      0t0  TCP 10.0.0.5:8080->10.0.0.7:40011 (CLOSE_WAIT)
nginx    1201 root    6u  IPv4  23456      0t0  TCP *:80 (LISTEN)
`);
    expect(s.format).toBe('lsof');
    expect(nonZeroCounts(s.counts)).toEqual({ CLOSE_WAIT: 2, LISTEN: 1 });
    expect(s.details.CLOSE_WAIT?.byProcess[0]).toMatchObject({ key: 'java (pid 31014)', count: 2 });
    expect(s.details.CLOSE_WAIT?.byLocalPort[0]?.key).toBe('8080');
  });
});

describe('/proc/net/sockstat', () => {
  it('reads tw as TIME_WAIT and keeps the totals; its UDP line does not start a UDP section', () => {
    const s = readText(`sockets: used 290
TCP: inuse 27 orphan 0 tw 24 alloc 31 mem 3
UDP: inuse 4 mem 2
tcp        0      0 10.0.0.5:22    10.0.0.9:5123    ESTABLISHED
`);
    expect(s.counts.TIME_WAIT).toBe(24);
    expect(s.extra['sockstat:inuse']).toBe(27);
    expect(s.lines.records).toBe(1);
  });
});

describe('counts without a table', () => {
  it('reads a wc -l count whose grep pattern names no state exactly, and says what it can match', () => {
    const s = readText('$ netstat -an | grep -i wait | wc -l\n700\n');
    expect(s.counts.CLOSE_WAIT).toBe(700);
    expect(s.warnings.join('\n')).toContain('CLOSE_WAIT, TIME_WAIT, FIN_WAIT_2, FIN_WAIT_1');
  });

  it('intersects greps, and keeps a count of any state without calling it a state', () => {
    expect(
      readText('$ netstat -ant | grep :80 | grep ESTAB | wc -l\n50\n').counts.ESTABLISHED,
    ).toBe(50);
    const any = readText('$ netstat -ant | grep :80 | wc -l\n500\n');
    expect(any.total).toBe(0);
    expect(any.extra['wc:any-state']).toBe(500);
    expect(isEmptySnapshot(any)).toBe(false);
  });

  it('reads a grep -c series with its interval', () => {
    const s = readText(
      '$ while true; do netstat -an | grep -c TIME_WAIT; sleep 5; done\n100\n200\n300\n',
    );
    expect(s.series).toEqual([{ state: 'TIME_WAIT', values: [100, 200, 300], intervalSeconds: 5 }]);
  });

  it('a summary of zeros is a reading, not an empty paste', () => {
    expect(isEmptySnapshot(readText('TIME_WAIT 0\n'))).toBe(false);
    expect(isEmptySnapshot(readText('hello there\n'))).toBe(true);
  });
});

describe('netstat -L, bullets and comments', () => {
  it('reads FreeBSD/macOS listen queues, with or without a protocol column', () => {
    const s = readText(`Current listen queue sizes (qlen/incqlen/maxqlen)
Proto Listen         Local Address
tcp4  192/0/128      *.80
tcp4  0/0/128        *.22
`);
    expect(nonZeroCounts(s.counts)).toEqual({ LISTEN: 2 });
    expect(s.details.LISTEN?.recvQ.max).toBe(192);
    expect(
      readText('Listen         Local Address\n0/0/128        *.12345\n10/0/128        *.80\n')
        .counts.LISTEN,
    ).toBe(2);
  });

  it('reads rows behind a list bullet or a macOS -A flow hash', () => {
    expect(
      readText('- tcp4 0 0 192.168.10.166.61060 17.172.192.35.https ESTABLISHED\n').counts
        .ESTABLISHED,
    ).toBe(1);
    expect(
      readText(
        '7fb03cb94d505aed cedd0cbf tcp4       0      0  192.168.1.221.5486 140.82.113.26.443      ESTABLISHED\n',
      ).counts.ESTABLISHED,
    ).toBe(1);
  });

  it('reads a wc -l value with a comment after it, or quoted in a comment', () => {
    expect(
      readText('$ netstat -tnp | grep CLOSE_WAIT | wc -l\n17  # Increases by ~1 per hour\n').counts
        .CLOSE_WAIT,
    ).toBe(17);
    expect(
      readText('netstat -an | grep ESTABLISHED | wc -l\n# Output: 847 ← Concurrent connections\n')
        .counts.ESTABLISHED,
    ).toBe(847);
  });
});
