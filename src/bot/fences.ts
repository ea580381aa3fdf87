/**
 * Fenced code blocks as CommonMark reads them at the top level of a document: a line with at
 * most three spaces of indentation, then three or more backticks or tildes. The chunker uses
 * this to know, for every line, whether it sits inside a fence it must close and reopen.
 */

/** An open fenced code block. */
export interface Fence {
  char: '`' | '~';
  /** Number of fence characters in the opener (the closer needs at least as many). */
  length: number;
  /** The first word of the info string (the language), or ''. */
  language: string;
}

/** A line's run of fence characters, if it has one. */
interface FenceRun {
  char: '`' | '~';
  length: number;
  rest: string;
}

function fenceRun(line: string): FenceRun | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return undefined;
  let j = i;
  while (line[j] === c) j++;
  if (j - i < 3) return undefined;
  return { char: c, length: j - i, rest: line.slice(j) };
}

/** The fence a line opens, if it is an opener (backtick info strings may not hold backticks). */
export function parseFenceOpener(line: string): Fence | undefined {
  const run = fenceRun(line);
  if (!run) return undefined;
  if (run.char === '`' && run.rest.includes('`')) return undefined;
  const info = run.rest.trim();
  const space = info.search(/\s/);
  return { char: run.char, length: run.length, language: space < 0 ? info : info.slice(0, space) };
}

/** Whether a line closes the given open fence. */
export function closesFence(line: string, fence: Fence): boolean {
  const run = fenceRun(line);
  return (
    run !== undefined &&
    run.char === fence.char &&
    run.length >= fence.length &&
    run.rest.trim() === ''
  );
}

/** The line that closes a fence the chunker had to break. */
export function fenceCloser(fence: Fence): string {
  return fence.char.repeat(fence.length);
}

/** The line that reopens a broken fence, with its language when it is short. */
export function fenceReopener(fence: Fence): string {
  const lang = fence.language.length <= 32 ? fence.language : '';
  return fence.char.repeat(fence.length) + lang;
}

/** What a line is, fence-wise. */
export type FenceRole = 'opener' | 'closer' | 'content' | 'text';

/** Per line: the fence open at its start, the fence open after it, and its role. */
export interface LineFenceState {
  before: Fence | undefined;
  after: Fence | undefined;
  role: FenceRole;
}

/** Scans lines top to bottom and says which fence (if any) is open around each. */
export function scanFences(lines: readonly string[]): LineFenceState[] {
  const out: LineFenceState[] = [];
  let open: Fence | undefined;
  for (const line of lines) {
    const before = open;
    let role: FenceRole;
    if (open) {
      if (closesFence(line, open)) {
        role = 'closer';
        open = undefined;
      } else {
        role = 'content';
      }
    } else {
      const opener = parseFenceOpener(line);
      if (opener) {
        role = 'opener';
        open = opener;
      } else {
        role = 'text';
      }
    }
    out.push({ before, after: open, role });
  }
  return out;
}
