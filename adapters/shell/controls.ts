/**
 * Text from a paste or a question made safe to print to a terminal: a raw ESC, OSC, CSI or
 * BEL could set the window title, clear the screen, move the cursor or write a hyperlink.
 * Every C0 control but tab and newline, DEL, and every C1 control is shown in caret or hex
 * notation instead (`^[`, `^G`, `<9b>`), so the text stays readable and nothing is executed.
 * The renderer's own colours are added after this, so they are unaffected.
 */

// C0 without \t and \n, DEL, C1. A lone \r would let a line overwrite itself; \r\n is a newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** One control character in visible notation. */
function visible(c: string): string {
  if (c === '\r\n') return '\n';
  const code = c.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<${code.toString(16)}>`;
}

/** The text with every terminal control character shown, not sent. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, visible);
}

/** A copy of plain data (a Reply, a Verdict, a Snapshot) with every string made terminal-safe. */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafe(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafe(v);
    return out as T;
  }
  return value;
}
