/**
 * The `app://maglev/` protocol that serves the built renderer from out/renderer: a fixed origin for the
 * sender check and the CSP, a CSP header on every page, and no way out of the renderer folder.
 */
import { extname, join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../../shared/web-assets';

export const APP_SCHEME = 'app';
export const APP_HOST = 'maglev';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads in a build. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export { contentTypeOf };

/**
 * Maps an `app://maglev/…` URL to a file under `rootDir`, or null when the URL is not ours or would
 * leave the folder (`..`, encoded separators, NUL). Paths without an extension get index.html (SPA).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').includes('..')) return null;
  const rel = path === '/' || extname(path) === '' ? 'index.html' : path.replace(/^\/+/, '');
  const root = normalize(rootDir + sep);
  const file = normalize(join(root, rel));
  return file.startsWith(root) ? file : null;
}

/** The part of Electron's `protocol` used here. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response> | Response): void;
}

/** Registers the scheme as standard and secure; must run before the app is ready. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface AppProtocolDeps {
  rootDir: string;
  csp: string;
  readFile(path: string): Promise<Uint8Array>;
}

/** Creates the request handler of `app://` (exported separately so that tests can call it). */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const file = resolveAppFile(deps.rootDir, request.url);
    if (file === null) return new Response('not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch {
      return new Response('not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': deps.csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
