import { styleText } from 'node:util';
import type { InputFormat, OsFamily, Snapshot } from '../netstat/snapshot.js';
import { TCP_STATES, type TcpState } from '../netstat/states.js';
import { num as formatNumber } from '../triage/format.js';
import type { Finding, Severity, Verdict } from '../triage/verdict.js';

/** How to draw: colours (ANSI via util.styleText) and unicode blocks, both off for plain text. */
export interface VerdictTextOptions {
  color: boolean;
  unicode: boolean;
}

/** Rendering knobs, in one place. */
export const VERDICT_TEXT_DEFAULTS = Object.freeze({
  /** Width of the longest bar in the state chart, in cells. */
  barWidth: 32,
  /** Text is wrapped at this width (biome/terminal friendly). */
  wrapWidth: 96,
});

type Style = Parameters<typeof styleText>[0];

const SEVERITY_LABEL: Record<Severity, string> = { ok: 'OK', warn: 'WARN', critical: 'CRITICAL' };
const SEVERITY_STYLE: Record<Severity, Style> = {
  ok: ['bold', 'green'],
  warn: ['bold', 'yellow'],
  critical: ['bold', 'red'],
};

const FORMAT_NAME: Record<InputFormat, string> = {
  'uniq-count': '`uniq -c` summary (count, state)',
  'state-count': 'state/count summary (awk)',
  'netstat-linux': 'Linux netstat listing',
  'netstat-windows': 'Windows netstat listing',
  'netstat-bsd': 'BSD/macOS netstat listing',
  'netstat-solaris': 'Solaris netstat listing',
  ss: 'ss listing',
  'ss-summary': '`ss -s` summary',
  'proc-net-tcp': '/proc/net/tcp table',
  'wc-count': '`wc -l` count',
  lsof: 'lsof listing',
  sockstat: '/proc/net/sockstat summary',
  unknown: 'unrecognised format',
};

const OS_NAME: Record<OsFamily, string | undefined> = {
  linux: 'Linux',
  windows: 'Windows',
  macos: 'macOS',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  bsd: 'BSD',
  solaris: 'Solaris',
  unknown: undefined,
};

/** Terminal-safe text: pasted data must not carry escape sequences or line breaks into the output. */
export function clean(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x0a || c === 0x0d || c === 0x09) out += ' ';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    else out += ch;
  }
  return out;
}

const ASCII: Record<string, string> = {
  '≈': '~',
  '×': 'x',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '…': '...',
  '·': '-',
  '•': '-',
  '—': '-',
  '–': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
};

/** Replace the typographic characters our texts use with ASCII, for terminals without unicode. */
export function asciify(text: string): string {
  let out = '';
  for (const ch of text) out += ASCII[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch : '?');
  return out;
}

const num = formatNumber;

/** Greedy word wrap; `indent` prefixes every line, continuation lines get `hang` more. */
export function wrap(text: string, width: number, indent = '', hang = ''): string[] {
  const words = clean(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const w of words) {
    if (empty) line = indent + w;
    else if (line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + hang + w;
    } else line = `${line} ${w}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

/** A bar of `cells` (fractional) cells: eighth blocks in unicode, '#' in ASCII; non-zero never vanishes. */
export function bar(cells: number, unicode: boolean): string {
  if (!unicode) return '#'.repeat(Math.max(1, Math.round(cells)));
  const eighths = Math.max(1, Math.round(cells * 8));
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  const partial = rest > 0 ? (['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][rest] ?? '') : '';
  return '█'.repeat(full) + partial;
}

/** The states present, largest first, as a bar chart with thousands separators. */
export function stateChart(counts: Record<TcpState, number>, opts: VerdictTextOptions): string[] {
  const present = TCP_STATES.filter((s) => counts[s] > 0).sort((a, b) => counts[b] - counts[a]);
  if (present.length === 0) return [];
  const max = counts[present[0] as TcpState];
  const labelWidth = Math.max(...present.map((s) => s.length));
  const numbers = present.map((s) => num(counts[s]));
  const numWidth = Math.max(...numbers.map((n) => n.length));
  return present.map((s, i) => {
    const cells = (counts[s] / max) * VERDICT_TEXT_DEFAULTS.barWidth;
    const b = bar(cells, opts.unicode);
    return `  ${s.padEnd(labelWidth)}  ${(numbers[i] ?? '').padStart(numWidth)}  ${b}`;
  });
}

function readLine(snapshot: Snapshot): string {
  const l = snapshot.lines;
  const parts: string[] = [];
  if (l.records > 0) parts.push(`${num(l.records)} socket record${l.records === 1 ? '' : 's'}`);
  const skipped = Object.entries(snapshot.skippedBy)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${num(n)}`);
  if (l.skipped > 0) parts.push(`${num(l.skipped)} skipped (${skipped.join(', ')})`);
  if (l.unreadable > 0) parts.push(`${num(l.unreadable)} unreadable`);
  return `Read ${num(l.total)} line${l.total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Render a Verdict for the terminal: headline, state chart, what was read, then each finding. */
export function renderVerdictText(
  verdict: Verdict,
  snapshot: Snapshot,
  opts: VerdictTextOptions,
): string {
  const W = VERDICT_TEXT_DEFAULTS.wrapWidth;
  const paint = (style: Style, text: string): string =>
    opts.color
      ? (styleText as (f: Style, t: string, o?: { validateStream?: boolean }) => string)(
          style,
          text,
          { validateStream: false },
        )
      : text;
  const sev = (s: Severity, label = SEVERITY_LABEL[s]) => paint(SEVERITY_STYLE[s], label);
  const dim = (t: string) => paint('dim', t);
  const out: string[] = [];

  out.push(`${sev(verdict.severity)}  ${paint('bold', clean(verdict.headline))}`);
  out.push('');

  const os = OS_NAME[verdict.os];
  out.push(
    `${paint('bold', 'States')} ${dim(`(${FORMAT_NAME[verdict.format]}${os ? `, ${os}` : ''}; ${num(verdict.total)} sockets)`)}`,
  );
  const chart = stateChart(verdict.counts, opts);
  out.push(...(chart.length ? chart : ['  (no TCP sockets found)']));
  for (const s of snapshot.series) {
    const values =
      s.values.length <= 8
        ? s.values.map(num).join(opts.unicode ? ' → ' : ' -> ')
        : `${num(s.values[0] ?? 0)} … ${num(s.values[s.values.length - 1] ?? 0)}`;
    out.push(
      `  ${s.state} over ${s.values.length} samples${s.intervalSeconds ? ` every ${s.intervalSeconds} s` : ''}: ${values}`,
    );
  }
  out.push(dim(readLine(snapshot)));
  for (const r of snapshot.unreadableReasons.slice(0, 3))
    out.push(dim(`  unreadable: ${clean(r)}`));
  for (const w of verdict.warnings) out.push(...wrap(`note: ${w}`, W, '', '  ').map(dim));

  const bullet = opts.unicode ? '•' : '-';
  const prompt = verdict.os === 'windows' ? '>' : '$';
  verdict.findings.forEach((f: Finding, i) => {
    out.push('');
    const label = f.severity === 'ok' ? 'NOTE' : SEVERITY_LABEL[f.severity];
    out.push(
      `${paint('bold', `${i + 1}.`)} ${sev(f.severity, label)} ${paint('bold', clean(f.title))}`,
    );
    out.push(dim(`   ${f.id} · ${f.state}`));
    out.push(...wrap(`Evidence: ${f.evidence}`, W, '   ', '  '));
    out.push(...wrap(`Cause: ${f.cause}`, W, '   ', '  '));
    if (f.next.length) {
      out.push(`   ${paint('bold', 'Next:')}`);
      for (const c of f.next) out.push(`     ${paint('cyan', `${prompt} ${clean(c)}`)}`);
    }
    if (f.caveats.length) {
      out.push(`   ${paint('bold', 'Do not be misled:')}`);
      for (const c of f.caveats) out.push(...wrap(`${bullet} ${c}`, W, '     ', '  '));
    }
    if (f.kb.length) out.push(...wrap(`Read more: ${f.kb.join(', ')}`, W, '   ', '  ').map(dim));
  });
  if (verdict.findings.length === 0 && verdict.total > 0) {
    out.push('');
    out.push('Nothing is piling up: no state is above the levels that call for action.');
  }
  const text = `${out.join('\n')}\n`;
  return opts.unicode ? text : asciify(text);
}
