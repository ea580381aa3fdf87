import { describe, expect, it } from 'vitest';
import {
  binaryReason,
  DEFAULT_INPUT_GUARD,
  decodeText,
  inspectMessage,
  refusalReply,
} from '../../src/bot/input.js';

describe('inspectMessage', () => {
  it('accepts ordinary text, netstat output with tabs, CRLF and ANSI colours', () => {
    expect(inspectMessage({ text: 'why so many TIME_WAIT?' })).toBeUndefined();
    const win = '  TCP    0.0.0.0:135    0.0.0.0:0    LISTENING\t884\r\n'.repeat(50);
    expect(inspectMessage({ text: win })).toBeUndefined();
    expect(
      inspectMessage({ text: '\u001b[32mESTAB\u001b[0m 0 0 10.0.0.1:22 10.0.0.2:5555' }),
    ).toBeUndefined();
    expect(inspectMessage({ text: '中文 CLOSE_WAIT 状态 👍' })).toBeUndefined();
  });

  it('refuses input over the cap, counting attachments, with a configurable cap', () => {
    expect(DEFAULT_INPUT_GUARD.maxInputBytes).toBe(2 * 1024 * 1024);
    const big = 'x'.repeat(DEFAULT_INPUT_GUARD.maxInputBytes + 1);
    expect(inspectMessage({ text: big })?.kind).toBe('too-large');
    const half = 'y'.repeat(700);
    const msg = { text: half, attachments: [{ name: 'a.txt', text: half }] };
    expect(inspectMessage(msg, { maxInputBytes: 1000 })).toMatchObject({
      kind: 'too-large',
      limit: 1000,
    });
    expect(inspectMessage(msg, { maxInputBytes: 2000 })).toBeUndefined();
    // Multi-byte characters count as their UTF-8 size.
    expect(inspectMessage({ text: '状'.repeat(400) }, { maxInputBytes: 1000 })?.kind).toBe(
      'too-large',
    );
  });

  it('refuses binary input: NUL bytes, control characters, mangled UTF-8', () => {
    expect(inspectMessage({ text: 'ELF\u0000\u0001\u0002' })).toMatchObject({ kind: 'binary' });
    const controls = Array.from({ length: 400 }, (_, i) => String.fromCharCode((i % 8) + 1)).join(
      '',
    );
    expect(binaryReason(`abc${controls}`)).toMatch(/control/);
    expect(binaryReason('ok \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd bytes')).toMatch(/UTF-8/);
    expect(
      inspectMessage({ text: 'fine', attachments: [{ name: 'core', text: '\u0000' }] })?.kind,
    ).toBe('binary');
  });

  it('decodes bytes strictly', () => {
    expect(decodeText(new TextEncoder().encode('LISTEN 3'))).toEqual({ text: 'LISTEN 3' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41]))).toHaveProperty('problem');
    expect(decodeText(Uint8Array.from([0x41, 0x00]))).toHaveProperty('problem');
  });

  it('answers each problem with a short refusal', () => {
    const big = refusalReply({ kind: 'too-large', bytes: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 });
    expect(big.kind).toBe('refusal');
    expect(big.paragraphs.join(' ')).toMatch(/3 MB.*2 MB/);
    const bin = refusalReply({ kind: 'binary', reason: 'it contains NUL bytes' });
    expect(bin.paragraphs.join(' ')).toMatch(/NUL bytes/);
    expect(bin.paragraphs.join(' ').length).toBeLessThan(400);
  });
});
