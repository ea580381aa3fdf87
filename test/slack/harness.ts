/**
 * Runs the real adapter (real Bolt) against the loopback fake Slack, and sends it requests
 * the way Slack does: signed Events API bodies, slash commands and interactivity as
 * `application/x-www-form-urlencoded`, Socket Mode envelopes over the fake WebSocket.
 */
import { createHmac } from 'node:crypto';
import { type SlackHandle, startSlack } from '../../adapters/slack/index.js';
import type { SlackAdapterOverrides } from '../../adapters/slack/options.js';
import type { ChatBot, ChatMessage } from '../../src/bot/message.js';
import { type Reply, simpleReply } from '../../src/bot/reply.js';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID, FakeSlackApi } from '../fakes/slackApi.js';
import { FakeSlackSocket } from '../fakes/slackSocket.js';

export const BOT_TOKEN = 'xoxb-1000000001-2000000002-faketokenfortests';
export const APP_TOKEN = 'xapp-1-A0FAKE-3000000003-fakeapptokenfortests';
export const SIGNING_SECRET = 'fakesigningsecret0123456789abcdef';
export const BOT = FAKE_BOT_USER_ID;

/** Options every test uses: loopback, no retries, quiet logs. */
export const TEST_OPTIONS: SlackAdapterOverrides = {
  host: '127.0.0.1',
  apiRetries: 0,
  logLevel: 'error',
};

/** A ChatBot double: answers with what it was asked, or with a reply a test chooses. */
export class ScriptedBot implements ChatBot {
  readonly seen: ChatMessage[] = [];
  next: ((m: ChatMessage) => Reply | Promise<Reply>) | undefined;

  async handle(message: ChatMessage): Promise<Reply> {
    this.seen.push(message);
    if (this.next) return this.next(message);
    return simpleReply('answer', 'Echo', [`You said: ${message.text}`]);
  }
}

/** `X-Slack-Signature` for a body at a timestamp, as Slack computes it. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

let eventCounter = 0;
let tsCounter = 0;

/** A fresh message ts. */
export function nextTs(): string {
  tsCounter += 1;
  return `1710000${String(tsCounter).padStart(3, '0')}.000${String(tsCounter).padStart(3, '0')}`;
}

/** An Events API `event_callback` body. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${++eventCounter}TEST`) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0FAKE',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: BOT, is_bot: true }],
    event: { event_ts: event.ts, ...event },
  };
}

export function mention(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'app_mention',
    user: 'U0PERSON1',
    text: `<@${BOT}> ${text}`,
    channel: 'C0CHANNEL1',
    ts: nextTs(),
    ...extra,
  };
}

export function message(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    user: 'U0PERSON1',
    text,
    channel: 'C0CHANNEL1',
    channel_type: 'channel',
    ts: nextTs(),
    ...extra,
  };
}

export interface SendOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
  form?: boolean;
}

/** The adapter in HTTP mode with its fake Slack. */
export class HttpHarness {
  handle!: SlackHandle;
  private expected = 0;

  constructor(
    readonly api: FakeSlackApi,
    readonly bot: ChatBot,
  ) {}

  static async start(
    bot: ChatBot,
    overrides: SlackAdapterOverrides = {},
    env: NodeJS.ProcessEnv = {},
  ): Promise<HttpHarness> {
    const api = await new FakeSlackApi(BOT_TOKEN).start();
    const h = new HttpHarness(api, bot);
    try {
      h.handle = await startSlack(
        bot,
        {
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: api.apiUrl,
          PORT: '0',
          ...env,
        },
        { ...TEST_OPTIONS, ...overrides },
      );
    } catch (e) {
      await api.close();
      throw e;
    }
    return h;
  }

  get url(): string {
    return `http://127.0.0.1:${this.handle.port}/slack/events`;
  }

  /** POSTs a raw body, signed unless told otherwise. */
  async send(body: string, opts: SendOptions = {}): Promise<Response> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': opts.form ? 'application/x-www-form-urlencoded' : 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': opts.signature ?? sign(body, timestamp),
        ...opts.headers,
      },
      body,
    });
  }

  /** Sends an event and waits until the adapter has finished with it. */
  async event(
    event: Record<string, unknown>,
    opts: SendOptions & { eventId?: string } = {},
  ): Promise<Response> {
    const res = await this.send(JSON.stringify(eventCallback(event, opts.eventId)), opts);
    if (res.status === 200) await this.settle();
    return res;
  }

  /** Sends a `/tcp` slash command with a response_url on the fake. */
  async command(text: string, extra: Record<string, string> = {}): Promise<Response> {
    const id = `cmd${++eventCounter}`;
    const form = new URLSearchParams({
      token: 'legacy',
      team_id: FAKE_TEAM_ID,
      channel_id: 'C0CHANNEL1',
      channel_name: 'ops',
      user_id: 'U0PERSON1',
      user_name: 'person',
      command: '/tcp',
      text,
      api_app_id: 'A0FAKE',
      response_url: this.api.responseUrl(id),
      trigger_id: `trig.${id}`,
      ...extra,
    });
    const res = await this.send(form.toString(), { form: true });
    if (res.status === 200) await this.settle();
    return res;
  }

  /** Clicks a button (block_actions), with a response_url on the fake. */
  async click(actionId: string, value: string, channel = 'C0CHANNEL1'): Promise<Response> {
    const payload = {
      type: 'block_actions',
      team: { id: FAKE_TEAM_ID },
      user: { id: 'U0PERSON1' },
      api_app_id: 'A0FAKE',
      token: 'legacy',
      container: { type: 'message', is_ephemeral: true },
      trigger_id: 'trig.click',
      channel: { id: channel, name: 'ops' },
      response_url: this.api.responseUrl(`act${++eventCounter}`),
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: 'b1',
          value,
          text: { type: 'plain_text', text: 'x' },
          action_ts: '1',
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await this.send(body, { form: true });
    if (res.status === 200) await this.settle();
    return res;
  }

  /** Waits until every request sent so far reached the adapter and its answers are done. */
  async settle(): Promise<void> {
    this.expected += 1;
    const deadline = Date.now() + 5000;
    while (this.handle.received() < this.expected) {
      if (Date.now() > deadline) throw new Error('the adapter never saw the request');
      await new Promise((r) => setTimeout(r, 5));
    }
    await this.handle.idle();
  }

  /** Stops the adapter, then the fake (in that order: the adapter may still be posting). */
  async stop(): Promise<void> {
    await this.handle?.stop();
    await this.api.close();
  }
}

/** The adapter in Socket Mode with its fake Web API and WebSocket. */
export class SocketHarness {
  handle!: SlackHandle;

  constructor(
    readonly api: FakeSlackApi,
    readonly socket: FakeSlackSocket,
  ) {}

  static async start(bot: ChatBot, overrides: SlackAdapterOverrides = {}): Promise<SocketHarness> {
    const api = await new FakeSlackApi(BOT_TOKEN, APP_TOKEN).start();
    const socket = await new FakeSlackSocket().start();
    api.socketUrl = socket.url;
    const h = new SocketHarness(api, socket);
    try {
      h.handle = await startSlack(
        bot,
        { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl },
        { ...TEST_OPTIONS, ...overrides },
      );
    } catch (e) {
      await socket.close();
      await api.close();
      throw e;
    }
    await socket.connected();
    return h;
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    await this.socket.close();
    await this.api.close();
  }
}

/** Every string a test run posted to people (texts and block texts), for ping checks. */
export function postedStrings(api: FakeSlackApi): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const c of api.messages()) walk({ text: c.args.text, blocks: c.args.blocks });
  return out;
}

/** All text of one posted call (text plus block texts), joined. */
export function postedText(args: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(args.blocks);
  if (typeof args.text === 'string') out.push(args.text);
  return out.join('\n');
}
