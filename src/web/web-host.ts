/**
 * The web host: the built renderer plus the contract over a WebSocket at WS_PATH, from one HTTP
 * server. Binds 127.0.0.1 by default. Usable in-process (tests, Playwright) and from `npm run web`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { WebSocketServer } from 'ws';
import { WS_MAX_PAYLOAD, WS_PATH } from '../shared/ipc';
import type { SiteService } from '../core/sites';
import { createLogger, NULL_SINK, type Logger } from '../core/log';
import { CodedError } from '../core/util';
import { checkHost, checkUpgrade, createToken, isLoopbackHost, requiresToken, type AccessPolicy } from './auth';
import { createStaticHandler, securityHeaders, webContentSecurityPolicy } from './static-server';
import { createWsBridge } from './ws-bridge';

export interface WebHostOptions {
  service: SiteService;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  readOnly?: boolean;
  user?: string;
  logger?: Logger;
  randomBytes?: (n: number) => Buffer;
  maxBufferedBytes?: number;
}

export interface WebHost {
  /** The URL to open, with `?token=…` when a token is required. */
  url: string;
  token: string | null;
  port: number;
  close(): Promise<void>;
}

/** Formats a host for a URL (`[::1]` for IPv6; wildcards become the loopback address). */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      const what = e.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use` : `cannot listen on ${host}:${port}: ${e.message}`;
      reject(new CodedError('UNAVAILABLE', what, { cause: e }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function refuse(socket: Socket, status: 400 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts the host; rejects with a CodedError('UNAVAILABLE') when it cannot listen. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const readOnly = options.readOnly ?? false;
  const logger = options.logger ?? createLogger('web', NULL_SINK);
  const token = requiresToken(bindHost, readOnly) ? createToken(options.randomBytes ?? nodeRandomBytes) : null;
  const policy: AccessPolicy = { bindHost, port: 0, token };

  const serveStatic = createStaticHandler({
    rootDir: options.rendererDir,
    pageHeaders: (req) => ({ 'Content-Security-Policy': webContentSecurityPolicy(`ws://${req.headers.host ?? ''}`) }),
  });
  const server = createServer((req, res) => {
    const host = checkHost(req.headers.host, policy);
    if (!host.ok) {
      res.writeHead(403, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }).end(host.error.message);
      return;
    }
    serveStatic(req, res).catch((e: unknown) => {
      logger.error('static request failed', { url: req.url, err: e });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  const bridge = createWsBridge({
    service: options.service,
    readOnly,
    logger,
    ...(options.maxBufferedBytes !== undefined && { maxBufferedBytes: options.maxBufferedBytes }),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    const verdict = checkUpgrade({ host: req.headers.host, origin: req.headers.origin, token: url.searchParams.get('token') }, policy);
    if (!verdict.ok) {
      logger.warn('refused a WebSocket', { reason: verdict.error.message, origin: req.headers.origin ?? '(none)' });
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Audit "who": the OS user and machine that run the host, and the browser's address that asked.
      const client = req.socket.remoteAddress ?? 'unknown';
      bridge.accept(ws, { readOnly, user: options.user ?? 'web', host: `${hostname()} (browser at ${client})`, origin: 'web' });
    });
  });

  try {
    policy.port = await listen(server, options.port ?? 5174, bindHost);
  } catch (e) {
    bridge.close();
    wss.close();
    throw e;
  }
  const port = policy.port;
  if (!isLoopbackHost(bindHost)) logger.warn('listening beyond loopback; the token is required', { host: bindHost });
  const url = `http://${urlHost(bindHost)}:${port}/${token ? `?token=${token}` : ''}`;

  return {
    url,
    token,
    port,
    async close() {
      bridge.close();
      const closing = [...wss.clients].map((ws) => new Promise<void>((r) => ws.once('close', () => r())));
      const timer = setTimeout(() => wss.clients.forEach((ws) => ws.terminate()), 1_000);
      timer.unref();
      await Promise.all(closing);
      clearTimeout(timer);
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
