// Test-only: misbehaving TCP peers on loopback for the client's failure tests.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LoopbackServer {
  address: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: Server, sockets: Set<Socket>): Promise<LoopbackServer> {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        address: `127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A server that accepts TCP connections and never says anything (reads and ignores). */
export function startSilentServer(): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  return listen(
    createServer((s) => s.resume()),
    sockets,
  );
}

/** A server that answers every connection with bytes that are not HTTP/2. */
export function startGarbageServer(): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  return listen(
    createServer((s) => {
      s.resume();
      s.write(Buffer.from('HTTP/1.1 200 OK\r\n\r\n\x00\xff\xfe garbage \x07\x07\x07'.repeat(4), 'latin1'));
    }),
    sockets,
  );
}

/** Finds a loopback port nobody listens on (bound then released). */
export async function freePort(): Promise<number> {
  const s = await listen(createServer(), new Set());
  await s.close();
  return s.port;
}

export interface StallingProxy extends LoopbackServer {
  /** Stops forwarding on every open connection (both ways) without closing them. */
  stall(): void;
  connections(): number;
}

/** A TCP proxy to `target` whose open connections can be frozen, like a dead middlebox. */
export function startStallingProxy(target: { host: string; port: number }): Promise<StallingProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    sockets.add(upstream);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
  });
  return listen(server, sockets).then((base) => ({
    ...base,
    stall() {
      for (const [c, u] of pairs) {
        c.unpipe(u);
        u.unpipe(c);
        c.pause();
        u.pause();
      }
      pairs.clear();
    },
    connections: () => pairs.size,
  }));
}
