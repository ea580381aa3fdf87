// Exact counts of the public sample pastes; expected values are the labels of ../shared/eval/labels.tsv.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/netstat/index.js';
import { nonZeroCounts, SAMPLE_COUNTS, samplePaste } from './samples.js';

describe('sample pastes are counted exactly', () => {
  it.each(Object.entries(SAMPLE_COUNTS))('%s', (file, want) => {
    const s = readText(samplePaste(file));
    expect(nonZeroCounts(s.counts)).toEqual(want);
    expect(s.lines.unreadable).toBe(0);
  });

  it('attributes the Java CLOSE_WAIT leak to its process, ports and peer', () => {
    const d = readText(samplePaste('09-openjdk-qualys-closewait-netstat-pant.txt')).details
      .CLOSE_WAIT;
    expect(d?.byProcess).toEqual([{ key: 'java (pid 31014)', count: 14, recvQ: 6156, sendQ: 0 }]);
    expect(d?.byLocalPort.map((p) => [p.key, p.count])).toEqual([
      ['8445', 7],
      ['8080', 6],
      ['8443', 1],
    ]);
    expect(d?.byRemoteHost[0]).toMatchObject({ key: '10.171.12.184', count: 14 });
    expect(d?.recvQ.max).toBe(3069);
  });
});
