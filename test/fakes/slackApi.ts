/**
 * A stand-in for Slack on 127.0.0.1, for end-to-end tests of the real Bolt: the Web API
 * (`/api/<method>`), `response_url`s (`/respond/<id>`) and private file downloads
 * (`/files/<name>`). It records every call, checks the bot token, answers like Slack, and
 * enforces Slack's Block Kit limits on posted messages the way Slack does (invalid_blocks,
 * msg_blocks_too_long), so a test can prove the adapter stays within them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), `respond` or `file`. */
  method: string;
  path: string;
  args: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** What the fake answered (Web API calls). */
  response?: Record<string, unknown>;
}

export interface FakeFile {
  body: Buffer | string;
  contentType: string;
}

export const FAKE_BOT_USER_ID = 'UBOTFAKE1';
export const FAKE_BOT_ID = 'BBOTFAKE1';
export const FAKE_TEAM_ID = 'T0FAKE001';

/** Slack's limits as the fake enforces them (Slack's own figures, not the adapter's). */
const SLACK_MAX_BLOCKS = 50;
const SLACK_MAX_SECTION = 3000;
const SLACK_MAX_HEADER = 150;
const SLACK_MAX_BLOCK_TEXT = 13_200;

type Json = Record<string, unknown>;

function parseBody(raw: string, contentType: string | undefined): Json {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Json;
  const out: Json = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/** Characters of text in a list of blocks (every `text` string, recursively). */
export function blocksTextLength(blocks: unknown): number {
  let n = 0;
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      if (key === 'text') n += v.length;
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(blocks);
  return n;
}

/** The Slack error a real workspace would give these blocks, or undefined if they are fine. */
export function slackBlocksError(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > SLACK_MAX_BLOCKS) return 'invalid_blocks';
  for (const b of blocks as Json[]) {
    const text = (b.text as Json | undefined)?.text;
    if (
      b.type === 'section' &&
      typeof text === 'string' &&
      (text.length > SLACK_MAX_SECTION || text === '')
    ) {
      return 'invalid_blocks';
    }
    if (b.type === 'header' && typeof text === 'string' && text.length > SLACK_MAX_HEADER)
      return 'invalid_blocks';
    if (b.type === 'context' && Array.isArray(b.elements) && b.elements.length > 10)
      return 'invalid_blocks';
  }
  if (blocksTextLength(blocks) > SLACK_MAX_BLOCK_TEXT) return 'msg_blocks_too_long';
  return undefined;
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly files = new Map<string, FakeFile>();
  /** File objects returned by files.info, by id. */
  readonly fileInfo = new Map<string, Record<string, unknown>>();
  /** The WebSocket URL handed out by apps.connections.open (set by the Socket Mode fake). */
  socketUrl = '';
  private server: Server | undefined;
  private port = 0;
  private ts = 1_700_000_000;
  private readonly failures: { method: string; error: string }[] = [];

  constructor(
    readonly botToken: string,
    readonly appToken = '',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
        const send = (status: number, body: Json | Buffer | string, type = 'application/json') => {
          res.writeHead(status, { 'content-type': type });
          res.end(Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body));
        };
        if (path.startsWith('/files/')) {
          this.calls.push({ method: 'file', path, args: {}, headers: req.headers });
          if (req.headers.authorization !== `Bearer ${this.botToken}`) {
            // Slack answers an unauthenticated download with its HTML sign-in page.
            send(200, '<!DOCTYPE html><html>sign in</html>', 'text/html');
            return;
          }
          const file = this.files.get(decodeURIComponent(path.slice('/files/'.length)));
          if (!file) send(404, 'not found', 'text/plain');
          else send(200, Buffer.from(file.body), file.contentType);
          return;
        }
        const args = parseBody(raw, req.headers['content-type']);
        if (path.startsWith('/respond/')) {
          this.calls.push({ method: 'respond', path, args, headers: req.headers });
          const error = slackBlocksError(args.blocks) ?? this.takeFailure('respond');
          send(error ? 400 : 200, error ? { ok: false, error } : { ok: true });
          return;
        }
        const method = path.replace(/^\/api\//, '');
        const response = this.answer(method, args, req.headers.authorization);
        this.calls.push({ method, path, args, headers: req.headers, response });
        send(200, response);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Base URL for `SLACK_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url pointing at this fake. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** Serves a private file at a URL the adapter must fetch with the bot token. */
  addFile(name: string, file: FakeFile): string {
    this.files.set(name, file);
    return `http://127.0.0.1:${this.port}/files/${encodeURIComponent(name)}`;
  }

  /** The next call to `method` fails with `error` (as Slack's `ok: false`). */
  failNext(method: string, error: string): void {
    this.failures.push({ method, error });
  }

  /** Recorded calls to one method. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls that delivered a message to people (posted, ephemeral or via response_url). */
  messages(): RecordedCall[] {
    return this.calls.filter((c) =>
      ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'respond'].includes(c.method),
    );
  }

  /** Waits (bounded) until `predicate` holds over the recorded calls. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) {
        throw new Error(
          `fake Slack: condition not met in ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFailure(method: string): string | undefined {
    const i = this.failures.findIndex((f) => f.method === method);
    if (i < 0) return undefined;
    const [f] = this.failures.splice(i, 1);
    return f?.error;
  }

  private answer(method: string, args: Json, authorization: string | undefined): Json {
    const expected = method === 'apps.connections.open' ? this.appToken : this.botToken;
    if (authorization !== `Bearer ${expected}`) return { ok: false, error: 'invalid_auth' };
    const failure = this.takeFailure(method);
    if (failure) return { ok: false, error: failure };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'tcp-triage',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'chat.postMessage': {
        const error = slackBlocksError(args.blocks);
        if (error) return { ok: false, error };
        this.ts += 1;
        return {
          ok: true,
          channel: args.channel,
          ts: `${this.ts}.000100`,
          message: { text: args.text },
        };
      }
      case 'files.info': {
        const file = this.fileInfo.get(String(args.file));
        return file ? { ok: true, file } : { ok: false, error: 'file_not_found' };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.ts}.000200` };
      default:
        return { ok: true };
    }
  }
}
