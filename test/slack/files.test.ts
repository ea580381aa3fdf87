/**
 * Shared files: downloaded from the fake with the bot token, capped, type-checked, and handed
 * to the bot as attachments; refusals are answered, never silent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, mayCarryToken, rejectReason } from '../../adapters/slack/files.js';
import { BOT_TOKEN, HttpHarness, mention, message, postedText, ScriptedBot } from './harness.js';

const PASTE = '  4000 CLOSE_WAIT\n   120 ESTABLISHED\n';

describe('shared files, end to end', () => {
  let h: HttpHarness;
  let bot: ScriptedBot;

  beforeEach(async () => {
    bot = new ScriptedBot();
    h = await HttpHarness.start(bot, { maxFileBytes: 64 * 1024 });
  });

  afterEach(async () => {
    await h.stop();
  });

  const dmFile = (file: Record<string, unknown>, text = '') =>
    message(text, { channel: 'D0DM1', channel_type: 'im', subtype: 'file_share', files: [file] });

  it('downloads a .txt shared in a DM with the bot token and hands it to the bot', async () => {
    const url = h.api.addFile('ss.txt', { body: PASTE, contentType: 'text/plain' });
    await h.event(
      dmFile({
        id: 'F1',
        name: 'ss.txt',
        mimetype: 'text/plain',
        filetype: 'text',
        size: PASTE.length,
        url_private_download: url,
      }),
    );
    const download = h.api.callsTo('file');
    expect(download).toHaveLength(1);
    expect(download[0]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(bot.seen[0]?.attachments).toEqual([
      { name: 'ss.txt', contentType: 'text/plain', text: PASTE },
    ]);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('reads a snippet given as a stub, after looking it up with files.info', async () => {
    const first = message('hello', { channel: 'D0DM1', channel_type: 'im' });
    await h.event(first);
    const url = h.api.addFile('snippet', { body: PASTE, contentType: 'text/plain; charset=utf-8' });
    // Some events carry only a stub; files.info gives the details.
    h.api.fileInfo.set('F2', {
      id: 'F2',
      name: 'Untitled',
      mode: 'snippet',
      filetype: 'text',
      url_private: url,
    });
    await h.event(dmFile({ id: 'F2', file_access: 'check_file_info' }));
    expect(h.api.callsTo('files.info')[0]?.args.file).toBe('F2');
    expect(bot.seen[1]?.attachments?.[0]).toMatchObject({ name: 'Untitled', text: PASTE });
  });

  it('reads a .txt shared in a channel thread the bot answered, without a mention', async () => {
    const first = mention('look at this');
    await h.event(first);
    const url = h.api.addFile('ss2.txt', { body: PASTE, contentType: 'text/plain' });
    await h.event(
      message('', {
        subtype: 'file_share',
        thread_ts: first.ts,
        files: [{ id: 'F9', name: 'ss2.txt', mimetype: 'text/plain', url_private_download: url }],
      }),
    );
    expect(bot.seen[1]?.attachments?.[0]?.text).toBe(PASTE);
    expect(bot.seen[1]?.conversation).toBe(bot.seen[0]?.conversation);
    expect(h.api.callsTo('chat.postMessage')[1]?.args.thread_ts).toBe(first.ts);
  });

  it('refuses an image and an oversized file with a short message', async () => {
    await h.event(
      dmFile({
        id: 'F3',
        name: 'graph.png',
        mimetype: 'image/png',
        filetype: 'png',
        size: 1000,
        url_private: h.api.addFile('graph.png', { body: 'x', contentType: 'image/png' }),
      }),
    );
    await h.event(
      dmFile({
        id: 'F4',
        name: 'big.txt',
        mimetype: 'text/plain',
        size: 10 * 1024 * 1024,
        url_private: h.api.addFile('big.txt', { body: 'x', contentType: 'text/plain' }),
      }),
    );
    // Size lies in the metadata are caught while reading.
    const big = 'x'.repeat(65 * 1024 + 10);
    await h.event(
      dmFile({
        id: 'F5',
        name: 'liar.txt',
        mimetype: 'text/plain',
        size: 10,
        url_private: h.api.addFile('liar.txt', { body: big, contentType: 'text/plain' }),
      }),
    );
    expect(bot.seen).toEqual([]);
    const texts = h.api.callsTo('chat.postMessage').map((c) => postedText(c.args));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('graph.png is not a text file');
    expect(texts[1]).toContain('big.txt is too large (10.0 MB; the limit is 64 KB)');
    expect(texts[2]).toContain('liar.txt is too large');
    // Only the file whose metadata looked fine was fetched at all.
    expect(h.api.callsTo('file')).toHaveLength(1);
  });

  it('answers the text and notes a skipped file', async () => {
    await h.event(
      dmFile({ id: 'F6', name: 'a.bin', mimetype: 'application/octet-stream' }, 'why TIME_WAIT?'),
    );
    expect(bot.seen[0]?.text).toBe('why TIME_WAIT?');
    expect(postedText(h.api.callsTo('chat.postMessage')[0]?.args ?? {})).toContain(
      'Skipped: a.bin is not a text file',
    );
  });
});

describe('downloadFile', () => {
  it('never sends the token outside Slack or the configured API host', () => {
    const api = 'http://127.0.0.1:4567/api/';
    expect(mayCarryToken('https://files.slack.com/files-pri/T1-F1/x.txt', api)).toBe(true);
    expect(mayCarryToken('http://127.0.0.1:4567/files/x', api)).toBe(true);
    expect(mayCarryToken('http://127.0.0.1:9999/files/x', api)).toBe(false);
    expect(mayCarryToken('https://evil.example/slack.com/x', api)).toBe(false);
    expect(mayCarryToken('https://slack.com.evil.example/x', api)).toBe(false);
    expect(mayCarryToken('http://files.slack.com/x', api)).toBe(false);
    expect(mayCarryToken('not a url', api)).toBe(false);
  });

  it('refuses a foreign host before fetching', async () => {
    let fetched = false;
    const fakeFetch = (async () => {
      fetched = true;
      return new Response('x');
    }) as typeof fetch;
    await expect(
      downloadFile(
        { name: 'x.txt', mimetype: 'text/plain', url_private: 'https://evil.example/x.txt' },
        {
          botToken: BOT_TOKEN,
          apiUrl: 'https://slack.com/api/',
          maxBytes: 1000,
          timeoutMs: 1000,
          fetch: fakeFetch,
        },
      ),
    ).rejects.toThrow('not hosted by Slack');
    expect(fetched).toBe(false);
  });

  it('decodes UTF-16 with a byte-order mark and refuses binary content', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('  TCP  0.0.0.0:135  LISTENING\r\n', 'utf16le'),
    ]);
    const serve = (body: Buffer) =>
      (async () =>
        new Response(body, { headers: { 'content-type': 'text/plain' } })) as typeof fetch;
    const opts = {
      botToken: BOT_TOKEN,
      apiUrl: 'https://slack.com/api/',
      maxBytes: 1000,
      timeoutMs: 1000,
    };
    const file = {
      name: 'win.txt',
      mimetype: 'text/plain',
      url_private: 'https://files.slack.com/f/win.txt',
    };
    const a = await downloadFile(file, { ...opts, fetch: serve(utf16) });
    expect(a.text).toContain('LISTENING');
    await expect(
      downloadFile(file, { ...opts, fetch: serve(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1])) }),
    ).rejects.toThrow('not text');
  });

  it('judges metadata: text types pass, others and oversized fail', () => {
    expect(
      rejectReason({ name: 'netstat.log', mimetype: 'application/octet-stream' }, 100),
    ).toBeUndefined();
    expect(rejectReason({ name: 'x', filetype: 'text' }, 100)).toBeUndefined();
    expect(rejectReason({ name: 'x.pdf', mimetype: 'application/pdf' }, 100)).toContain(
      'not a text file',
    );
    expect(rejectReason({ name: 'x.txt', mimetype: 'text/plain', size: 101 }, 100)).toContain(
      'too large',
    );
  });
});
