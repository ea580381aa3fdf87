import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import { bsdPcbRows } from './bsdPcbRows.js';
import { commandLines } from './commandLine.js';
import type { LineFacts, LineFormat } from './format.js';
import { listenQueues } from './listenQueues.js';
import { lsofRows } from './lsof.js';
import { netstatHeaders } from './netstatHeaders.js';
import { netstatRows } from './netstatRows.js';
import { windowsImageNames } from './netstatWindows.js';
import { otherLine } from './otherLines.js';
import { procNetTcp } from './procNetTcp.js';
import { protolessRows } from './protolessRows.js';
import { sockstat } from './sockstat.js';
import { solarisRows } from './solaris.js';
import { ssDetailLines, ssRows } from './ss.js';
import { ssSummary } from './ssSummary.js';
import { stateCounts, stateWords } from './stateSummary.js';
import { summaryLines } from './summaryLines.js';
import { wcCounts } from './wcCount.js';

/**
 * Every format, in the order the registry asks them. Headers are asked first (a header
 * starts a block and sets up how its rows are read), then rows; the first format that takes
 * a line wins. The order matters where two shapes overlap: a line led by a state with two
 * queue numbers is an ss row before it is a count.
 */
export const FORMATS: readonly LineFormat[] = [
  ssSummary,
  netstatRows,
  netstatHeaders,
  sockstat,
  lsofRows,
  bsdPcbRows,
  listenQueues,
  procNetTcp,
  ssRows,
  stateCounts,
  stateWords,
  summaryLines,
  protolessRows,
  wcCounts,
  commandLines,
  windowsImageNames,
  ssDetailLines,
  solarisRows,
];

const HEADERS = FORMATS.filter((f) => f.header !== undefined);
const ROWS = FORMATS.filter((f) => f.row !== undefined);
const facts: LineFacts = { t0: '', digit: false, indented: false };

/** Reads one line (trimmed, tokenised in v) with the first format that takes it. */
export function readLine(v: LineView, ctx: ReadContext, indented: boolean): void {
  // The commonest line of all, a TCP row with a protocol column, is tried before anything
  // (but after the `ss -s` Transport table, whose "TCP 21 14 7" row looks like one).
  facts.indented = indented;
  if (ssSummary.row?.(v, ctx, facts)) return;
  if (netstatRows.row?.(v, ctx, facts)) return;
  const t0 = v.tok(0);
  const c0 = t0.charCodeAt(0);
  facts.t0 = t0;
  facts.digit = c0 >= 48 && c0 <= 57;
  for (const f of HEADERS) if (f.header?.(v, ctx, facts)) return;
  if (ctx.section === 'unix' || ctx.section === 'udp' || ctx.section === 'sctp') {
    ctx.b.skip(ctx.section);
    return;
  }
  for (const f of ROWS) if (f !== netstatRows && f !== ssSummary && f.row?.(v, ctx, facts)) return;
  otherLine(v, ctx);
}
