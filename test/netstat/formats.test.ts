// One case per input format and per kind of chat damage. The listings below are written
// here in the shape each tool prints (net-tools, iproute2, Windows, BSD, Solaris, procfs);
// the real pastes from ../shared/eval are covered in samples.test.ts.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/netstat/index.js';
import type { Snapshot } from '../../src/netstat/snapshot.js';

function nonZero(s: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(s.counts).filter(([, v]) => v > 0));
}

describe('Linux netstat', () => {
  it('reads -tanp with headers, PID/program and IPv6, skipping udp', () => {
    const s = readText(`Active Internet connections (servers and established)
Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd: /usr/sbin
tcp        0     36 10.0.0.5:22             10.0.0.9:51234          ESTABLISHED 1201/sshd: alice
tcp      517      0 10.0.0.5:8080           10.0.0.7:40010          CLOSE_WAIT  2231/node
tcp6       0      0 :::443                  :::*                    LISTEN      977/nginx: master
tcp6       0      0 ::ffff:10.0.0.5:443     ::ffff:10.0.0.8:5555    TIME_WAIT   -
udp        0      0 0.0.0.0:68              0.0.0.0:*                           600/dhclient
`);
    expect(s.format).toBe('netstat-linux');
    expect(s.os).toBe('linux');
    expect(nonZero(s)).toEqual({ LISTEN: 2, ESTABLISHED: 1, CLOSE_WAIT: 1, TIME_WAIT: 1 });
    expect(s.skippedBy.udp).toBe(1);
    expect(s.listeningPorts.sort()).toEqual(['22', '443']);
    const cw = s.details.CLOSE_WAIT;
    expect(cw?.byProcess[0]?.key).toBe('node (pid 2231)');
    expect(cw?.byLocalPort[0]?.key).toBe('8080');
    expect(cw?.recvQ).toEqual({ total: 517, max: 517, nonZero: 1 });
    // IPv4-mapped IPv6 peers are grouped with their IPv4 address.
    expect(s.details.TIME_WAIT?.byRemoteEndpoint[0]?.key).toBe('10.0.0.8:5555');
  });

  it('reads -tanpo timers and -e user/inode columns', () => {
    const s =
      readText(`tcp        0      0 10.0.0.5:80     10.0.0.9:17863     FIN_WAIT2   1000       0          -                    timewait (42.10/0/0)
tcp        0      0 10.0.0.5:80     10.0.0.9:17864     FIN_WAIT2   1000       4471       26375/node           off (0.00/0/0)
tcp        0      0 10.0.0.5:43122  10.0.0.1:5432      ESTABLISHED 1000       4472       26375/node           keepalive (7170.1/0/0)
`);
    expect(nonZero(s)).toEqual({ FIN_WAIT_2: 2, ESTABLISHED: 1 });
    expect(s.details.FIN_WAIT_2?.timers).toEqual({ timewait: 1, off: 1 });
    expect(s.details.ESTABLISHED?.byProcess[0]?.key).toBe('node (pid 26375)');
  });

  it('reads hostnames and service names, and a row whose tcp column was cut off', () => {
    const s = readText(`0      0 web-1.internal:https    lb-2.internal:39012     ESTABLISHED
tcp        0      0 web-1.internal:https    lb-3.internal:39013     ESTABLISHED
tcp        0      0 *:http                  *:*                     LISTEN
`);
    expect(nonZero(s)).toEqual({ ESTABLISHED: 2, LISTEN: 1 });
    expect(s.details.ESTABLISHED?.byLocalPort[0]).toMatchObject({ key: 'https', count: 2 });
    expect(s.details.ESTABLISHED?.distinct.remoteHost).toBe(2);
  });

  it('maps the German net-tools spelling VERBUNDEN to ESTABLISHED', () => {
    const s = readText('tcp        0      0 10.0.0.5:22    10.0.0.9:5123    VERBUNDEN\n');
    expect(nonZero(s)).toEqual({ ESTABLISHED: 1 });
  });
});

describe('ss', () => {
  it('reads -tanp with users:((...)) and the header', () => {
    const s = readText(`State      Recv-Q Send-Q Local Address:Port   Peer Address:Port Process
LISTEN     0      4096   0.0.0.0:22           0.0.0.0:*     users:(("sshd",pid=812,fd=3))
ESTAB      0      0      10.0.0.5:22          10.0.0.9:51234 users:(("sshd",pid=1201,fd=4))
CLOSE-WAIT 1      0      [::ffff:10.0.0.5]:8080 [::ffff:10.0.0.7]:40010 users:(("java",pid=31014,fd=88))
TIME-WAIT  0      0      10.0.0.5:43122       10.0.0.1:5432
SYN-RECV   0      0      10.0.0.5:443         203.0.113.9:6000
`);
    expect(s.format).toBe('ss');
    expect(nonZero(s)).toEqual({
      LISTEN: 1,
      ESTABLISHED: 1,
      CLOSE_WAIT: 1,
      TIME_WAIT: 1,
      SYN_RECEIVED: 1,
    });
    expect(s.details.CLOSE_WAIT?.byProcess[0]?.key).toBe('java (pid 31014)');
    expect(s.details.CLOSE_WAIT?.byRemoteEndpoint[0]?.key).toBe('10.0.0.7:40010');
  });

  it('reads -tani multi-line records without counting the detail lines', () => {
    const s = readText(`State  Recv-Q Send-Q Local Address:Port Peer Address:Port
ESTAB  0      0      10.0.0.5:22        10.0.0.9:51234
	 cubic wscale:7,7 rto:204 rtt:0.31/0.12 ato:40 mss:1448 cwnd:10 bytes_acked:5012
ESTAB  0      0      10.0.0.5:22        10.0.0.9:51235
	 cubic wscale:7,7 rto:204 rtt:0.29/0.1 ato:40 mss:1448 cwnd:10
`);
    expect(nonZero(s)).toEqual({ ESTABLISHED: 2 });
    expect(s.lines.unreadable).toBe(0);
  });

  it('reads the netid column of ss -an and skips unix and udp sockets', () => {
    const s = readText(`Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port
u_str ESTAB  0      0      * 23456            * 23457
udp   UNCONN 0      0      0.0.0.0:68         0.0.0.0:*
tcp   ESTAB  0      0      10.0.0.5:22        10.0.0.9:51234
tcp   LISTEN 0      128    [::]:22            [::]:*
`);
    expect(nonZero(s)).toEqual({ ESTABLISHED: 1, LISTEN: 1 });
    expect(s.skippedBy).toMatchObject({ unix: 1, udp: 1 });
  });

  it('takes the state of a single-state filter from the command line (ss drops the State column)', () => {
    const s = readText(`$ ss -tan state time-wait
Recv-Q Send-Q Local Address:Port Peer Address:Port
0      0      10.0.0.5:43122     10.0.0.1:5432
0      0      10.0.0.5:43124     10.0.0.1:5432
`);
    expect(nonZero(s)).toEqual({ TIME_WAIT: 2 });
    expect(s.details.TIME_WAIT?.byRemoteEndpoint[0]).toMatchObject({
      key: '10.0.0.1:5432',
      count: 2,
    });
  });

  it('says it cannot read state-less rows when the command is missing', () => {
    const s = readText(`Recv-Q Send-Q Local Address:Port Peer Address:Port
0      0      10.0.0.5:43122     10.0.0.1:5432
`);
    expect(s.total).toBe(0);
    expect(s.unreadableReasons[0]).toMatch(/no state column/);
  });

  it('reads ss -s totals', () => {
    const s = readText(`Total: 5412
TCP:   5334 (estab 130, closed 0, orphaned 3, timewait 5204)

Transport Total     IP        IPv6
RAW	  0         0         0
UDP	  10        8         2
TCP	  130       120       10
`);
    expect(s.format).toBe('ss-summary');
    expect(nonZero(s)).toEqual({ ESTABLISHED: 130, TIME_WAIT: 5204 });
    expect(s.extra.orphaned).toBe(3);
  });
});

describe('Windows netstat', () => {
  it('reads -ano with CRLF line ends and LISTENING', () => {
    const s = readText(
      '\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n' +
        '  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       880\r\n' +
        '  TCP    10.0.0.5:50123         10.0.0.1:443           TIME_WAIT       0\r\n' +
        '  TCP    [::]:445               [::]:0                 LISTENING       4\r\n' +
        '  UDP    0.0.0.0:500            *:*                                    3012\r\n',
    );
    expect(s.format).toBe('netstat-windows');
    expect(s.os).toBe('windows');
    expect(nonZero(s)).toEqual({ LISTEN: 2, TIME_WAIT: 1 });
    expect(s.details.LISTEN?.byProcess.map((p) => p.key).sort()).toEqual(['pid 4', 'pid 880']);
  });

  it('reads localized state names (German Windows)', () => {
    const s = readText(`  TCP    0.0.0.0:135     0.0.0.0:0      ABHÖREN        880
  TCP    10.0.0.5:50123  10.0.0.1:443   HERGESTELLT    4410
  TCP    10.0.0.5:50124  10.0.0.1:443   WARTEND        0
  TCP    10.0.0.5:50125  10.0.0.1:443   SCHLIESSEN_WARTEN 4410
`);
    expect(nonZero(s)).toEqual({ LISTEN: 1, ESTABLISHED: 1, TIME_WAIT: 1, CLOSE_WAIT: 1 });
  });

  it('attaches netstat -b image names to the row above', () => {
    const s = readText(`  TCP    10.0.0.5:50123  10.0.0.1:443   CLOSE_WAIT    4410
 [chrome.exe]
`);
    expect(s.details.CLOSE_WAIT?.byProcess[0]?.key).toBe('chrome.exe (pid 4410)');
  });
});

describe('BSD, macOS and Solaris netstat', () => {
  it('reads dotted ports and tcp46 (macOS)', () => {
    const s = readText(`Active Internet connections (including servers)
Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
tcp46      0      0  *.8080                 *.*                    LISTEN
tcp4       0      0  192.168.1.10.52044     31.13.66.35.443        ESTABLISHED
tcp6       0      0  fe80::1%lo0.1024       fe80::1%lo0.52100      ESTABLISHED
`);
    expect(s.format).toBe('netstat-bsd');
    expect(nonZero(s)).toEqual({ LISTEN: 1, ESTABLISHED: 2 });
    expect(s.details.ESTABLISHED?.byRemoteEndpoint.map((e) => e.key).sort()).toEqual([
      '31.13.66.35:443',
      '[fe80::1]:52100',
    ]);
  });

  it('reads OpenBSD rows (tcp with dotted ports) and SYN_RCVD', () => {
    const s =
      readText(`tcp          0      0  10.0.0.1.22            10.0.0.2.5555          SYN_RCVD
tcp          0      0  10.0.0.1.22            10.0.0.3.5556          FIN_WAIT_2
`);
    expect(s.format).toBe('netstat-bsd');
    expect(nonZero(s)).toEqual({ SYN_RECEIVED: 1, FIN_WAIT_2: 1 });
    expect(s.details.SYN_RECEIVED?.byLocalPort[0]?.key).toBe('22');
  });

  it('reads Solaris sections: TCP counted, UDP and SCTP skipped', () => {
    const s = readText(`UDP: IPv4
   Local Address        Remote Address      State
-------------------- -------------------- ----------
      *.sunrpc                              Idle

TCP: IPv4
   Local Address        Remote Address    Swind Send-Q Rwind Recv-Q    State
-------------------- -------------------- ----- ------ ----- ------ -----------
10.0.0.1.22          10.0.0.2.5555        64128     12 64128    300 ESTABLISHED
      *.22                 *.*                0      0 128000      0 LISTEN
`);
    expect(s.os).toBe('solaris');
    expect(nonZero(s)).toEqual({ ESTABLISHED: 1, LISTEN: 1 });
    expect(s.details.ESTABLISHED?.recvQ.total).toBe(300);
    expect(s.details.ESTABLISHED?.sendQ.total).toBe(12);
  });
});

describe('/proc/net/tcp and tcp6', () => {
  it('decodes hex states, little-endian IPv4 and queues', () => {
    const s =
      readText(`  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:0019 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21981 1
   1: 0500000A:1F90 0700000A:9C4C 08 00000000:00000205 00:00000000 00000000  1000        0 5511 1
   2: 0000000000000000FFFF00000500000A:01BB 0000000000000000FFFF00000800000A:15B3 06 00000000:00000000 03:00001771 00000000     0        0 0 3
`);
    expect(s.format).toBe('proc-net-tcp');
    expect(nonZero(s)).toEqual({ LISTEN: 1, CLOSE_WAIT: 1, TIME_WAIT: 1 });
    expect(s.details.CLOSE_WAIT?.byLocalPort[0]?.key).toBe('8080');
    expect(s.details.CLOSE_WAIT?.byRemoteEndpoint[0]?.key).toBe('10.0.0.7:40012');
    expect(s.details.CLOSE_WAIT?.recvQ.total).toBe(0x205);
    expect(s.details.TIME_WAIT?.byRemoteHost[0]?.key).toBe('10.0.0.8');
  });
});

describe('count summaries', () => {
  it('reads uniq -c collapsed onto one line, ignoring header artefacts', () => {
    const s = readText(
      '1 established) 5 ESTABLISHED 3 FIN_WAIT2 1 Foreign 12 LISTEN 63742 TIME_WAIT\n',
    );
    expect(s.format).toBe('uniq-count');
    expect(nonZero(s)).toEqual({ ESTABLISHED: 5, FIN_WAIT_2: 3, LISTEN: 12, TIME_WAIT: 63742 });
    expect(s.warnings.join(' ')).toMatch(/Foreign/);
  });

  it('reads awk state-then-count lines and /proc hex codes from uniq -c', () => {
    expect(nonZero(readText('ESTABLISHED 130\nTIME_WAIT: 5204\n'))).toEqual({
      ESTABLISHED: 130,
      TIME_WAIT: 5204,
    });
    expect(nonZero(readText('      1 st\n     10 0A\n      4 01\n'))).toEqual({
      LISTEN: 10,
      ESTABLISHED: 4,
    });
  });

  it('reads a grep | wc -l count after its command', () => {
    const s = readText('[root@web ~]# netstat -an | grep TIME_WAIT | wc -l\n5204\n');
    expect(s.format).toBe('wc-count');
    expect(nonZero(s)).toEqual({ TIME_WAIT: 5204 });
  });

  it('reads a series from a loop, with its interval', () => {
    const s = readText(`$ while true; do netstat -an | grep -c CLOSE_WAIT; sleep 60; done
710
790
905
1450
`);
    expect(s.series).toEqual([
      { state: 'CLOSE_WAIT', values: [710, 790, 905, 1450], intervalSeconds: 60 },
    ]);
    expect(s.counts.CLOSE_WAIT).toBe(1450);
  });

  it('subtracts the header ss prints when wc -l counts its lines', () => {
    const s = readText('$ ss -tan state close-wait | wc -l\n711\n');
    expect(s.counts.CLOSE_WAIT).toBe(710);
  });

  it('refuses a bare number with no command naming the state', () => {
    const s = readText('5204\n');
    expect(s.total).toBe(0);
    expect(s.unreadableReasons[0]).toMatch(/bare number/);
  });
});

describe('chat damage', () => {
  const rows = `tcp        0      0 10.0.0.5:8080   10.0.0.7:40010   CLOSE_WAIT  2231/node
tcp        0      0 10.0.0.5:8080   10.0.0.7:40011   CLOSE_WAIT  2231/node
tcp        0      0 10.0.0.5:8080   10.0.0.7:40012   ESTABLISHED 2231/node`;

  it.each([
    ['a code fence with a language tag', `\`\`\`text\n${rows}\n\`\`\``],
    ['content glued to the fences', `\`\`\`${rows}\`\`\``],
    [
      '"> " quote prefixes',
      rows
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n'),
    ],
    ['a shell prompt and the command', `user@web:~$ netstat -tanp | grep 8080\n${rows}`],
    ['elisions', `${rows.split('\n')[0]}\n...\n[...]\n…\n${rows.split('\n').slice(1).join('\n')}`],
    [
      'trailing spaces and CRLF',
      rows
        .split('\n')
        .map((l) => `${l}   \r`)
        .join('\n'),
    ],
    ['a truncated last line', `${rows}\ntcp        0      0 10.0.0.5:80`],
    ['curly quotes in the command', `$ netstat -tanp | grep “8080”\n${rows}`],
  ])('survives %s without counting it', (_name, text) => {
    const s = readText(text);
    expect(nonZero(s)).toEqual({ CLOSE_WAIT: 2, ESTABLISHED: 1 });
  });

  it('splits rows a chat client flattened onto one line', () => {
    const s = readText(rows.replace(/\n/g, ' '));
    expect(nonZero(s)).toEqual({ CLOSE_WAIT: 2, ESTABLISHED: 1 });
    expect(s.details.CLOSE_WAIT?.byRemoteEndpoint.map((e) => e.key).sort()).toEqual([
      '10.0.0.7:40010',
      '10.0.0.7:40011',
    ]);
  });

  it('says why empty and binary input hold nothing', () => {
    expect(readText('').total).toBe(0);
    const binary = readText(
      String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
    );
    expect(binary.total).toBe(0);
  });
});
