// Test-only: raw TCP servers on loopback that answer probes with scripted bytes.
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { ProbeTarget } from '../types';

export interface SeenRequest {
  head: string;
  remoteAddress: string;
}

export interface ScriptedServer {
  server: Server;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a TCP server whose `onRequest` writes the response to each connection once it has the request head. */
export async function startScriptedServer(
  onRequest: (sock: Socket, head: string) => void,
  host = '127.0.0.1',
): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    let buf = '';
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end >= 0 && buf !== '\0') {
        const head = buf.slice(0, end);
        buf = '\0';
        seen.push({ head, remoteAddress: sock.remoteAddress ?? '' });
        onRequest(sock, head);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Builds an HTTP probe target for tests. */
export function httpTarget(
  port: number,
  over: Partial<NonNullable<ProbeTarget['http']>> = {},
  base: Partial<ProbeTarget> = {},
): ProbeTarget {
  return {
    kind: 'http',
    address: '127.0.0.1',
    family: 4,
    port,
    sourceAddress: null,
    tcp: null,
    ...base,
    http: {
      path: '/healthz',
      host: 'www.example.com',
      codeMin: 200,
      codeMax: 299,
      regexp: null,
      serverName: null,
      insecureSkipVerify: false,
      ...over,
    },
  };
}

/** Counts TIME_WAIT sockets to or from `port` on this machine (`ss`); null when `ss` is missing. */
/**
 * Counts TIME_WAIT sockets with `port` at either end. Compare against a count taken before the probes:
 * another process's old connection may have used the same number as its ephemeral port.
 */
export function countTimeWait(port: number): number | null {
  const r = spawnSync('ss', ['-Htan', 'state', 'time-wait', `( dport = :${port} or sport = :${port} )`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  return r.stdout.split('\n').filter((l) => l.trim() !== '').length;
}
