/**
 * Layout of a byte-scanner record: i32 fields, STRIDE apart (see assembly/rowScanner.ts,
 * which writes them, and assembly/tallies.ts, which folds them).
 */
export const SCAN_RECORD = Object.freeze({
  STRIDE: 16,
  /** 0: a span of other lines, for the reader to read as text; 1: a parsed row. */
  KIND: 0,
  /** Line (or span) start and end, byte offsets into the chunk. */
  START: 1,
  END: 2,
  /** Bit 0: tcp6; bit 2: remote port '*'. */
  FLAGS: 3,
  /** Index into TCP_STATES. */
  STATE: 4,
  RECVQ: 5,
  SENDQ: 6,
  LOCAL_IP: 7,
  LOCAL_PORT: 8,
  REMOTE_IP: 9,
  /** -1 when '*'. */
  REMOTE_PORT: 10,
  /** -1 when the row names no process. */
  PID: 11,
  /** Offsets of the program name after "pid/". */
  NAME_START: 12,
  NAME_END: 13,
});
