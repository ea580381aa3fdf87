import { describe, expect, it } from 'vitest';
import { renderChart, renderReply } from '../../adapters/shell/render.js';
import {
  detectStyle,
  PLAIN_STYLE,
  stripAnsi,
  visibleWidth,
  wrap,
} from '../../adapters/shell/style.js';
import type { Reply } from '../../src/bot/reply.js';

const reply: Reply = {
  kind: 'triage',
  title: 'CLOSE_WAIT pile-up on :8080',
  tone: 'warn',
  paragraphs: [
    'Read **710** sockets from `ss -tan`.',
    '**In short:** the local program has not called close().\n\n- one\n- two',
    '```bash\nss -tanp state close-wait\n```',
  ],
  code: [{ label: 'Try', text: 'lsof -nP -iTCP' }],
  chart: [
    { label: 'ESTABLISHED', value: 138 },
    { label: 'CLOSE_WAIT', value: 710 },
  ],
  findings: [
    {
      title: 'CLOSE_WAIT pile-up',
      tone: 'warn',
      evidence: '710 CLOSE_WAIT on :8080',
      cause: 'The application never calls close().',
      next: ['ss -tanp state close-wait'],
      caveats: ['Do not touch `tcp_fin_timeout`.'],
    },
  ],
  sources: [{ title: 'RFC 9293', url: 'https://www.rfc-editor.org/rfc/rfc9293' }],
  suggestions: ['what do I do about it?', 'explain close-wait'],
};

describe('detectStyle', () => {
  it('uses colour and Unicode on a terminal, plain text on a pipe', () => {
    expect(detectStyle({ isTTY: true, columns: 100 }, {})).toEqual({
      color: true,
      unicode: true,
      width: 100,
    });
    expect(detectStyle({ isTTY: false }, {})).toEqual({ color: false, unicode: false, width: 0 });
  });

  it('honours NO_COLOR, FORCE_COLOR and TERM=dumb', () => {
    expect(detectStyle({ isTTY: true }, { NO_COLOR: '1' }).color).toBe(false);
    expect(detectStyle({ isTTY: true }, { TERM: 'dumb' }).color).toBe(false);
    expect(detectStyle({ isTTY: false }, { FORCE_COLOR: '1' }).color).toBe(true);
    expect(detectStyle({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: 'x' }).color).toBe(false);
  });
});

describe('renderReply', () => {
  it('renders plain ASCII text without escapes or markdown markers', () => {
    const out = renderReply(reply, PLAIN_STYLE);
    expect(out).not.toContain('\u001b[');
    expect(/^[\x20-\x7e\n]*$/.test(out.replace(/[≥→…]/g, ''))).toBe(true);
    expect(out).not.toContain('**');
    expect(out).toContain('Read 710 sockets from `ss -tan`.');
    expect(out).toContain('WARN CLOSE_WAIT pile-up on :8080');
    expect(out).toContain('$ ss -tanp state close-wait');
    expect(out).toContain('1. RFC 9293 https://www.rfc-editor.org/rfc/rfc9293');
    expect(out).toContain('Try: what do I do about it? | explain close-wait');
    // Order: summary, chart, findings, then the rest.
    const chartAt = out.search(/CLOSE_WAIT +710 +#+/);
    expect(chartAt).toBeGreaterThan(out.indexOf('Read 710'));
    expect(chartAt).toBeLessThan(out.indexOf('Evidence:'));
    expect(out.indexOf('Evidence:')).toBeLessThan(out.indexOf('In short:'));
  });

  it('renders colour and Unicode on a terminal, wrapped to its width', () => {
    const style = { color: true, unicode: true, width: 50 };
    const out = renderReply(reply, style);
    expect(out).toContain('\u001b[');
    expect(stripAnsi(out)).toContain('▲ CLOSE_WAIT pile-up on :8080');
    expect(stripAnsi(out)).toContain('• one');
    for (const line of out.split('\n')) {
      if (!stripAnsi(line).trimStart().startsWith('$') && !line.includes('http')) {
        expect(visibleWidth(line)).toBeLessThanOrEqual(50);
      }
    }
  });

  it('scales the chart to the largest value and keeps small values visible', () => {
    const chart = renderChart(
      [
        { label: 'LISTEN', value: 1 },
        { label: 'TIME_WAIT', value: 12_000 },
      ],
      PLAIN_STYLE,
      20,
    );
    expect(chart.split('\n')).toEqual([
      '  LISTEN          1  #',
      `  TIME_WAIT  12,000  ${'#'.repeat(20)}`,
    ]);
  });
});

describe('wrap and visibleWidth', () => {
  it('counts wide characters as two columns and ignores escapes', () => {
    expect(visibleWidth('状态')).toBe(4);
    expect(visibleWidth('\u001b[1mab\u001b[22m')).toBe(2);
  });

  it('wraps at word boundaries with indents', () => {
    expect(wrap('aaa bbb ccc ddd', 9, '  ', '* ')).toBe('* aaa bbb\n  ccc ddd');
    expect(wrap('keep\nlines', 0)).toBe('keep\nlines');
  });
});
