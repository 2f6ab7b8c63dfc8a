import { describe, expect, it, vi } from 'vitest';
import { APP_CSP, contentSecurityPolicy, hardenSession, hardenWebContents, type SessionLike, type WebContentsEventsLike } from './security';
import { createLogger, NULL_SINK } from '../../core/log';
import { createSenderCheck } from '../ipc';

const logger = createLogger('test', NULL_SINK);

describe('contentSecurityPolicy', () => {
  it('is strict in a build: no inline or eval script, no remote connections, no framing', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp).toBe(APP_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('allows only the dev server extras in development', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toMatch(/unsafe-eval/);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const s = {
      request: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
      check: undefined as undefined | ((wc: unknown, p: string) => boolean),
      headers: undefined as undefined | Parameters<SessionLike['webRequest']['onHeadersReceived']>[0],
    };
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (s.request = h),
      setPermissionCheckHandler: (h) => (s.check = h),
      webRequest: { onHeadersReceived: (l) => (s.headers = l) },
    };
    return { s, session };
  }

  it('denies every permission request and check', () => {
    const { s, session } = fakeSession();
    hardenSession(session, APP_CSP, logger);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      s.request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.check!(null, p)).toBe(false);
    }
  });

  it('replaces any CSP a server sends with ours', () => {
    const { s, session } = fakeSession();
    hardenSession(session, APP_CSP, logger);
    const cb = vi.fn();
    s.headers!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [APP_CSP], 'X-Content-Type-Options': ['nosniff'] },
    });
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (e: { preventDefault(): void; url?: string }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: WebContentsEventsLike = {
      on: ((event: string, l: (e: { preventDefault(): void }) => void) => listeners.set(event, l)) as WebContentsEventsLike['on'],
      setWindowOpenHandler: (h) => (openHandler = h),
    };
    return { listeners, contents, open: (url: string) => openHandler!({ url }) };
  }
  const isApp = (url: string) => createSenderCheck(['app://maglev'])({ senderFrame: { url } });

  it('blocks navigation away from the app and keeps in-app navigation', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, isApp, logger);
    for (const kind of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn(), url: 'https://evil.example/' };
      f.listeners.get(kind)!(away);
      expect(away.preventDefault).toHaveBeenCalled();
      const home = { preventDefault: vi.fn(), url: 'app://maglev/index.html' };
      f.listeners.get(kind)!(home);
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
    const legacy = { preventDefault: vi.fn() };
    f.listeners.get('will-navigate')!(legacy, 'file:///etc/passwd');
    expect(legacy.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open, even to the app itself, and webviews', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, isApp, logger);
    expect(f.open('https://example.com')).toEqual({ action: 'deny' });
    expect(f.open('app://maglev/index.html')).toEqual({ action: 'deny' });
    const e = { preventDefault: vi.fn() };
    f.listeners.get('will-attach-webview')!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});
