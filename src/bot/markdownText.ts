/**
 * Text that came from a person or a paste, written into a Reply's markdown as text, never as
 * markup. A process name or an echoed question such as `[Click](https://evil.example)` must
 * not become a disguised link, bold text or a heading in any renderer: every markdown
 * punctuation mark in it is backslash-escaped (CommonMark escapes, which marked and Discord
 * both honour). The bot's own markup (KB links, emphasis it adds) is written around it.
 */

// Every character that opens or closes markup in CommonMark, GFM or Discord's dialect:
// emphasis, code, links and autolinks (e-mail ones too), tables and spoilers, headings, entities.
const MARKUP = /[\\`*_~[\]()<>|#&!@]/g;

// A bare URL is auto-linked by GFM and Discord; an escaped colon or dot keeps it text.
const BARE_LINK = /:\/\/|(www)\./gi;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the character at `i` is a letter or digit. */
function wordAt(text: string, i: number): boolean {
  const c = text[i];
  return c !== undefined && WORD_CHAR.test(c);
}

/** User text as markdown that reads literally: every markup character escaped, no autolinks. */
export function literalMarkdown(text: string): string {
  return text
    .replace(MARKUP, (c, at: number) =>
      // One `_` between letters (CLOSE_WAIT, tcp_tw_reuse) is never emphasis: left as it is.
      c === '_' && wordAt(text, at - 1) && wordAt(text, at + 1) ? c : `\\${c}`,
    )
    .replace(BARE_LINK, (_m, www: string | undefined) => (www ? `${www}\\.` : '\\://'));
}

/**
 * A rule-written text (a finding's title, evidence or cause) with the paste's words in it:
 * its backtick code spans stay code (a code span is never a link), everything else is
 * escaped as in `literalMarkdown`. A backtick run with no closing run of the same length is
 * text. Linear: each backtick run is looked at a bounded number of times.
 */
export function literalMarkdownKeepingCode(text: string): string {
  const runs: { at: number; length: number }[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = j;
  }
  if (runs.length === 0) return literalMarkdown(text);
  // The next run of the same length after each run, found in one pass from the right.
  const closer = new Array<number>(runs.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const len = (runs[r] as { length: number }).length;
    closer[r] = nextOfLength.get(len) ?? -1;
    nextOfLength.set(len, r);
  }
  let out = '';
  let pos = 0;
  for (let r = 0; r < runs.length; r++) {
    const close = closer[r] as number;
    if (close < 0) continue;
    const open = runs[r] as { at: number; length: number };
    const end = runs[close] as { at: number; length: number };
    out += literalMarkdown(text.slice(pos, open.at));
    out += text.slice(open.at, end.at + end.length);
    pos = end.at + end.length;
    r = close;
  }
  return out + literalMarkdown(text.slice(pos));
}
