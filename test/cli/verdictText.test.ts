import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asciify, bar, renderVerdictText, stateChart, wrap } from '../../src/cli/verdictText.js';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';
import { inbound, summary, table } from '../triage/build.js';

const PASTES = new URL('../fixtures/pastes/', import.meta.url);
const plain = { color: false, unicode: true };
const ESC = String.fromCharCode(27);

function render(file: string, opts = plain) {
  const s = readText(readFileSync(new URL(file, PASTES), 'utf8'));
  return renderVerdictText(triage(s), s, opts);
}

describe('renderVerdictText', () => {
  it('starts with the severity and the headline', () => {
    const out = render('20-hackney-client-closewait-uniq.txt');
    expect(out.split('\n')[0]).toBe(
      'CRITICAL  CLOSE_WAIT pile-up: 1,721 sockets the local application has not closed',
    );
  });

  it('charts states largest first with thousands separators and unicode blocks', () => {
    const out = render('25-engintron-nginx-proxy-timewait-uniq-headerjunk.txt');
    const chart = out.split('\n').filter((l) => /^ {2}[A-Z0-9_]+ +[\d,]+ +[█▏▎▍▌▋▊▉]+$/.test(l));
    expect(chart.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'TIME_WAIT',
      'FIN_WAIT_2',
      'ESTABLISHED',
      'FIN_WAIT_1',
      'LAST_ACK',
      'LISTEN',
      'SYN_RECEIVED',
      'CLOSING',
    ]);
    expect(chart[0]).toContain('12,248');
    expect(out).toContain('`uniq -c` summary');
    expect(out).toMatch(/Read \d+ lines: .*skipped \(/);
  });

  it('draws # bars and only ASCII without unicode', () => {
    const out = render('25-engintron-nginx-proxy-timewait-uniq-headerjunk.txt', {
      color: false,
      unicode: false,
    });
    expect(out).toMatch(/TIME_WAIT +12,248 +#{32}\n/);
    expect(/^[\x20-\x7e\n]*$/.test(out)).toBe(true);
    expect(out).toContain('~204 connections/s');
  });

  it('shows each finding with evidence, cause, next commands and caveats', () => {
    const out = render('09-openjdk-qualys-closewait-netstat-pant.txt');
    expect(out).toContain('1. WARN CLOSE_WAIT pile-up: java (pid 31014)');
    expect(out).toMatch(/Evidence: 14 CLOSE_WAIT/);
    expect(out).toMatch(/Cause: java \(pid 31014\)/);
    expect(out).toContain("$ ss -tanp state close-wait '( sport = :8445 or sport = :8080 )'");
    expect(out).toMatch(/Do not be misled:\n {5}• CLOSE_WAIT is fixed in the application/);
    expect(out).toContain('Read more: close-wait');
  });

  it('says what it read and what it skipped', () => {
    const out = render('42-jc-fixture-freebsd12-netstat-an-unix-sockets.txt');
    expect(out).toContain('BSD/macOS netstat listing, FreeBSD');
    expect(out).toMatch(/4 socket records, \d+ skipped \(.*unix \d+/);
    expect(out.split('\n')[0]).toBe('OK  Looks healthy: 3 LISTEN, 1 ESTABLISHED');
  });

  it('uses colour only when asked', () => {
    const s = summary({ CLOSE_WAIT: 1500, ESTABLISHED: 10 });
    expect(renderVerdictText(triage(s), s, plain)).not.toContain(ESC);
    const coloured = renderVerdictText(triage(s), s, { color: true, unicode: true });
    expect(coloured).toContain(`${ESC}[31m`);
    expect(coloured).toContain('CRITICAL');
  });

  it('uses the Windows prompt for Windows commands', () => {
    const s = table({
      rows: inbound(150, 'CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9', { process: '4356' }),
      os: 'windows',
      format: 'netstat-windows',
    });
    expect(renderVerdictText(triage(s), s, plain)).toContain(
      '> Get-NetTCPConnection -State CloseWait -LocalPort 8080',
    );
  });

  it('shows a counted series and the growth rate', () => {
    const s = table({
      series: { state: 'CLOSE_WAIT', values: [40, 52, 61, 75], intervalSeconds: 30 },
    });
    const out = renderVerdictText(triage(s), s, plain);
    expect(out).toContain('CLOSE_WAIT over 4 samples every 30 s: 40 → 52 → 61 → 75');
    expect(out).toContain('+23/min');
  });

  it('never passes escape sequences from the paste through', () => {
    const s = table({
      rows: inbound(120, 'CLOSE_WAIT', '10.0.0.1:8080', '10.0.0.9', {
        process: `66/evil${ESC}]0;pwned\u0007`,
      }),
      warnings: [`bad${ESC}[2Jline`],
    });
    const out = renderVerdictText(triage(s), s, plain);
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
  });

  it('renders an empty input without crashing', () => {
    const s = table({ rows: [] });
    expect(renderVerdictText(triage(s), s, plain)).toContain('(no TCP sockets found)');
  });
});

describe('rendering helpers', () => {
  it('never lets a non-zero bar vanish', () => {
    expect(bar(0.01, true)).toBe('▏');
    expect(bar(0.01, false)).toBe('#');
    expect(bar(2.5, true)).toBe('██▌');
  });

  it('charts nothing for an empty table', () => {
    expect(stateChart(summary({}).counts, plain)).toEqual([]);
  });

  it('wraps with a hanging indent and keeps long words whole', () => {
    expect(wrap('aaa bbb ccc ddd', 9, '  ', ' ')).toEqual(['  aaa bbb', '   ccc', '   ddd']);
    expect(wrap('x'.repeat(20), 10)).toEqual(['x'.repeat(20)]);
  });

  it('maps typography to ASCII', () => {
    expect(asciify('≈5 × 3 ≥ 2 → …')).toBe('~5 x 3 >= 2 -> ...');
  });
});
