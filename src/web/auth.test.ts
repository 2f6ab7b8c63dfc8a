import { describe, expect, it } from 'vitest';
import { checkUpgrade, createToken, isLoopbackHost, parseHostHeader, requiresToken, tokensEqual } from './auth';

describe('auth', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.5', false],
    ['127.0.0.1.evil.com', false],
  ])('isLoopbackHost(%s) = %s', (h, v) => expect(isLoopbackHost(h)).toBe(v));

  it('needs a token unless loopback and read-only', () => {
    expect(requiresToken('127.0.0.1', true)).toBe(false);
    expect(requiresToken('127.0.0.1', false)).toBe(true);
    expect(requiresToken('0.0.0.0', true)).toBe(true);
    expect(requiresToken('192.168.1.5', true)).toBe(true);
  });

  it('makes URL-safe tokens from 32 random bytes and compares them exactly', () => {
    const t = createToken((n) => Buffer.alloc(n, 0xff));
    expect(t).toBe('_'.repeat(42) + '8');
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t, t.slice(1))).toBe(false);
    expect(tokensEqual(t, '')).toBe(false);
  });

  it('parses Host headers', () => {
    expect(parseHostHeader('127.0.0.1:5174')).toEqual({ name: '127.0.0.1', port: 5174 });
    expect(parseHostHeader('[::1]:80')).toEqual({ name: '[::1]', port: 80 });
    expect(parseHostHeader('example.com')).toEqual({ name: 'example.com', port: null });
    expect(parseHostHeader('a b')).toBeNull();
    expect(parseHostHeader(undefined)).toBeNull();
  });

  it('on a wildcard bind accepts any Host whose page origin matches, with the token', () => {
    const policy = { bindHost: '0.0.0.0', port: 5174, token: 'tok' };
    const host = 'wall.noc.example:5174';
    expect(checkUpgrade({ host, origin: `http://${host}`, token: 'tok' }, policy).ok).toBe(true);
    expect(checkUpgrade({ host, origin: `http://${host}`, token: null }, policy).ok).toBe(false);
    expect(checkUpgrade({ host, origin: 'http://evil.example', token: 'tok' }, policy).ok).toBe(false);
  });

  it('on a loopback bind refuses another port in the Host header', () => {
    const policy = { bindHost: '127.0.0.1', port: 5174, token: null };
    expect(checkUpgrade({ host: '127.0.0.1:5174', origin: 'http://127.0.0.1:5174', token: null }, policy).ok).toBe(true);
    expect(checkUpgrade({ host: '127.0.0.1:5175', origin: 'http://127.0.0.1:5175', token: null }, policy).ok).toBe(false);
  });
});
