import { connect, createServer, type Server, type Socket } from 'node:net';

/** A pile-up made on 127.0.0.1 for a test, and how to end it. */
export interface Pileup {
  port: number;
  /** Ends every socket and the listener. */
  close(): Promise<void>;
}

/** Opens a listener on an ephemeral 127.0.0.1 port. */
function listen(server: Server, backlog?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, backlog }, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** Connects to 127.0.0.1:port and resolves once connected. */
function connectTo(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
}

/**
 * `count` CLOSE_WAIT on the server side: a server (this process) that accepts and never
 * closes, and clients that connect and close at once.
 */
export async function closeWaitPileup(count: number): Promise<Pileup> {
  const held: Socket[] = [];
  let ended = 0;
  let allEnded: () => void = () => {};
  const everyFin = new Promise<void>((r) => {
    allEnded = r;
  });
  // allowHalfOpen: the peer's FIN does not make Node close our side, so it stays in CLOSE_WAIT.
  const server = createServer({ allowHalfOpen: true }, (s) => {
    held.push(s);
    s.on('end', () => {
      ended++;
      if (ended === count) allEnded();
    });
    s.resume();
  });
  const port = await listen(server);
  for (let i = 0; i < count; i++) (await connectTo(port)).end();
  await everyFin;
  return {
    port,
    async close() {
      for (const s of held) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
