/**
 * Who may open the web host's WebSocket. Three checks, in this order:
 * 1. Host header: on a loopback bind, only loopback names (defeats DNS rebinding, which is what lets a
 *    foreign page reach 127.0.0.1 under its own name).
 * 2. Origin: must equal the page's own origin `http://<Host>`, so no other site's page can open the
 *    socket with the user's browser (cross-site WebSocket hijacking).
 * 3. Token: the random token printed at start, unless the host is loopback-only AND read-only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Result } from '../core/util';

/** Tells whether a bind address or host name is loopback-only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Tells whether clients need the token: always, except on a loopback-only, read-only host. */
export function requiresToken(bindHost: string, readOnly: boolean): boolean {
  return !(isLoopbackHost(bindHost) && readOnly);
}

/** Creates a token (256 random bits, URL-safe). */
export function createToken(randomBytes: (n: number) => Buffer): string {
  return randomBytes(32).toString('base64url');
}

/** Compares tokens in constant time (hashing first makes the lengths equal). */
export function tokensEqual(a: string, b: string): boolean {
  const h = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(h(a), h(b));
}

export interface AccessPolicy {
  bindHost: string;
  port: number;
  /** Null: no token needed. */
  token: string | null;
}

/** Splits a Host header into name and port; null when it is not `name[:port]`. */
export function parseHostHeader(host: string | undefined): { name: string; port: number | null } | null {
  if (!host) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m) return null;
  return { name: m[1]!, port: m[2] === undefined ? null : Number(m[2]) };
}

/** Checks the Host header of any request (page or socket). */
export function checkHost(host: string | undefined, policy: AccessPolicy): Result<void> {
  const parsed = parseHostHeader(host);
  if (!parsed) return { ok: false, error: { code: 'FORBIDDEN', message: 'bad Host header' } };
  if (isLoopbackHost(policy.bindHost) && (!isLoopbackHost(parsed.name) || parsed.port !== policy.port)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'this host serves loopback clients only' } };
  }
  return { ok: true, value: undefined };
}

export interface UpgradeRequestInfo {
  host: string | undefined;
  origin: string | undefined;
  /** The `token` query parameter of the WebSocket URL. */
  token: string | null;
}

/** Checks a WebSocket upgrade: Host, then Origin, then token. */
export function checkUpgrade(req: UpgradeRequestInfo, policy: AccessPolicy): Result<void> {
  const host = checkHost(req.host, policy);
  if (!host.ok) return host;
  if (req.origin === undefined || req.origin.toLowerCase() !== `http://${req.host}`.toLowerCase()) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'foreign origin' } };
  }
  if (policy.token !== null && (req.token === null || !tokensEqual(req.token, policy.token))) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'missing or wrong token' } };
  }
  return { ok: true, value: undefined };
}
