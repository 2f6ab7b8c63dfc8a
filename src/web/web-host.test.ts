import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, urlHost, type WebHost, type WebHostOptions } from './web-host';
import { createFakeSiteService, fakeSummary, type FakeSiteService } from '../../tests/fixtures/fake-site-service';
import { connectClient, type TestClient } from '../../tests/fixtures/ws-client';
import { WS_MAX_PAYLOAD } from '../shared/ipc';

let dir: string;
let service: FakeSiteService;
const hosts: WebHost[] = [];
const clients: TestClient[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-host-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  service = createFakeSiteService();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  await rm(dir, { recursive: true, force: true });
});

async function start(over: Partial<WebHostOptions> = {}): Promise<WebHost> {
  const h = await startWebHost({ service, rendererDir: join(dir, 'renderer'), port: 0, ...over });
  hosts.push(h);
  return h;
}
async function connect(...args: Parameters<typeof connectClient>): Promise<TestClient> {
  const c = await connectClient(...args);
  clients.push(c);
  return c;
}

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host: page', () => {
  it('serves the renderer with a strict CSP and security headers, and prints a token URL', async () => {
    const h = await start();
    expect(h.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.token}`);
    const page = await get(h.port, '/?token=abc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${h.port}`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const js = await get(h.port, '/assets/app.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await get(h.port, '/site/demo')).body).toContain('<title>t</title>');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/a%00.js', '/evil.txt', '/%E0%A4%A'])(
    'never serves %s from outside the renderer folder',
    async (path) => {
      const h = await start();
      const r = await get(h.port, path);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('secret');
    },
  );

  it('does not follow a symlink out of the folder', async () => {
    await symlink(join(dir, 'secret.txt'), join(dir, 'renderer', 'evil.txt'));
    const h = await start();
    expect((await get(h.port, '/evil.txt')).status).toBe(404);
  });

  it('refuses a foreign Host on a loopback bind (DNS rebinding)', async () => {
    const h = await start();
    expect((await get(h.port, '/', `evil.example:${h.port}`)).status).toBe(403);
    expect((await get(h.port, '/', `localhost:${h.port}`)).status).toBe(200);
  });
});

describe('web host: WebSocket access', () => {
  it('accepts the own origin with the token and answers requests', async () => {
    const h = await start({ user: 'noc' });
    const c = await connect(h.port, { token: h.token });
    expect(await c.request('app:info')).toMatchObject({ ok: true, value: { host: 'web', user: 'noc', readOnly: false } });
    expect(service.calls[0]!.ctx).toMatchObject({ origin: 'web', readOnly: false, host: `${hostname()} (browser at 127.0.0.1)` });
  });

  it('pushes service events to every client', async () => {
    const h = await start();
    const a = await connect(h.port, { token: h.token });
    const b = await connect(h.port, { token: h.token });
    service.emit('sites:changed', [fakeSummary({ name: 'x' })]);
    for (const c of [a, b]) expect(await c.nextEvent()).toEqual({ event: 'sites:changed', payload: [fakeSummary({ name: 'x' })] });
  });

  it.each([
    ['a foreign origin', { origin: 'http://evil.example' }],
    ['a look-alike origin', { origin: 'http://127.0.0.1:1' }],
    ['no origin', { origin: null }],
    ['no token', { token: null }],
    ['a wrong token', { token: 'wrong' }],
  ])('refuses %s with 403', async (_what, opts) => {
    const h = await start();
    const err = await connectClient(h.port, { token: h.token, ...opts }).catch((e: { status?: number }) => e);
    expect(err).toMatchObject({ status: 403 });
  });

  it('refuses a foreign Host even with the right origin and token', async () => {
    const h = await start();
    const host = `evil.example:${h.port}`;
    const err = await connectClient(h.port, { token: h.token, host, origin: `http://${host}` }).catch((e: { status?: number }) => e);
    expect(err).toMatchObject({ status: 403 });
  });

  it('needs no token on a loopback, read-only host, and refuses every mutation there', async () => {
    const h = await start({ readOnly: true });
    expect(h.token).toBeNull();
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/`);
    const c = await connect(h.port, { token: null });
    expect(await c.request('backends:pause', { site: 'demo', backend: 'b' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await c.request('config:apply', { site: 'demo', text: 'x' })).toMatchObject({ error: { code: 'READ_ONLY' } });
    expect(service.calls.map((x) => x.name)).toEqual([]);
    expect(await c.request('sites:list')).toMatchObject({ ok: true });
    const foreign = await connectClient(h.port, { origin: 'http://evil.example' }).catch((e: { status?: number }) => e);
    expect(foreign).toMatchObject({ status: 403 });
  });

  it('refuses any other WebSocket path', async () => {
    const h = await start();
    const r = await get(h.port, '/other');
    expect(r.status).toBe(200);
    const ws = await import('ws');
    const sock = new ws.default(`ws://127.0.0.1:${h.port}/other?token=${h.token}`, { origin: `http://127.0.0.1:${h.port}` });
    sock.on('error', () => {});
    const status = await new Promise((r) => sock.once('unexpected-response', (_q, res) => r(res.statusCode)));
    sock.terminate();
    expect(status).toBe(404);
  });
});

describe('web host: addresses', () => {
  it('formats hosts for the printed URL', () => {
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('0.0.0.0')).toBe('127.0.0.1');
    expect(urlHost('::')).toBe('[::1]');
  });

  it('serves on IPv6 loopback with the bracketed origin', async () => {
    const h = await start({ host: '::1' });
    expect(h.url).toBe(`http://[::1]:${h.port}/?token=${h.token}`);
    const ws = await import('ws');
    const sock = new ws.default(`ws://[::1]:${h.port}/api/ws?token=${h.token}`, { origin: `http://[::1]:${h.port}` });
    await new Promise((r, j) => (sock.once('open', r), sock.once('error', j)));
    const answer = new Promise<string>((r) => sock.once('message', (d) => r(String(d))));
    sock.send(JSON.stringify({ id: 1, op: 'sites:list', payload: {} }));
    expect(JSON.parse(await answer)).toMatchObject({ id: 1, result: { ok: true } });
    const closed = new Promise((r) => sock.once('close', r));
    sock.close();
    await closed;
  });

  it('reports a port in use as an error value with a code', async () => {
    const h = await start();
    const err = await startWebHost({ service, rendererDir: join(dir, 'renderer'), port: h.port }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAVAILABLE', message: `port ${h.port} on 127.0.0.1 is in use` });
  });
});

describe('web host: frames', () => {
  it('answers malformed frames with error values and keeps the connection', async () => {
    const h = await start();
    const c = await connect(h.port, { token: h.token });
    expect((await c.sendRaw('not json')).result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect((await c.sendRaw(Buffer.from([1, 2, 3]), true)).result).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    expect(await c.sendRaw(JSON.stringify({ id: 7, op: 42 }))).toMatchObject({ id: 7, result: { error: { code: 'INVALID_REQUEST' } } });
    expect(await c.sendRaw('null')).toMatchObject({ id: -1, result: { error: { code: 'INVALID_REQUEST' } } });
    expect(await c.request('nope:op')).toMatchObject({ error: { code: 'UNKNOWN_OPERATION' } });
    expect(await c.request('__proto__')).toMatchObject({ error: { code: 'UNKNOWN_OPERATION' } });
    expect(await c.request('backends:set-weight', { site: 's', frontend: 'f', pool: 'p', backend: 'b', weight: -1 })).toMatchObject({
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await c.request('sites:get', 'str')).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    expect(service.calls).toHaveLength(0);
    expect(await c.request('sites:list')).toMatchObject({ ok: true });
  });

  it('closes the connection on an oversized frame (1009)', async () => {
    const h = await start();
    const c = await connect(h.port, { token: h.token });
    c.ws.send(Buffer.alloc(WS_MAX_PAYLOAD + 1, 0x20));
    expect(await c.closed()).toBe(1009);
    const again = await connect(h.port, { token: h.token });
    expect(await again.request('sites:list')).toMatchObject({ ok: true });
  });

  it('bounds the requests in flight per client', async () => {
    const h = await start();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    service.answers.set('sites:list', async () => {
      await gate;
      return { ok: true, value: [] };
    });
    const c = await connect(h.port, { token: h.token });
    const slow = Array.from({ length: 64 }, () => c.request('sites:list'));
    expect(await c.request('sites:list')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    release();
    expect((await Promise.all(slow)).every((r) => r.ok)).toBe(true);
  });

  it('drops a client that cannot keep up with events', async () => {
    const h = await start({ maxBufferedBytes: -1 });
    const c = await connect(h.port, { token: h.token });
    service.emit('sites:changed', []);
    expect(await c.closed()).toBe(1006);
  });
});
