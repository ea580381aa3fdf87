import { createServer, type Server } from 'node:http';
import type { WatchMetrics } from './metrics.js';

/** Serves GET /metrics on host:port; resolves with the server once listening. */
export function serveMetrics(
  metrics: WatchMetrics,
  port: number,
  host = '127.0.0.1',
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
      return;
    }
    metrics.text().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (e: unknown) => res.writeHead(500).end(`${(e as Error).message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
