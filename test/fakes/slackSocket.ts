/**
 * A stand-in for Slack's Socket Mode WebSocket on 127.0.0.1: greets each connection with
 * `hello`, delivers envelopes (`events_api`, `slash_commands`, `interactive`) and waits for the
 * client's ack. Records connections and closes so a test can check a clean shutdown.
 */
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Envelope {
  envelope_id: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export class FakeSlackSocket {
  private server: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (msg: Record<string, unknown>) => void>();
  private next = 0;
  connections = 0;
  closes = 0;

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    server.on('connection', (ws) => {
      this.connections += 1;
      this.sockets.add(ws);
      ws.on('close', () => {
        this.closes += 1;
        this.sockets.delete(ws);
      });
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as Record<string, unknown>;
        const id = String(msg.envelope_id ?? '');
        this.acks.get(id)?.(msg);
        this.acks.delete(id);
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake-socket', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0FAKE' },
        }),
      );
    });
    return this;
  }

  get url(): string {
    const port = (this.server?.address() as AddressInfo | undefined)?.port ?? 0;
    return `ws://127.0.0.1:${port}/link`;
  }

  /** Open connections right now. */
  get open(): number {
    return this.sockets.size;
  }

  /** Waits (bounded) for a connection. */
  async connected(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sockets.size === 0) {
      if (Date.now() > deadline) throw new Error('fake socket: no connection');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Sends an envelope to every connection and resolves with the client's ack. */
  async deliver(
    type: Envelope['type'],
    payload: Record<string, unknown>,
    extra: Partial<Envelope> = {},
  ): Promise<Record<string, unknown>> {
    this.next += 1;
    const envelope: Envelope = {
      envelope_id: `env-${this.next}`,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...extra,
    };
    const acked = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${envelope.envelope_id}`)), 5000);
      this.acks.set(envelope.envelope_id, (msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
    });
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
    return acked;
  }

  /** Sends a raw frame (e.g. `{type: 'disconnect'}`) to every connection. */
  sendRaw(frame: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(frame));
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
