import { createServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../../test/support/grpc/certs';
import { createHttpProber } from './http-prober';
import { createTcpProber } from './tcp-prober';
import { httpTarget } from './testing/servers';
import type { ProbeTarget } from './types';

let pki: TestPki;
let tlsServer: TlsServer;
let tlsPort = 0;
let garbage: Server;
let garbagePort = 0;
const sniSeen: (string | false | null)[] = [];

beforeAll(async () => {
  pki = createTestPki();
  tlsServer = createTlsServer({ cert: pki.serverCert, key: pki.serverKey }, (sock) => {
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
  pki.remove();
});

const https = createHttpProber('https');
const tcp = createTcpProber();
const httpsTarget = (over: Partial<NonNullable<ProbeTarget['http']>> = {}, port = tlsPort): ProbeTarget =>
  httpTarget(port, over, { kind: 'https' });
const tcpTarget = (ssl: boolean, insecure: boolean, port = tlsPort): ProbeTarget => ({
  kind: 'tcp',
  address: '127.0.0.1',
  family: 4,
  port,
  sourceAddress: null,
  http: null,
  tcp: { ssl, serverName: 'backend.test', insecureSkipVerify: insecure },
});

describe('https and tcp+ssl probers', () => {
  it('fails verification of an untrusted certificate with L6RSP and the reason', async () => {
    const r = await https.probe(httpsTarget(), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: false, code: 'L6RSP' });
    expect(r.detail).toMatch(/certificate/i);
  });

  it('passes with insecure-skip-verify and sends SNI to the server', async () => {
    sniSeen.length = 0;
    const r = await https.probe(httpsTarget({ insecureSkipVerify: true, serverName: 'www.example.com' }), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: true, code: 'L7OK', detail: 'HTTP 200' });
    expect(sniSeen).toEqual(['www.example.com']);
  });

  it('sends no SNI when the server name is an IP literal or absent', async () => {
    sniSeen.length = 0;
    await https.probe(httpsTarget({ insecureSkipVerify: true, serverName: null }), { timeoutMs: 2000 });
    await https.probe(httpsTarget({ insecureSkipVerify: true, serverName: '127.0.0.1' }), { timeoutMs: 2000 });
    expect(sniSeen).toEqual([false, false]);
  });

  it('fails with L6RSP when the peer does not speak TLS', async () => {
    const r = await https.probe(httpsTarget({ insecureSkipVerify: true }, garbagePort), { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: false, code: 'L6RSP' });
  });

  it('tcp: connect alone is L4OK; with ssl the handshake must complete (L6OK / L6RSP)', async () => {
    expect(await tcp.probe(tcpTarget(false, false), { timeoutMs: 2000 })).toMatchObject({ ok: true, code: 'L4OK' });
    expect(await tcp.probe(tcpTarget(true, true), { timeoutMs: 2000 })).toMatchObject({ ok: true, code: 'L6OK' });
    expect(await tcp.probe(tcpTarget(true, false), { timeoutMs: 2000 })).toMatchObject({ ok: false, code: 'L6RSP' });
    expect(await tcp.probe(tcpTarget(true, true, garbagePort), { timeoutMs: 2000 })).toMatchObject({ ok: false, code: 'L6RSP' });
  });

  it('tcp: a TLS handshake that never completes is L6TOUT', async () => {
    const silent = createServer((s) => s.on('error', () => {}));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      expect(await tcp.probe(tcpTarget(true, true, port), { timeoutMs: 150 })).toMatchObject({ ok: false, code: 'L6TOUT' });
    } finally {
      silent.close();
    }
  });
});
