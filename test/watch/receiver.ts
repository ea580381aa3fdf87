import { createServer, type Server } from 'node:http';

/** A local HTTP receiver that records the JSON bodies POSTed to it. */
export interface Receiver {
  url: string;
  bodies: { path: string; headers: Record<string, string | string[] | undefined>; body: unknown }[];
  /** Resolves once `n` bodies have arrived (rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1; `answer` sets the JSON reply (Slack's Web API wants ok:true). */
export async function startReceiver(answer: object = { ok: true }): Promise<Receiver> {
  const bodies: Receiver['bodies'] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    waitFor(n, timeoutMs) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(
          () => reject(new Error(`got ${bodies.length} of ${n} posts in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          if (bodies.length >= n) {
            clearTimeout(deadline);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
