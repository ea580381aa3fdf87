import { stateFromToken } from './aliases.js';
import { statesMatchedBy } from './grepStates.js';
import type { TcpState } from './states.js';

/** What a pasted shell command line tells the reader about the lines after it. */
export interface CommandHints {
  text: string;
  /** States named in grep/egrep/findstr/Select-String filters. */
  grepStates: TcpState[];
  /** States named by `ss ... state X` filters. */
  ssStates: TcpState[];
  /** The output is a count (`wc -l`, `grep -c`, `find /c`, Measure-Object). */
  counts: boolean;
  /** `ss` without `-H`: `wc -l` also counted ss's header line. */
  ssHeaderCounted: boolean;
  /** Seconds between repeated runs (`sleep N`, `watch -n N`). */
  intervalSeconds?: number;
  /** The command names /proc/net/tcp. */
  procNetTcp: boolean;
  /**
   * The states the greps together can match (most likely first), when a grep pattern names
   * no state exactly ("grep -i close", "grep WAIT"); undefined when they can match any state.
   */
  grepMatches?: TcpState[];
  /** The grep patterns, as written (for warnings). */
  grepPatterns: string[];
  /** Any grep inverts (-v) or there is no grep: what `wc -l` counts includes header lines. */
  countsHeaders: boolean;
}

const COMMAND_WORDS = new Set([
  'netstat',
  'ss',
  'sudo',
  'cat',
  'awk',
  'grep',
  'egrep',
  'watch',
  'lsof',
  'nstat',
  'sysctl',
  'dmesg',
  'sockstat',
  'while',
  'for',
  'Get-NetTCPConnection',
  'echo',
  'date',
  'sleep',
  'time',
  'journalctl',
  'docker',
  'kubectl',
  'ip',
  'findstr',
  'head',
  'tail',
  'sort',
  'wc',
  'less',
]);

/** Splits a command into words, dropping quotes (straight and curly) and pipe/semicolon marks. */
function words(text: string): string[] {
  const cleaned = text
    .replace(/\u00e2\u0080[\u009c\u009d\u0098\u0099]/g, ' ') // curly quotes in a latin1 view of UTF-8
    .replace(/[\u201c\u201d\u2018\u2019"'`|;()[\]{}]/g, ' ');
  return cleaned.split(/\s+/).filter((w) => w.length > 0);
}

/** Reads the hints out of a command line. */
export function commandHints(text: string): CommandHints {
  const w = words(text);
  const hints: CommandHints = {
    text,
    grepStates: [],
    ssStates: [],
    counts: false,
    ssHeaderCounted: false,
    procNetTcp: text.includes('/proc/net/tcp'),
    grepPatterns: [],
    countsHeaders: false,
  };
  let grepIgnoreCase = false;
  let grepInvert = false;
  let sawGrep = false;
  let matches: TcpState[] | undefined;
  const endGrep = (pattern: string | undefined) => {
    if (pattern === undefined || grepInvert) return;
    hints.grepPatterns.push(pattern);
    const m = statesMatchedBy(pattern, grepIgnoreCase);
    if (m === undefined) return;
    matches = matches === undefined ? m : matches.filter((x) => m.includes(x));
  };
  let pattern: string | undefined;
  let inGrep = false;
  let inSs = false;
  let ssHasNoHeader = false;
  for (let i = 0; i < w.length; i++) {
    const word = w[i] as string;
    const lower = word.toLowerCase();
    if (
      lower === 'grep' ||
      lower === 'egrep' ||
      lower === 'findstr' ||
      lower === 'select-string' ||
      lower === 'find'
    ) {
      if (inGrep) endGrep(pattern);
      inGrep = true;
      sawGrep = true;
      inSs = false;
      grepIgnoreCase = lower === 'findstr' || lower === 'select-string';
      grepInvert = false;
      pattern = undefined;
      continue;
    }
    if (inGrep && word.startsWith('-') && word.length > 1) {
      if (/^-[a-zA-Z]*i/.test(word)) grepIgnoreCase = true;
      if (/^-[a-zA-Z]*v/.test(word)) grepInvert = true;
      if (/^-[a-zA-Z]*c/.test(word)) hints.counts = true;
    } else if (inGrep && pattern === undefined && !COMMAND_WORDS.has(word)) {
      pattern = word;
    } else if (inGrep && COMMAND_WORDS.has(word)) {
      endGrep(pattern);
      pattern = undefined;
      inGrep = false;
    }
    if (word === 'ss') {
      inSs = true;
      inGrep = false;
      continue;
    }
    if (word === 'wc' && w[i + 1] === '-l') hints.counts = true;
    if (inGrep && (word === '-c' || word === '/c' || word === '/C')) hints.counts = true;
    if (lower === 'measure-object' || lower === 'measure') hints.counts = true;
    if (word === 'sleep' && w[i + 1] !== undefined) {
      const n = Number(w[i + 1]);
      if (Number.isFinite(n) && n > 0) hints.intervalSeconds = n;
    }
    if (word === 'watch') {
      const nIdx = w.indexOf('-n', i);
      if (nIdx > i && Number.isFinite(Number(w[nIdx + 1])))
        hints.intervalSeconds = Number(w[nIdx + 1]);
      else if (hints.intervalSeconds === undefined) hints.intervalSeconds = 2;
    }
    if (inSs) {
      if (word === '-H' || word === '--no-header' || /^-[a-zA-Z]*H/.test(word))
        ssHasNoHeader = true;
      if ((word === 'state' || word === 'exclude') && w[i + 1] !== undefined) {
        const s = stateFromToken(w[i + 1] as string) ?? ssFilterState(w[i + 1] as string);
        if (s && word === 'state') hints.ssStates.push(s);
      }
    }
    if (inGrep) {
      // A grep pattern may carry a state among other text: "TIME_WAIT", ":80.*ESTABLISHED".
      for (const part of word.split(/[^A-Za-z0-9_-]+/)) {
        const s = part.length >= 4 ? stateFromToken(part) : undefined;
        if (s && !hints.grepStates.includes(s)) hints.grepStates.push(s);
      }
    }
  }
  if (inGrep) endGrep(pattern);
  if (matches !== undefined) hints.grepMatches = matches;
  hints.countsHeaders = !sawGrep || grepInvert;
  hints.ssHeaderCounted =
    hints.counts && hints.ssStates.length > 0 && !ssHasNoHeader && hints.grepStates.length === 0;
  return hints;
}

/** ss state-filter keywords that are not state spellings. */
function ssFilterState(word: string): TcpState | undefined {
  switch (word.toLowerCase()) {
    case 'established':
      return 'ESTABLISHED';
    case 'listening':
      return 'LISTEN';
    case 'closed':
      return 'CLOSED';
    default:
      return undefined;
  }
}

/**
 * Finds where a command starts in a tokenized line: after a shell prompt (`$ `, `# `,
 * `[root@host ~]# `, `user@host:~$ `, `Kevins-MBP:dir user$ `, `PS C:\> `, `C:\>`), or at
 * the first token when it is a known command followed by flags, a path or a pipe.
 * Returns the token index where the command starts, or -1 when the line is not a command.
 */
export function commandStart(tokens: readonly string[], line: string): number {
  const max = Math.min(tokens.length - 1, 3);
  for (let k = 0; k <= max; k++) {
    const t = tokens[k] as string;
    const last = t.charCodeAt(t.length - 1);
    if (last !== 36 && last !== 35 && last !== 37 && last !== 62) continue; // $ # % >
    const promptish =
      (k === 0 && (t.length === 1 || /[@:~\\\]]/.test(t))) ||
      (k > 0 && (tokens[0] === 'PS' || tokens.slice(0, k + 1).some((p) => /[@:~\\[\]]/.test(p))));
    if (!promptish) continue;
    if (k + 1 < tokens.length) return k + 1;
    return -1;
  }
  // Windows cmd prompt glued to the command: C:\Users\x>netstat -ano
  const t0 = tokens[0] ?? '';
  const gt = t0.indexOf('>');
  if (gt > 1 && t0.includes(':\\') && gt < t0.length - 1 && COMMAND_WORDS.has(t0.slice(gt + 1)))
    return 0;
  if (COMMAND_WORDS.has(t0) && tokens.length > 1) {
    const t1 = tokens[1] as string;
    if (
      t1.startsWith('-') ||
      t1.startsWith('/') ||
      line.includes('|') ||
      t0 === 'watch' ||
      t0 === 'sudo'
    )
      return 0;
  }
  return -1;
}
