import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachmentError,
  type AttachmentLimits,
  checkAttachment,
  decodeAttachmentText,
  fetchAttachment,
  isAllowedOrigin,
  isTextAttachment,
} from '../../adapters/discord/attachments.js';
import { attachmentLimits, DefaultDiscordAdapterOptions } from '../../adapters/discord/options.js';
import { FakeDiscord } from '../fakes/discordFake.js';

let fake: FakeDiscord;
let limits: AttachmentLimits;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  limits = { maxBytes: 1_000, timeoutMs: 2_000, origins: [fake.origin] };
});
afterAll(async () => {
  await fake.close();
});

async function refusal(run: () => Promise<unknown>): Promise<AttachmentError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AttachmentError) return error;
    throw error;
  }
  throw new Error('expected an AttachmentError');
}

describe('isTextAttachment', () => {
  it.each([
    ['netstat.txt', 'text/plain; charset=utf-8', true],
    ['ss.log', 'text/x-log', true],
    ['ss.log', null, true],
    ['output', 'application/octet-stream', false],
    ['capture.out', 'application/octet-stream', true],
    ['screenshot.png', 'image/png', false],
    ['notes.txt', 'image/png', false],
    ['dump.pcap', undefined, false],
  ])('%s (%s) -> %s', (name, type, expected) => {
    expect(isTextAttachment(name, type)).toBe(expected);
  });
});

describe('checkAttachment', () => {
  it('refuses a declared size over the cap, with advice', () => {
    const error = (() => {
      try {
        checkAttachment(
          { name: 'big.txt', url: `${fake.origin}/x`, size: 5_000, contentType: 'text/plain' },
          limits,
        );
      } catch (e) {
        return e as AttachmentError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(error?.message).toMatch(/big\.txt is 5 KiB; the limit is 1000 bytes/);
  });
});

describe('fetchAttachment', () => {
  it('fetches and decodes a text file', async () => {
    const url = fake.serveFile('ss.txt', {
      body: 'ESTAB 0 0 1.2.3.4:22 5.6.7.8:5000\n',
      contentType: 'text/plain; charset=utf-8',
    });
    const file = await fetchAttachment(
      { name: 'ss.txt', url, size: 34, contentType: 'text/plain; charset=utf-8' },
      limits,
    );
    expect(file).toEqual({
      name: 'ss.txt',
      contentType: 'text/plain; charset=utf-8',
      text: 'ESTAB 0 0 1.2.3.4:22 5.6.7.8:5000\n',
    });
  });

  it('stops reading past the cap even when the declared size was small', async () => {
    const url = fake.serveFile('liar.txt', { body: 'x'.repeat(5_000), contentType: 'text/plain' });
    const error = await refusal(() => fetchAttachment({ name: 'liar.txt', url, size: 10 }, limits));
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('refuses what the server says is not text', async () => {
    const url = fake.serveFile('shot.log', {
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      contentType: 'image/png',
    });
    const error = await refusal(() => fetchAttachment({ name: 'shot.log', url }, limits));
    expect(error.code).toBe('ATTACHMENT_NOT_TEXT');
  });

  it('refuses binary bytes sent as text', async () => {
    const url = fake.serveFile('core.txt', {
      body: Buffer.from([1, 0, 2, 0, 0, 0, 7, 7, 0, 1]),
      contentType: 'text/plain',
    });
    const error = await refusal(() => fetchAttachment({ name: 'core.txt', url }, limits));
    expect(error.code).toBe('ATTACHMENT_NOT_TEXT');
    expect(error.message).toMatch(/core\.txt is not text/);
  });

  it('says so when the download fails', async () => {
    const error = await refusal(() =>
      fetchAttachment(
        { name: 'gone.txt', url: `http://127.0.0.1:${fake.port}/attachments/gone.txt` },
        limits,
      ),
    );
    expect(error.code).toBe('ATTACHMENT_FETCH_FAILED');
    expect(error.message).toMatch(/HTTP 404/);
  });

  it('fetches only from the allowed origins: Discord CDN over https by default', async () => {
    const url = fake.serveFile('local.txt', { body: 'LISTEN 3\n', contentType: 'text/plain' });
    const defaults = attachmentLimits(DefaultDiscordAdapterOptions);
    expect(defaults.origins).toEqual([
      'https://cdn.discordapp.com',
      'https://media.discordapp.net',
    ]);
    const before = fake.requests.length + fake.attachmentHits;
    for (const bad of [
      url, // http://127.0.0.1: the local network
      url.replace('127.0.0.1', 'localhost'),
      'http://cdn.discordapp.com/attachments/1/2/ss.txt', // not https
      'https://cdn.discordapp.com.evil.example/ss.txt',
      'https://evil.example/cdn.discordapp.com/ss.txt',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const error = await refusal(() => fetchAttachment({ name: 'ss.txt', url: bad }, defaults));
      expect(error.code).toBe('ATTACHMENT_NOT_DISCORD');
    }
    expect(fake.requests.length + fake.attachmentHits).toBe(before);
    expect(
      isAllowedOrigin('https://media.discordapp.net/attachments/1/2/a.txt?ex=1', defaults.origins),
    ).toBe(true);
  });

  it('refuses a redirect instead of following it, even to an allowed host', async () => {
    const target = fake.serveFile('internal.txt', {
      body: 'LISTEN 3\n',
      contentType: 'text/plain',
    });
    const url = fake.serveRedirect('moved.txt', target);
    const hits = fake.attachmentHits;
    const error = await refusal(() => fetchAttachment({ name: 'moved.txt', url }, limits));
    expect(error.code).toBe('ATTACHMENT_NOT_DISCORD');
    expect(error.message).toMatch(/redirect/);
    expect(fake.attachmentHits).toBe(hits + 1); // the redirect itself, not its target
  });
});

describe('decodeAttachmentText', () => {
  const text = '  TCP    0.0.0.0:135    0.0.0.0:0    LISTENING    1000\r\n';
  it('reads UTF-16LE with a BOM (Windows PowerShell redirection)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeAttachmentText(bytes)).toEqual({ text });
  });

  it('reads UTF-16LE without a BOM', () => {
    expect(decodeAttachmentText(Buffer.from(text, 'utf16le'))).toEqual({ text });
  });

  it('drops a UTF-8 BOM', () => {
    expect(decodeAttachmentText(Buffer.from(`\ufeff${text}`, 'utf8'))).toEqual({ text });
  });

  it('keeps a legacy code page readable where it is ASCII', () => {
    // "상태" in EUC-KR, then ASCII columns.
    const bytes = Buffer.concat([Buffer.from([0xbb, 0xf3, 0xc5, 0xc2]), Buffer.from(`\n${text}`)]);
    const decoded = decodeAttachmentText(bytes);
    expect('text' in decoded && decoded.text.endsWith(text)).toBe(true);
  });
});
