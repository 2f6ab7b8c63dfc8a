// Test-only: loopback backends that misbehave in one way each, for the real checker and probers.
// Big bodies are generated on the fly from one reused buffer and written with backpressure, so the
// servers themselves never hold more than a chunk per connection.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export const HOSTILE_KINDS = [
  'ok',
  'flap',
  'hang-silent',
  'hang-body',
  'reset-accept',
  'reset-request',
  'huge-length',
  'huge-chunked',
  'tls-ok',
  'tls-garbage',
  'tls-plaintext',
  'tls-hang',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

/** 1 GiB: the body the `huge-*` backends promise. */
export const HUGE_BODY = 2 ** 30;

export interface HostileFarm {
  port(kind: HostileKind): number;
  /**
   * The code the `flap` backend owes the newest request on `path`, forgetting older ones. Probes of a
   * backend never overlap, so when one ends, the newest request (if any) is its own; an older one can
   * only belong to a probe that timed out before it read the answer.
   */
  takeFlapOwed(path: string): string | undefined;
  /** Largest body a `huge-*` connection was sent before the prober hung up, and how many there were. */
  huge(): { maxBytes: number; connections: number };
  close(): Promise<void>;
}

const http = (status: string, body: string): Buffer =>
  Buffer.from(`HTTP/1.1 ${status}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
const OK = http('200 OK', 'ok\n');
const UNAVAILABLE = http('503 Service Unavailable', 'no\n');
const CHUNK = Buffer.from('ok\n'.repeat(Math.floor(65_536 / 3)));
const CHUNK_FRAME = Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]);

/** Calls `onHead` once the request head has arrived. */
function onRequestHead(sock: Socket, onHead: (head: string) => void): void {
  let buf = '';
  const onData = (d: Buffer): void => {
    buf += d.toString('latin1');
    if (!buf.includes('\r\n\r\n')) return;
    sock.off('data', onData);
    sock.resume();
    onHead(buf);
  };
  sock.on('data', onData);
}

/** Streams `total` body bytes (as `frame`s carrying `payload` bytes each) until done or the peer leaves. */
function streamBody(sock: Socket, total: number, frame: Buffer, payload: number, done: (sent: number) => void): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !sock.destroyed) {
      sent += payload;
      if (!sock.write(frame)) return void sock.once('drain', pump);
    }
  };
  sock.once('close', () => done(sent));
  pump();
}

export async function startHostileFarm(tls: { cert: Buffer; key: Buffer }): Promise<HostileFarm> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const ports = new Map<HostileKind, number>();
  const owed = new Map<string, string[]>();
  const flips = new Map<string, number>();
  const huge = { maxBytes: 0, connections: 0 };
  const hugeDone = (sent: number): void => {
    huge.maxBytes = Math.max(huge.maxBytes, sent);
    huge.connections++;
  };

  const realTls = createTlsServer({ cert: tls.cert, key: tls.key }, (s) => {
    s.on('error', () => {});
    onRequestHead(s as unknown as Socket, () => s.end(OK));
  });
  const handlers: Record<HostileKind, (sock: Socket) => void> = {
    ok: (sock) => onRequestHead(sock, () => sock.end(OK)),
    flap: (sock) =>
      onRequestHead(sock, (head) => {
        const path = head.split(' ')[1] ?? '';
        const n = flips.get(path) ?? 0;
        flips.set(path, n + 1);
        const list = owed.get(path) ?? [];
        list.push(n % 2 === 0 ? 'L7OK' : 'L7STS');
        owed.set(path, list);
        sock.end(n % 2 === 0 ? OK : UNAVAILABLE);
      }),
    'hang-silent': (sock) => sock.resume(),
    'hang-body': (sock) => onRequestHead(sock, () => sock.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nok, and th')),
    'reset-accept': (sock) => sock.resetAndDestroy(),
    'reset-request': (sock) => onRequestHead(sock, () => sock.resetAndDestroy()),
    'huge-length': (sock) =>
      onRequestHead(sock, () => {
        sock.write(`HTTP/1.1 200 OK\r\nContent-Length: ${HUGE_BODY}\r\n\r\n`);
        streamBody(sock, HUGE_BODY, CHUNK, CHUNK.length, hugeDone);
      }),
    'huge-chunked': (sock) =>
      onRequestHead(sock, () => {
        sock.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
        streamBody(sock, HUGE_BODY, CHUNK_FRAME, CHUNK.length, hugeDone);
      }),
    'tls-ok': (sock) => realTls.emit('connection', sock),
    'tls-garbage': (sock) => serverHelloThenGarbage(sock, ports.get('tls-ok') ?? 0),
    'tls-plaintext': (sock) => sock.once('data', () => sock.end(http('400 Bad Request', 'this is plain HTTP\n'))),
    'tls-hang': (sock) => sock.resume(),
  };
  for (const kind of HOSTILE_KINDS) {
    const server = createServer((sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
      sock.on('error', () => {});
      handlers[kind](sock);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.set(kind, (server.address() as { port: number }).port);
    servers.push(server);
  }
  return {
    port: (kind) => ports.get(kind) ?? 0,
    takeFlapOwed(path) {
      const list = owed.get(path) ?? [];
      owed.delete(path);
      return list.at(-1);
    },
    huge: () => ({ ...huge }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

/**
 * Relays the ClientHello to the real TLS backend, passes back only its first record (the ServerHello),
 * then sends an application-data record of garbage: the handshake breaks after a valid ServerHello.
 */
function serverHelloThenGarbage(sock: Socket, tlsPort: number): void {
  const upstream = connect(tlsPort, '127.0.0.1');
  upstream.on('error', () => {});
  sock.on('close', () => upstream.destroy());
  sock.on('data', (d) => upstream.write(d));
  let buf = Buffer.alloc(0);
  upstream.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    if (buf.length < 5 || buf.length < 5 + buf.readUInt16BE(3)) return;
    upstream.destroy();
    sock.write(buf.subarray(0, 5 + buf.readUInt16BE(3)));
    const junk = Buffer.from('these bytes are no TLS record at all');
    sock.write(Buffer.concat([Buffer.from([0x17, 0x03, 0x03, 0x00, junk.length]), junk]));
  });
}
