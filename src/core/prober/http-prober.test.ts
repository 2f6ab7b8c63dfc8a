import { getEventListeners } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHandleApi } from './handle-transport';
import { createHttpProber, hostHeader } from './http-prober';
import { HAVE_CC, HELPER_PATH, nativeProber, TRANSPORTS } from './testing/native';
import { countTimeWait, httpTarget, startScriptedServer, type ScriptedServer } from './testing/servers';

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(
  reply: string | ((sock: import('node:net').Socket) => void),
  host?: string,
): Promise<ScriptedServer> {
  const s = await startScriptedServer((sock) => {
    if (typeof reply === 'string') sock.end(reply);
    else reply(sock);
  }, host);
  servers.push(s);
  return s;
}

const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';

it('loads the handle transport on this Node (else its tests below would only test net)', () => {
  expect(loadHandleApi()).not.toBeNull();
});

it('writes the Host header with the port unless it is the default one', () => {
  expect(hostHeader('www.example.com', 80, 80)).toBe('www.example.com');
  expect(hostHeader('www.example.com', 8080, 80)).toBe('www.example.com:8080');
  expect(hostHeader('www.example.com:9000', 8080, 80)).toBe('www.example.com:9000');
  expect(hostHeader('2001:db8::1', 443, 443)).toBe('[2001:db8::1]');
  expect(hostHeader('2001:db8::1', 8443, 443)).toBe('[2001:db8::1]:8443');
});

if (!HELPER_PATH && !HAVE_CC) it.skip('skipped: native probe helper not built (no C compiler)', () => {});
it.runIf(HAVE_CC)('has the native probe helper built (npm install runs npm run build:native)', () => {
  expect(HELPER_PATH).not.toBeNull();
});

describe.each(TRANSPORTS)('http prober (%s transport)', (transport) => {
  const prober =
    transport === 'native' ? nativeProber(createHttpProber()) : createHttpProber({ kind: 'http', transport });

  it('passes on 2xx and sends path, Host, User-Agent and Connection: close', async () => {
    const s = await serve(OK);
    const r = await prober.probe(httpTarget(s.port), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: true, code: 'L7OK', detail: 'HTTP 200' });
    const head = s.seen[0]?.head ?? '';
    expect(head).toMatch(/^GET \/healthz HTTP\/1\.1\r\n/);
    expect(head).toContain(`Host: www.example.com:${s.port}`);
    expect(head).toMatch(/User-Agent: maglev-monitor\/\d+\.\d+\.\d+/);
    expect(head).toContain('Connection: close');
  });

  it('fails with L7STS on a status outside the range', async () => {
    const s = await serve('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
    expect(await prober.probe(httpTarget(s.port), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'L7STS',
      detail: 'HTTP 503',
    });
    expect(
      await prober.probe(httpTarget(s.port, { codeMin: 500, codeMax: 503 }), { timeoutMs: 2000 }),
    ).toMatchObject({ ok: true });
  });

  it('accepts any status inside the configured range and names the status outside it', async () => {
    const s = await serve('HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n');
    expect(
      await prober.probe(httpTarget(s.port, { codeMin: 300, codeMax: 399 }), { timeoutMs: 2000 }),
    ).toMatchObject({ ok: true, detail: 'HTTP 301' });
    expect(
      await prober.probe(httpTarget(s.port, { codeMin: 301, codeMax: 301 }), { timeoutMs: 2000 }),
    ).toMatchObject({ ok: true });
    expect(
      await prober.probe(httpTarget(s.port, { codeMin: 200, codeMax: 300 }), { timeoutMs: 2000 }),
    ).toMatchObject({ code: 'L7STS', detail: 'HTTP 301' });
    expect(
      await prober.probe(httpTarget(s.port, { codeMin: 302, codeMax: 399 }), { timeoutMs: 2000 }),
    ).toMatchObject({ code: 'L7STS' });
  });

  it('checks the body regexp (L7BODY) with Content-Length framing', async () => {
    const s = await serve('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nstatus: bad');
    const r = await prober.probe(httpTarget(s.port, { regexp: /status: ok/ }), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: false, code: 'L7BODY' });
    const good = await prober.probe(httpTarget(s.port, { regexp: /status: \w+/ }), { timeoutMs: 2000 });
    expect(good).toMatchObject({ ok: true, code: 'L7OK' });
  });

  it('decodes chunked bodies split across writes', async () => {
    const s = await serve((sock) => {
      sock.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel');
      setImmediate(() => sock.end('lo\r\n6\r\n world\r\n0\r\n\r\n'));
    });
    expect(
      await prober.probe(httpTarget(s.port, { regexp: /^hello world$/ }), { timeoutMs: 2000 }),
    ).toMatchObject({ ok: true });
  });

  it('waits for a slow body that completes within the timeout', async () => {
    const s = await serve((sock) => {
      sock.write('HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nslow');
      setTimeout(() => sock.end(' but fine'), 50);
    });
    expect(
      await prober.probe(httpTarget(s.port, { regexp: /slow but fine/ }), { timeoutMs: 3000 }),
    ).toMatchObject({ ok: true, code: 'L7OK' });
  });

  it('reads an HTTP/1.0 body until the server closes', async () => {
    const s = await serve((sock) => {
      sock.write('HTTP/1.0 200 OK\r\n\r\npart one ');
      setImmediate(() => sock.end('part two'));
    });
    expect(
      await prober.probe(httpTarget(s.port, { regexp: /one part two/ }), { timeoutMs: 2000 }),
    ).toMatchObject({ ok: true });
  });

  it('matches only the first 64 KiB of an oversized body', async () => {
    const big = 'a'.repeat(70 * 1024) + 'NEEDLE';
    const s = await serve(`HTTP/1.1 200 OK\r\nContent-Length: ${big.length}\r\n\r\n${big}`);
    expect(await prober.probe(httpTarget(s.port, { regexp: /NEEDLE/ }), { timeoutMs: 2000 })).toMatchObject({
      code: 'L7BODY',
    });
    expect(await prober.probe(httpTarget(s.port, { regexp: /^a+$/ }), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
    });
  });

  it('fails with L7RSP on a malformed status line or an early close', async () => {
    const a = await serve('SMTP ready\r\n\r\n');
    expect(await prober.probe(httpTarget(a.port), { timeoutMs: 2000 })).toMatchObject({ code: 'L7RSP' });
    const b = await serve((sock) => sock.end());
    expect(await prober.probe(httpTarget(b.port), { timeoutMs: 2000 })).toMatchObject({
      code: 'L7RSP',
      detail: 'empty response',
    });
    const c = await serve('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort');
    expect(await prober.probe(httpTarget(c.port, { regexp: /x/ }), { timeoutMs: 2000 })).toMatchObject({
      code: 'L7RSP',
      detail: 'connection closed mid-body',
    });
  });

  it('fails with L4CON when the port is closed', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    expect(await prober.probe(httpTarget(port), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'L4CON',
      detail: 'connection refused',
    });
  });

  it('fails with L7TOUT when the server accepts but never answers, within the timeout', async () => {
    const s = await serve(() => {});
    const r = await prober.probe(httpTarget(s.port), { timeoutMs: 150 });
    expect(r).toMatchObject({ ok: false, code: 'L7TOUT' });
    expect(r.detail).toContain('timeout after 150ms');
    expect(r.durationMs).toBeGreaterThanOrEqual(140);
  });

  it('fails with L7TOUT on a body slower than the timeout', async () => {
    const s = await serve((sock) => sock.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'));
    expect(await prober.probe(httpTarget(s.port, { regexp: /abc/ }), { timeoutMs: 150 })).toMatchObject({
      code: 'L7TOUT',
    });
  });

  it('resolves (never rejects) when aborted, and when aborted before it starts', async () => {
    const s = await serve(() => {});
    const ac = new AbortController();
    const p = prober.probe(httpTarget(s.port), { timeoutMs: 5000, signal: ac.signal });
    await new Promise<void>((r) => s.server.once('connection', () => r()));
    ac.abort();
    expect(await p).toMatchObject({ ok: false, detail: 'probe aborted' });
    expect(
      await prober.probe(httpTarget(s.port), { timeoutMs: 5000, signal: AbortSignal.abort() }),
    ).toMatchObject({ ok: false, code: 'L4TOUT' });
  });

  it('collects no abort listeners on a long-lived signal (none, or one per signal on native)', async () => {
    const s = await serve(OK);
    const ac = new AbortController();
    for (let i = 0; i < 15; i++)
      await prober.probe(httpTarget(s.port), { timeoutMs: 2000, signal: ac.signal });
    expect(getEventListeners(ac.signal, 'abort').length).toBeLessThanOrEqual(1);
  });

  it('closes with RST: passes, failures and timeouts leave no TIME_WAIT socket', async (ctx) => {
    const ok = await serve(OK);
    const silent = await serve(() => {});
    const before = [countTimeWait(ok.port), countTimeWait(silent.port)];
    if (before[0] === null) ctx.skip(); // skipped: the `ss` command is missing
    for (let i = 0; i < 5; i++) {
      await prober.probe(httpTarget(ok.port), { timeoutMs: 2000 });
      await prober.probe(httpTarget(ok.port, { codeMin: 500, codeMax: 599 }), { timeoutMs: 2000 });
      await prober.probe(httpTarget(ok.port, { regexp: /ok/ }), { timeoutMs: 2000 });
      await prober.probe(httpTarget(silent.port), { timeoutMs: 20 });
    }
    expect(countTimeWait(ok.port)).toBeLessThanOrEqual(before[0] ?? 0);
    expect(countTimeWait(silent.port)).toBeLessThanOrEqual(before[1] ?? 0);
  });

  it('binds the source address', async () => {
    const s = await serve(OK);
    const r = await prober.probe(httpTarget(s.port, {}, { sourceAddress: '127.0.0.2' }), { timeoutMs: 2000 });
    expect(r.ok).toBe(true);
    expect(s.seen[0]?.remoteAddress).toBe('127.0.0.2');
  });

  it('reports a source address that is not local as INTERNAL, not a crash', async () => {
    const s = await serve(OK);
    const r = await prober.probe(httpTarget(s.port, {}, { sourceAddress: '192.0.2.77' }), {
      timeoutMs: 2000,
    });
    expect(r).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('probes IPv6 backends, with a bound IPv6 source', async (ctx) => {
    let s: ScriptedServer;
    try {
      s = await serve(OK, '::1');
    } catch {
      ctx.skip(); // skipped: ::1 is not available on this machine
      return;
    }
    const r = await prober.probe(httpTarget(s.port, { host: '::1' }, { address: '::1', family: 6 }), {
      timeoutMs: 2000,
    });
    expect(r).toMatchObject({ ok: true, code: 'L7OK' });
    expect(s.seen[0]?.head).toContain(`Host: [::1]:${s.port}`);
    const bound = { address: '::1', family: 6, sourceAddress: '::1' } as const;
    expect(await prober.probe(httpTarget(s.port, {}, bound), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
    });
    expect(s.seen[1]?.remoteAddress).toBe('::1');
  });
});
