import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';

/** What the registry knows of a line before any format reads it. */
export interface LineFacts {
  /** The first token. */
  t0: string;
  /** The first token starts with a digit. */
  digit: boolean;
  /** The line was indented (ss detail lines are). */
  indented: boolean;
}

/**
 * One input format (or one shape of it). The registry asks each format in turn, the first
 * that takes a line wins (as marked's lexer asks its tokenizers): `header` answers "is this
 * my header or section line?", `row` "is this my row, count or continuation?". A format that
 * takes a line reports what it read through the context (`ctx.seen` says how sure it is of
 * the format, and the OS); one that does not take it changes nothing.
 */
export interface LineFormat {
  readonly name: string;
  header?(v: LineView, ctx: ReadContext, line: LineFacts): boolean;
  row?(v: LineView, ctx: ReadContext, line: LineFacts): boolean;
}
