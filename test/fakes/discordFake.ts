/**
 * A small stand-in for Discord's REST API and gateway on 127.0.0.1, for end-to-end tests that
 * run the real discord.js client. It speaks just enough of the protocol to log in (HELLO,
 * IDENTIFY -> READY + GUILD_CREATE, heartbeat ACKs), records every REST call, answers the
 * calls a bot makes when replying, and serves attachment files.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One REST call the client made. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON
  body: any;
}

/** A file the fake serves under `/attachments/<name>`. */
export interface FakeFile {
  body: string | Buffer;
  contentType: string;
}

export interface FakeDiscordOptions {
  /** The bot user the READY event announces. */
  botId?: string;
  applicationId?: string;
  guildId?: string;
  /** Text channels created in the guild (GUILD_CREATE). */
  channelIds?: string[];
  /** A public thread inside the first channel. */
  threadIds?: string[];
  /** Heartbeat interval sent in HELLO, in ms. */
  heartbeatInterval?: number;
  /** Tokens accepted on `Authorization: Bot <token>`; others get 401. */
  token?: string;
  /** Intent bits the application may not use: IDENTIFY with any of them closes with 4014. */
  disallowedIntents?: number;
}

const API_PREFIX = '/api/v10';
const DISCORD_EPOCH = 1_420_070_400_000n;

/** The fake Discord service; `await FakeDiscord.start()`, then `close()` when done. */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly files = new Map<string, FakeFile>();
  /** Attachment names answered with a 302 to another URL. */
  readonly redirects = new Map<string, string>();
  /** GET requests for attachment URLs served (files, redirects and misses). */
  attachmentHits = 0;
  readonly gatewayFrames: { op: number; d: unknown }[] = [];
  readonly botId: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelIds: string[];
  readonly threadIds: string[];
  readonly token: string;
  private readonly heartbeatInterval: number;
  private readonly disallowedIntents: number;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private sequence = 0;
  private nextId = 0n;
  private identified = false;

  private constructor(options: FakeDiscordOptions) {
    this.botId = options.botId ?? '900000000000000001';
    this.applicationId = options.applicationId ?? '900000000000000002';
    this.guildId = options.guildId ?? '900000000000000003';
    this.channelIds = options.channelIds ?? ['900000000000000010', '900000000000000011'];
    this.threadIds = options.threadIds ?? ['900000000000000020'];
    this.heartbeatInterval = options.heartbeatInterval ?? 41_250;
    this.disallowedIntents = options.disallowedIntents ?? 0;
    this.token = options.token ?? 'ZmFrZS1ib3Q.fake.dG9rZW4tZm9yLXRlc3Rz';
    this.server = createServer((req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  /** Starts the fake on an ephemeral loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for DISCORD_API_URL / the client's `rest.api` option. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Serves `body` at a URL the tests can put in an attachment payload. */
  /** The origin attachment URLs are served from (the adapter must be told to allow it). */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves a redirect to `location` under `/attachments/<name>` and returns its URL. */
  serveRedirect(name: string, location: string): string {
    this.redirects.set(name, location);
    return `${this.origin}/attachments/${encodeURIComponent(name)}`;
  }

  serveFile(name: string, file: FakeFile): string {
    this.files.set(name, file);
    return `http://127.0.0.1:${this.port}/attachments/${encodeURIComponent(name)}`;
  }

  /** A fresh snowflake for the current time (discord.js derives timestamps from ids). */
  id(): string {
    this.nextId = (this.nextId + 1n) & 0x3fffffn;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | this.nextId).toString();
  }

  /** Sends a dispatch event (op 0) to every connected gateway socket. */
  dispatch(t: string, d: unknown): void {
    this.sequence += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.sequence, d });
    for (const socket of this.sockets) socket.send(frame);
  }

  /**
   * Resolves once `check()` holds, or rejects after `timeoutMs`. It is re-checked after every
   * request and gateway frame, and every 20 ms for conditions on other state (log lines).
   */
  waitFor(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        clearInterval(poll);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        if (error) reject(error);
        else resolve();
      };
      const waiter = { check, resolve: () => finish() };
      const timer = setTimeout(
        () => finish(new Error(`fake discord: timed out waiting for ${what}`)),
        timeoutMs,
      );
      const poll = setInterval(() => {
        if (check()) finish();
      }, 20);
      this.waiters.push(waiter);
    });
  }

  /** Waits until at least `count` recorded requests match, and returns them. */
  async waitForRequests(
    match: (request: RecordedRequest) => boolean,
    count = 1,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest[]> {
    await this.waitFor(
      () => this.requests.filter(match).length >= count,
      timeoutMs,
      `${count} matching request(s)`,
    );
    return this.requests.filter(match);
  }

  /** Closes gateway sockets and the HTTP server. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Drops every gateway connection without a close handshake (a network blip). */
  dropGateway(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) waiter.resolve();
    }
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatInterval } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { op: number; d: unknown };
      this.gatewayFrames.push(frame);
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      else if (frame.op === 2) this.onIdentify(socket, frame.d as { intents?: number });
      else if (frame.op === 6) this.onResume(socket);
      this.notify();
    });
  }

  private onIdentify(socket: WebSocket, identify: { intents?: number }): void {
    if ((identify.intents ?? 0) & this.disallowedIntents) {
      socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    this.identified = true;
    const send = (t: string, d: unknown) => {
      this.sequence += 1;
      socket.send(JSON.stringify({ op: 0, t, s: this.sequence, d }));
    };
    send('READY', {
      v: 10,
      user: this.botUser(),
      guilds: [{ id: this.guildId, unavailable: true }],
      application: { id: this.applicationId, flags: 0 },
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
    });
    const [parent] = this.channelIds;
    send('GUILD_CREATE', {
      id: this.guildId,
      name: 'fake guild',
      owner_id: '900000000000000099',
      unavailable: false,
      member_count: 2,
      roles: [],
      emojis: [],
      members: [],
      channels: this.channelIds.map((id, i) => ({
        id,
        type: 0,
        name: `channel-${i}`,
        position: i,
      })),
      threads: this.threadIds.map((id, i) => ({
        id,
        type: 11,
        name: `thread-${i}`,
        parent_id: parent,
        guild_id: this.guildId,
        thread_metadata: { archived: false, auto_archive_duration: 60, locked: false },
      })),
    });
  }

  private onResume(socket: WebSocket): void {
    this.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.sequence, d: {} }));
  }

  /** The bot's own user object. */
  botUser(): { id: string; username: string; discriminator: string; bot: boolean } {
    return { id: this.botId, username: 'tcp-triage', discriminator: '0', bot: true };
  }

  /** Whether a client has identified on the gateway. */
  get hasIdentified(): boolean {
    return this.identified;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      this.attachmentHits++;
      const name = decodeURIComponent(url.pathname.slice('/attachments/'.length));
      const location = this.redirects.get(name);
      if (location !== undefined) {
        res.writeHead(302, { location }).end();
        return;
      }
      const file = this.files.get(name);
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.contentType }).end(file.body);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent(url.pathname.replace(API_PREFIX, ''));
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body: raw && req.headers['content-type']?.includes('json') ? JSON.parse(raw) : raw,
    };
    this.requests.push(request);
    try {
      this.answer(request, res);
    } finally {
      this.notify();
    }
  }

  private answer(request: RecordedRequest, res: ServerResponse): void {
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const { method, path } = request;
    const authorized = request.headers.authorization === `Bot ${this.token}`;
    // Interaction callbacks and webhook (interaction token) calls carry no bot token.
    const tokenFree = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (!tokenFree && !authorized) {
      json(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    if (method === 'GET' && path === '/gateway/bot') {
      json(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
      return;
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(path)) {
      res.writeHead(204).end();
      return;
    }
    let m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (m && method === 'POST') {
      json(200, this.messageObject(m[1] as string, request.body));
      return;
    }
    m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (m && method === 'POST') {
      res.writeHead(204).end();
      return;
    }
    m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path);
    if (m && method === 'PATCH') {
      json(200, this.messageObject(this.channelIds[0] as string, request.body));
      return;
    }
    if (m && method === 'DELETE') {
      res.writeHead(204).end();
      return;
    }
    m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path);
    if (m && method === 'POST') {
      json(200, this.messageObject(this.channelIds[0] as string, request.body));
      return;
    }
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (m && method === 'PUT' && Array.isArray(request.body)) {
      json(
        200,
        // biome-ignore lint/suspicious/noExplicitAny: echoing arbitrary command JSON
        request.body.map((command: any) => ({
          ...command,
          id: this.id(),
          application_id: m?.[1],
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          version: this.id(),
        })),
      );
      return;
    }
    json(404, { message: `fake discord: no route for ${method} ${path}`, code: 0 });
  }

  // biome-ignore lint/suspicious/noExplicitAny: message bodies are arbitrary JSON
  private messageObject(channelId: string, body: any): Record<string, unknown> {
    return {
      id: this.id(),
      channel_id: channelId,
      author: this.botUser(),
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: body?.message_reference ? 19 : 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    };
  }
}

/** Builds a MESSAGE_CREATE payload. */
export function messagePayload(
  fake: FakeDiscord,
  fields: {
    content: string;
    channelId?: string;
    /** Omit for a DM. */
    guild?: boolean;
    mentionBot?: boolean;
    attachments?: { filename: string; url: string; size: number; content_type?: string }[];
    authorId?: string;
    bot?: boolean;
  },
): Record<string, unknown> {
  const guild = fields.guild ?? true;
  const author = {
    id: fields.authorId ?? '800000000000000001',
    username: 'oncall',
    discriminator: '0',
    global_name: 'On Call',
    avatar: null,
    ...(fields.bot ? { bot: true } : {}),
  };
  return {
    id: fake.id(),
    channel_id: fields.channelId ?? fake.channelIds[0],
    ...(guild
      ? { guild_id: fake.guildId, member: { roles: [], joined_at: new Date().toISOString() } }
      : { channel_type: 1 }),
    author,
    content: fields.content,
    mentions: fields.mentionBot ? [fake.botUser()] : [],
    mention_roles: [],
    mention_everyone: false,
    attachments: (fields.attachments ?? []).map((a) => ({ id: fake.id(), proxy_url: a.url, ...a })),
    embeds: [],
    pinned: false,
    tts: false,
    type: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
  };
}

/** One option of a slash command invocation. */
export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

/** Builds an INTERACTION_CREATE payload for `/tcp <subcommand>`. */
export function interactionPayload(
  fake: FakeDiscord,
  fields: {
    subcommand: string;
    options?: InteractionOption[];
    /** 2 = application command, 4 = autocomplete. */
    type?: 2 | 4;
    attachments?: Record<string, Record<string, unknown>>;
    channelId?: string;
  },
): Record<string, unknown> & { id: string; token: string } {
  const channelId = fields.channelId ?? fake.channelIds[0];
  return {
    id: fake.id(),
    token: `itoken-${fake.id()}`,
    type: fields.type ?? 2,
    application_id: fake.applicationId,
    guild_id: fake.guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0 },
    member: {
      user: { id: '800000000000000001', username: 'oncall', discriminator: '0', avatar: null },
      roles: [],
      permissions: '0',
      joined_at: new Date().toISOString(),
    },
    data: {
      id: '700000000000000001',
      name: 'tcp',
      type: 1,
      options: [{ name: fields.subcommand, type: 1, options: fields.options ?? [] }],
      ...(fields.attachments ? { resolved: { attachments: fields.attachments } } : {}),
    },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    version: 1,
    entitlements: [],
    authorizing_integration_owners: {},
  };
}
