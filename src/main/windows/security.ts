/**
 * Session and web-contents hardening (docs/security.md): a strict CSP sent as a header, every
 * permission denied, navigation limited to the app's own pages, no new windows, no <webview>.
 */
import type { Logger } from '../../core/log';
import { rendererCsp } from '../../shared/web-assets';

/** The production CSP: our own scripts only, no eval, no inline script, no plugins, no framing. */
export const APP_CSP = rendererCsp("'self'");

/**
 * Returns the CSP for a page; in development the Vite dev server needs its HMR socket and the React
 * refresh preamble (an inline script), so only then are those allowed, and only for the dev origin.
 */
export function contentSecurityPolicy(devOrigin: string | null): string {
  if (devOrigin === null) return APP_CSP;
  const ws = devOrigin.replace(/^http/, 'ws');
  return APP_CSP.replace("script-src 'self'", `script-src 'self' 'unsafe-inline'`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

/** The part of Electron's Session used here. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string | string[]> },
        callback: (response: { responseHeaders: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
}

/** Denies every permission and adds the CSP (and friends) to every response the session receives. */
export function hardenSession(session: SessionLike, csp: string, logger: Logger): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn('denied a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    // Drop any CSP the server sent (whatever its case) so that ours is the only one.
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    callback({
      responseHeaders: {
        ...headers,
        'Content-Security-Policy': [csp],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

/** The part of Electron's WebContents used here. */
export interface WebContentsEventsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url?: string }, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Blocks navigation away from the app, new windows and webviews for one web contents. */
export function hardenWebContents(contents: WebContentsEventsLike, isAppUrl: (url: string) => boolean, logger: Logger): void {
  const guard = (kind: string) => (event: { preventDefault(): void; url?: string }, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isAppUrl(url)) return;
    event.preventDefault();
    logger.warn('blocked navigation', { kind, url: url.slice(0, 200) });
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a webview');
  });
  // External links are never opened: a compromised page must not be able to launch anything.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('blocked window.open', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}
