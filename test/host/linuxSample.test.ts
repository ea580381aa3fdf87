import { describe, expect, it } from 'vitest';
import { parseNetstat, parseSockstat } from '../../src/host/kernelFigures.js';
import { sampleLinux } from '../../src/host/linuxSample.js';
import { eachProcSocket, type ProcSocket } from '../../src/host/procNetTcp.js';
import { sampleHost } from '../../src/host/sampleHost.js';
import { fakeProcFs } from './fakeProcFs.js';

const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
/** A /proc/net/tcp row: local 127.0.0.1:port, remote 127.0.0.1:rport, state code, inode. */
function row(i: number, port: number, rport: number, st: string, inode: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return `   ${i}: 0100007F:${hex(port)} 0100007F:${hex(rport)} ${st} 00000000:0000000A 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 20 4 0 10 -1\n`;
}

describe('/proc/net/tcp rows', () => {
  it('decode addresses, ports, state, queues and inode, IPv4 and IPv6', () => {
    const v6 =
      '   0: 00000000000000000000000001000000:1F90 0000000000000000FFFF00000100007F:D431 08 00000002:00000000 00:00000000 00000000  1000        0 777 1 0\n';
    const got: ProcSocket[] = [];
    const bad = eachProcSocket(
      `${HEADER}${row(0, 8080, 50000, '08', 42)}${v6}garbage line\n`,
      (s) => got.push(s),
    );
    expect(bad).toBe(1);
    expect(got[0]).toEqual({
      state: 'CLOSE_WAIT',
      localHost: '127.0.0.1',
      localPort: 8080,
      remoteHost: '127.0.0.1',
      remotePort: 50000,
      sendQ: 0,
      recvQ: 10,
      inode: 42,
    });
    expect(got[1]).toMatchObject({
      localHost: '::1',
      remoteHost: '127.0.0.1',
      remotePort: 0xd431,
      sendQ: 2,
      inode: 777,
    });
  });
});

describe('kernel figures', () => {
  it('reads sockstat and the TcpExt counters by name', () => {
    expect(parseSockstat('sockets: used 9\nTCP: inuse 3 orphan 2 tw 7 alloc 5 mem 1\n')).toEqual({
      inuse: 3,
      orphan: 2,
      tw: 7,
      alloc: 5,
      mem: 1,
    });
    const netstat =
      'TcpExt: SyncookiesSent ListenOverflows ListenDrops TCPReqQFullDrop\nTcpExt: 1 12 13 4\nIpExt: A\nIpExt: 1\n';
    expect(parseNetstat(netstat)).toEqual({
      ListenOverflows: 12,
      ListenDrops: 13,
      TCPReqQFullDrop: 4,
    });
  });
});

/** A host with `n` CLOSE_WAIT on :8080 held by pid 4242 (java), whose fd table may be closed to us. */
function host(n: number, deny: boolean) {
  let tcp = HEADER;
  const links: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    tcp += row(i, 8080, 40000 + i, '08', 1000 + i);
    links[`proc/4242/fd/${i + 3}`] = `socket:[${1000 + i}]`;
  }
  links['proc/4242/fd/0'] = '/dev/null';
  return fakeProcFs(
    {
      'proc/net/tcp': tcp,
      'proc/4242/comm': 'java\n',
      'proc/sys/net/ipv4/ip_local_port_range': '20000\t29999\n',
    },
    links,
    deny ? ['proc/4242/fd'] : [],
  );
}

describe('sampling a Linux host through an injected fs root', () => {
  it('attributes sockets to the process holding their inodes', () => {
    const s = sampleLinux(host(150, false));
    expect(s.snapshot.counts.CLOSE_WAIT).toBe(150);
    expect(s.snapshot.details.CLOSE_WAIT?.byProcess[0]).toMatchObject({
      key: '4242/java',
      count: 150,
    });
    expect(s.attribution).toEqual({ held: 150, attributed: 150, deniedProcesses: 0 });
    expect(s.range?.size).toBe(10000);
  });

  it('says when permission is missing and names the fix, without guessing an owner', async () => {
    const s = await sampleHost({ fs: host(150, true), platform: 'linux' });
    expect(s.attribution).toMatchObject({ held: 150, attributed: 0, deniedProcesses: 1 });
    expect(s.attribution?.fix).toContain('CAP_SYS_PTRACE');
    expect(s.verdict.warnings.join(' ')).toMatch(/no permission to read \/proc\/PID\/fd.*root/);
    expect(s.snapshot.details.CLOSE_WAIT?.byProcess ?? []).toEqual([]);
    const cw = s.verdict.findings.find((f) => f.id === 'close-wait-pileup');
    expect(cw?.evidence).not.toContain('java');
  });

  it('notes the files this host lacks and still reads what it has', () => {
    const s = sampleLinux(host(3, false));
    expect(s.kernel.missing).toContain('/proc/net/sockstat');
    expect(s.snapshot.warnings.join(' ')).toContain('/proc/net/tcp6 is missing');
    expect(s.kernel.sysctls.ip_local_port_range).toBe('20000 29999');
  });
});
