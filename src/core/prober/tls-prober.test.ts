import { createServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpProber } from './http-prober';
import { createTcpProber } from './tcp-prober';
import { createSelfSigned, type SelfSigned } from './testing/certs';
import { countTimeWait, httpTarget } from './testing/servers';
import type { ProbeTarget } from './types';

let cert: SelfSigned;
let tlsServer: TlsServer;
let tlsPort = 0;
let garbage: Server;
let garbagePort = 0;
const sniSeen: (string | false | null)[] = [];

beforeAll(async () => {
  cert = createSelfSigned('backend.test');
  tlsServer = createTlsServer({ cert: cert.cert, key: cert.key }, (sock) => {
    sniSeen.push(sock.servername);
    sock.on('error', () => {});
    sock.once('data', () => sock.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
  });
  tlsServer.on('tlsClientError', () => {});
  await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', r));
  tlsPort = (tlsServer.address() as AddressInfo).port;
  // Speaks plaintext on what the probe thinks is a TLS port.
  garbage = createServer((sock) => {
    sock.on('error', () => {});
    sock.end('HTTP/1.1 400 Bad Request\r\n\r\nthis is not TLS');
  });
  await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', r));
  garbagePort = (garbage.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((r) => tlsServer.close(() => r()));
  await new Promise<void>((r) => garbage.close(() => r()));
  cert.remove();
});

const https = createHttpProber({ kind: 'https' });
const tcp = createTcpProber();
const httpsTarget = (over: Partial<NonNullable<ProbeTarget['http']>> = {}, port = tlsPort): ProbeTarget =>
  httpTarget(port, { serverName: 'backend.test', ...over }, { kind: 'https' });
const tcpTarget = (
  ssl: boolean,
  insecure: boolean,
  port = tlsPort,
  serverName: string | null = 'backend.test',
): ProbeTarget => ({
  kind: 'tcp',
  address: '127.0.0.1',
  family: 4,
  port,
  sourceAddress: null,
  http: null,
  tcp: { ssl, serverName, insecureSkipVerify: insecure },
});

describe('https and tcp+ssl probers', () => {
  it('fails verification of a self-signed certificate with L6RSP and OpenSSL reason', async () => {
    expect(await https.probe(httpsTarget(), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'L6RSP',
      detail: 'self-signed certificate',
    });
  });

  it('passes with insecure-skip-verify and sends SNI to the server', async () => {
    sniSeen.length = 0;
    const r = await https.probe(httpsTarget({ insecureSkipVerify: true }), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: true, code: 'L7OK', detail: 'HTTP 200' });
    expect(sniSeen).toEqual(['backend.test']);
  });

  it('sends no SNI when the server name is an IP literal or absent', async () => {
    sniSeen.length = 0;
    await https.probe(httpsTarget({ insecureSkipVerify: true, serverName: null }), { timeoutMs: 2000 });
    await https.probe(httpsTarget({ insecureSkipVerify: true, serverName: '127.0.0.1' }), {
      timeoutMs: 2000,
    });
    expect(sniSeen).toEqual([false, false]);
  });

  it('verifies against a trusted CA: the name must match the certificate (server name, else the address)', async () => {
    const trusting = createHttpProber({ kind: 'https', ca: [cert.cert] });
    expect(await trusting.probe(httpsTarget(), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      code: 'L7OK',
    });
    expect(await trusting.probe(httpsTarget({ serverName: null }), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
    });
    const wrong = await trusting.probe(httpsTarget({ serverName: 'other.test' }), { timeoutMs: 2000 });
    expect(wrong).toMatchObject({
      ok: false,
      code: 'L6RSP',
      detail: 'certificate does not match the server name',
    });
    const tcpTrusting = createTcpProber({ ca: [cert.cert] });
    expect(await tcpTrusting.probe(tcpTarget(true, false), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      code: 'L6OK',
    });
    expect(
      await tcpTrusting.probe(tcpTarget(true, false, tlsPort, 'other.test'), { timeoutMs: 2000 }),
    ).toMatchObject({ code: 'L6RSP' });
  });

  it('fails with L6RSP when the peer does not speak TLS', async () => {
    const r = await https.probe(httpsTarget({ insecureSkipVerify: true }, garbagePort), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: false, code: 'L6RSP' });
  });

  it('tcp: connect alone is L4OK; with ssl the handshake must complete (L6OK / L6RSP)', async () => {
    expect(await tcp.probe(tcpTarget(false, false), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      code: 'L4OK',
      detail: 'connected',
    });
    expect(await tcp.probe(tcpTarget(true, true), { timeoutMs: 2000 })).toMatchObject({
      ok: true,
      code: 'L6OK',
    });
    expect(await tcp.probe(tcpTarget(true, false), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'L6RSP',
      detail: 'self-signed certificate',
    });
    expect(await tcp.probe(tcpTarget(true, true, garbagePort), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      code: 'L6RSP',
    });
  });

  it('tcp: a TLS handshake that never completes is L6TOUT', async () => {
    const silent = createServer((s) => s.on('error', () => {}));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      const r = await tcp.probe(tcpTarget(true, true, port), { timeoutMs: 150 });
      expect(r).toMatchObject({
        ok: false,
        code: 'L6TOUT',
        detail: 'timeout after 150ms during TLS handshake',
      });
    } finally {
      silent.close();
    }
  });

  it('closes with RST after a pass and after a rejected certificate: no TIME_WAIT sockets', async (ctx) => {
    const before = countTimeWait(tlsPort);
    if (before === null) ctx.skip(); // skipped: the `ss` command is missing
    for (let i = 0; i < 5; i++) {
      await https.probe(httpsTarget({ insecureSkipVerify: true }), { timeoutMs: 2000 });
      await https.probe(httpsTarget(), { timeoutMs: 2000 });
      await tcp.probe(tcpTarget(true, true), { timeoutMs: 2000 });
      await tcp.probe(tcpTarget(true, false), { timeoutMs: 2000 });
    }
    expect(countTimeWait(tlsPort)).toBeLessThanOrEqual(before ?? 0);
  });
});
