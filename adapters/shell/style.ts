/**
 * How the terminal output looks: colour and Unicode when stdout is a terminal, plain ASCII
 * text otherwise; `NO_COLOR` (https://no-color.org) turns colour off, `FORCE_COLOR` on.
 */
import { styleText } from 'node:util';

/** What the terminal can show. */
export interface TerminalStyle {
  color: boolean;
  unicode: boolean;
  /** Columns to wrap at; 0 means do not wrap. */
  width: number;
}

/** Plain text: what goes to a pipe or a file. */
export const PLAIN_STYLE: Readonly<TerminalStyle> = Object.freeze({
  color: false,
  unicode: false,
  width: 0,
});

/** The style for an output stream and environment. */
export function detectStyle(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
): TerminalStyle {
  const tty = Boolean(stream.isTTY);
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force =
    env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const color = !noColor && (force || (tty && env.TERM !== 'dumb'));
  const width = tty ? Math.max(40, Math.min(stream.columns || 80, 120)) : 0;
  return { color, unicode: tty, width };
}

type Format = Parameters<typeof styleText>[0];

/** Paints text with ANSI styles when colour is on; returns it unchanged otherwise. */
export function paint(style: TerminalStyle, format: Format, text: string): string {
  // The style already decided about colour; styleText must not second-guess it from stdout.
  return style.color && text ? styleText(format, text, { validateStream: false }) : text;
}

/** Symbols in their Unicode and ASCII forms. */
const SYMBOLS = {
  bar: ['█', '#'],
  barEdge: ['▏', '|'],
  bullet: ['•', '-'],
  arrow: ['→', '->'],
  ok: ['✓', 'OK'],
  warn: ['▲', 'WARN'],
  critical: ['✖', 'CRIT'],
  info: ['●', '*'],
  error: ['✖', 'ERROR'],
  dont: ['✗', 'x'],
  prompt: ['›', '>'],
  rule: ['─', '-'],
} as const;

/** A symbol in the form the terminal can show. */
export function symbol(style: TerminalStyle, name: keyof typeof SYMBOLS): string {
  return SYMBOLS[name][style.unicode ? 0 : 1];
}

// CSI and OSC escape sequences, for measuring what is visible.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Text without ANSI escapes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns a string takes: wide (CJK, emoji) characters count two, combining marks none. */
export function visibleWidth(text: string): number {
  let w = 0;
  for (const ch of stripAnsi(text)) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      c < 32 ||
      (c >= 0x300 && c <= 0x36f) ||
      c === 0x200b ||
      c === 0x200d ||
      (c >= 0xfe00 && c <= 0xfe0f)
    )
      continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Wraps text to a width (keeping words whole unless one is wider than the line), with an indent. */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string {
  if (width <= 0) {
    return text
      .split('\n')
      .map((l, i) => (i === 0 ? firstIndent : indent) + l)
      .join('\n');
  }
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = out.length === 0 ? firstIndent : indent;
    let lineWidth = visibleWidth(line);
    let empty = true;
    for (const word of para.split(/ +/)) {
      if (!word) continue;
      const w = visibleWidth(word);
      if (!empty && lineWidth + 1 + w > width) {
        out.push(line);
        line = indent;
        lineWidth = visibleWidth(indent);
        empty = true;
      }
      line += (empty ? '' : ' ') + word;
      lineWidth += (empty ? 0 : 1) + w;
      empty = false;
    }
    out.push(line);
  }
  return out.join('\n');
}
