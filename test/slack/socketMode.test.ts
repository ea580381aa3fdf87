/**
 * End to end, Socket Mode: the real Bolt SocketModeReceiver connects to the fake WebSocket
 * (URL from the fake apps.connections.open), gets a mention, acks it, answers through the fake
 * Web API, and shuts down cleanly: the socket is closed and no reconnection is attempted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../adapters/slack/commands.js';
import {
  APP_TOKEN,
  eventCallback,
  mention,
  postedText,
  ScriptedBot,
  SocketHarness,
} from './harness.js';

let h: SocketHarness | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function settle(harness: SocketHarness, received: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (harness.handle.received() < received) {
    if (Date.now() > deadline) throw new Error('the adapter never saw the envelope');
    await new Promise((r) => setTimeout(r, 5));
  }
  await harness.handle.idle();
}

describe('Slack in Socket Mode', () => {
  it('answers a mention delivered over the WebSocket, in its thread', async () => {
    const bot = new ScriptedBot();
    h = await SocketHarness.start(bot);
    expect(h.handle.mode).toBe('socket');
    expect(h.handle.port).toBeUndefined();
    const open = h.api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const event = mention('why so many TIME_WAIT?');
    const ack = await h.socket.deliver('events_api', eventCallback(event));
    expect(ack.envelope_id).toBe('env-1');
    await settle(h, 1);

    const posts = h.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args).toMatchObject({ channel: 'C0CHANNEL1', thread_ts: event.ts });
    expect(postedText(posts[0]?.args ?? {})).toContain('You said: why so many TIME_WAIT?');
  });

  it('answers a retried envelope (retry_attempt) once', async () => {
    const bot = new ScriptedBot();
    h = await SocketHarness.start(bot);
    const body = eventCallback(mention('once please'), 'EvSOCKETRETRY');
    await h.socket.deliver('events_api', body);
    await settle(h, 1);
    await h.socket.deliver('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    await settle(h, 2);
    expect(bot.seen).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers /tcp over the socket ephemerally, with the share button', async () => {
    const bot = new ScriptedBot();
    h = await SocketHarness.start(bot);
    const ack = await h.socket.deliver('slash_commands', {
      command: '/tcp',
      text: 'ask what is FIN_WAIT_2?',
      user_id: 'U0PERSON1',
      channel_id: 'C0CHANNEL1',
      team_id: 'T0FAKE001',
      response_url: h.api.responseUrl('sock1'),
      trigger_id: 't',
    });
    expect(ack.envelope_id).toBeDefined();
    await settle(h, 1);
    const respond = h.api.callsTo('respond');
    expect(respond).toHaveLength(1);
    expect(respond[0]?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(respond[0]?.args.blocks)).toContain(SHARE_ACTION_ID);
  });

  it('stops cleanly while waiting to reconnect after Slack sent disconnect', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      const harness = await SocketHarness.start(new ScriptedBot());
      h = harness;
      harness.socket.sendRaw({ type: 'disconnect', reason: 'refresh_requested' });
      const deadline = Date.now() + 2000;
      while (harness.socket.open > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(harness.socket.open).toBe(0);
      const started = Date.now();
      await harness.handle.stop();
      // Well under the client's 5 s reconnect delay: stop() did not wait for a reconnect.
      expect(Date.now() - started).toBeLessThan(2500);
      await new Promise((r) => setTimeout(r, 50));
      expect(harness.socket.connections).toBe(1);
      expect(harness.api.callsTo('apps.connections.open')).toHaveLength(1);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('shuts down cleanly: socket closed, no reconnection, no handles left, stop() idempotent', async () => {
    const count = () =>
      process.getActiveResourcesInfo().filter((r) => /TCP|Timeout|Immediate/.test(r)).length;
    const before = count();
    const bot = new ScriptedBot();
    const harness = await SocketHarness.start(bot);
    expect(harness.socket.open).toBe(1);
    await harness.socket.deliver('events_api', eventCallback(mention('last one')));
    await settle(harness, 1);
    await harness.handle.stop();
    // stop() resolves once the client has seen the socket close.
    expect(harness.socket.connections).toBe(1);
    const deadline = Date.now() + 2000;
    while (harness.socket.open > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(harness.socket.open).toBe(0);
    expect(harness.socket.closes).toBe(1);
    await harness.handle.stop();
    await harness.stop();
    // Nothing is left running: no reconnect timer, no ping interval, no socket, no server.
    await new Promise((r) => setTimeout(r, 20));
    expect(count()).toBeLessThanOrEqual(before);
    expect(harness.socket.connections).toBe(1);
    expect(harness.api.callsTo('apps.connections.open')).toHaveLength(1);
  });
});
