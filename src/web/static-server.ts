/**
 * Serves the built renderer: GET/HEAD only, files under the root only (dot segments, encoded
 * separators, NUL and symlinks out of the folder are refused), security headers on everything and a
 * strict CSP on pages. Paths without an extension get index.html (client-side routes).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentTypeOf, rendererCsp } from '../shared/web-assets';


/** Returns the page CSP; `wsOrigin` is the socket's own origin (`ws://host:port`). */
export function webContentSecurityPolicy(wsOrigin: string): string {
  return rendererCsp(`'self' ${wsOrigin}`);
}

/** Headers sent with every response. */
export function securityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the token: never send it anywhere in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}

/** Maps a request path to a file under `root`, or null when it is not allowed. */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(rawPath, 'http://x').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return null;
  const rel = path === '/' || extname(path) === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = normalize(root + sep);
  const file = normalize(join(base, rel));
  return file.startsWith(base) ? file : null;
}

export interface StaticHandlerOptions {
  rootDir: string;
  /** Extra headers for pages (the CSP for the validated Host). */
  pageHeaders(req: IncomingMessage): Record<string, string>;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/** Creates the request handler for the renderer files. */
export function createStaticHandler(options: StaticHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const rootReal = realpath(options.rootDir).catch(() => null);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    const file = resolveStaticPath(options.rootDir, req.url ?? '/');
    const root = await rootReal;
    if (file === null || root === null) return send(res, 404, 'not found');
    let body: Buffer;
    try {
      const real = await realpath(file);
      // A symlink inside the folder must not lead out of it.
      if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return send(res, 404, 'not found');
      body = await readFile(real);
    } catch {
      return send(res, 404, 'not found');
    }
    const type = contentTypeOf(file);
    const isPage = type.startsWith('text/html');
    res.writeHead(200, {
      ...securityHeaders(),
      ...(isPage ? options.pageHeaders(req) : {}),
      'Content-Type': type,
      'Content-Length': String(body.length),
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
