import { exactStateSpellings } from './aliases.js';
import { SCAN_RECORD } from './scanRecord.js';
import { TCP_STATES } from './states.js';
import { instantiate, type WasmInstance } from './wasm.js';

/**
 * Host side of the WebAssembly row scanner (source: assembly/rowScanner.ts, built to
 * dist/rowScanner.wasm by `npm run build:wasm`). The module reads Linux netstat rows with
 * IPv4 endpoints out of raw bytes, which is what large dumps are made of, and hands every
 * other line back to the TypeScript reader. One instance serves every reader: a scan runs
 * to completion synchronously, so readers never interleave inside it.
 */
export class RowScanner {
  /** Bytes one module call can take. */
  readonly capacity: number;
  /** i32 fields per record. */
  readonly stride: number;
  private readonly input: Uint8Array;
  private readonly output: Int32Array;
  private readonly exports: ScannerExports;

  /** Wraps an instance of the module; readers use `RowScanner.shared()`. */
  constructor(instance: WasmInstance) {
    const x = instance.exports as unknown as ScannerExports;
    x.init();
    this.exports = x;
    this.capacity = x.inputCapacity();
    this.stride = x.recordStride();
    if (this.stride !== SCAN_RECORD.STRIDE)
      throw new Error('rowScanner.wasm: record layout mismatch');
    // Views are made after init: allocation may have grown (and so replaced) the memory buffer.
    this.input = new Uint8Array(x.memory.buffer, x.inputPtr(), this.capacity);
    this.output = new Int32Array(x.memory.buffer, x.outputPtr(), x.outputCapacity() * this.stride);
    for (const [spelling, state] of exactStateSpellings()) {
      const bytes = Buffer.from(spelling, 'latin1');
      this.input.set(bytes, 0);
      x.learn(bytes.length, TCP_STATES.indexOf(state));
    }
  }

  /**
   * Scans bytes[a, e), which must end with a newline, and returns its records (offsets are
   * into `bytes`): parsed rows, and spans of other lines for the reader to read as text.
   */
  scanLines(bytes: Uint8Array, a: number, e: number): Int32Array {
    const stride = this.stride;
    let out = new Int32Array(Math.max(64, ((e - a) >> 6) * stride));
    let n = 0;
    const room = (k: number): void => {
      if ((n + k) * stride <= out.length) return;
      const bigger = new Int32Array(Math.max(out.length * 2, (n + k) * stride));
      bigger.set(out.subarray(0, n * stride));
      out = bigger;
    };
    while (a < e) {
      let to = e;
      if (to - a > this.capacity) {
        to = lastNewline(bytes, a, a + this.capacity) + 1;
        if (to <= a) {
          // One line longer than the module takes: a span of its own.
          const nl = bytes.indexOf(10, a);
          room(1);
          out[n * stride + SCAN_RECORD.KIND] = 0;
          out[n * stride + SCAN_RECORD.START] = a;
          out[n * stride + SCAN_RECORD.END] = nl;
          n++;
          a = nl + 1;
          continue;
        }
      }
      this.input.set(bytes.subarray(a, to), 0);
      let at = 0;
      while (at < to - a) {
        const got = this.exports.scan(at, to - a, a);
        room(got);
        out.set(this.output.subarray(0, got * stride), n * stride);
        n += got;
        at = this.exports.consumed();
      }
      a = to;
    }
    return out.subarray(0, n * stride);
  }

  /** The shared scanner, or undefined when the module is not built (the reader then reads everything itself). */
  static shared(): RowScanner | undefined {
    if (shared === undefined) shared = load();
    return shared ?? undefined;
  }
}

interface ScannerExports {
  memory: { buffer: ArrayBuffer };
  init(): void;
  inputPtr(): number;
  outputPtr(): number;
  inputCapacity(): number;
  outputCapacity(): number;
  recordStride(): number;
  consumed(): number;
  learn(len: number, code: number): boolean;
  scan(from: number, len: number, base: number): number;
}

let shared: RowScanner | null | undefined;

function load(): RowScanner | null {
  const instance = instantiate('rowScanner.wasm');
  return instance === undefined ? null : new RowScanner(instance);
}

/** The last newline in bytes[a, e), or -1. */
function lastNewline(bytes: Uint8Array, a: number, e: number): number {
  const at = bytes.lastIndexOf(10, e - 1);
  return at >= a ? at : -1;
}
