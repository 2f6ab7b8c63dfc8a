import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Site, SiteEvent } from '../types';

/** A loopback HTTP backend whose status code the test sets. */
export interface TestBackend {
  port: number;
  setStatus(code: number): void;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1:0 answering `status` to every request. */
export async function startTestBackend(status = 200): Promise<TestBackend> {
  let code = status;
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(code, { connection: 'close' });
    res.end(code < 300 ? 'ok\n' : 'failing\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    setStatus: (c) => void (code = c),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Resolves once `done(site)` holds, checking now and after each event of the site (no sleeping). */
export function waitForSite(site: Site, done: (site: Site, event?: SiteEvent) => boolean): Promise<void> {
  if (done(site)) return Promise.resolve();
  return new Promise((resolve) => {
    const off = site.subscribe((event) => {
      if (!done(site, event)) return;
      off();
      resolve();
    });
  });
}

/** Resolves with the first event of the site that matches. */
export function nextEvent(site: Site, match: (event: SiteEvent) => boolean): Promise<SiteEvent> {
  return new Promise((resolve) => {
    const off = site.subscribe((event) => {
      if (!match(event)) return;
      off();
      resolve(event);
    });
  });
}
