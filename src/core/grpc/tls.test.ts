import * as grpc from '@grpc/grpc-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../../test/support/grpc/certs';
import { testClient, waitForState } from './testing/client-harness';
import { startFakeDaemon, type FakeDaemon } from './testing/fake-daemon';
import { createRawClient } from '../../../test/support/grpc/raw-client';
import type { MaglevClient } from './client-types';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());

let daemon: FakeDaemon | null = null;
const clients: { close(): unknown }[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await daemon?.stop();
  daemon = null;
});

async function listCall(address: string, creds: grpc.ChannelCredentials) {
  const c = createRawClient(address, creds);
  clients.push(c);
  return c.call('ListBackends', {}, 3000);
}

describe('TLS', () => {
  it('serves TLS to a client that trusts the CA and refuses plaintext', async () => {
    daemon = await startFakeDaemon({ tls: { cert: pki.serverCert, key: pki.serverKey } });
    expect(await listCall(daemon.address, grpc.credentials.createSsl(pki.ca))).toMatchObject({ ok: true });
    expect(await listCall(daemon.address, grpc.credentials.createInsecure())).toMatchObject({
      ok: false,
      code: grpc.status.UNAVAILABLE,
    });
  });

  it('with a client CA requires a client certificate (mTLS)', async () => {
    daemon = await startFakeDaemon({ tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.ca } });
    const withCert = grpc.credentials.createSsl(pki.ca, pki.clientKey, pki.clientCert);
    expect(await listCall(daemon.address, withCert)).toMatchObject({
      ok: true,
      value: { names: ['web-a', 'web-b', 'db-a'] },
    });
    expect(await listCall(daemon.address, grpc.credentials.createSsl(pki.ca))).toMatchObject({
      ok: false,
      code: grpc.status.UNAVAILABLE,
    });
  });

  it('the remote client connects with PEM material and reports a refused handshake', async () => {
    daemon = await startFakeDaemon({ tls: { cert: pki.serverCert, key: pki.serverKey, clientCa: pki.ca } });
    const good: MaglevClient = testClient(daemon.address, {
      tls: { ca: pki.ca, cert: pki.clientCert, key: pki.clientKey },
    });
    clients.push(good);
    await waitForState(good, 'ready');
    expect(good.listBackends()).toHaveLength(3);
    const noCert = testClient(daemon.address, { tls: { ca: pki.ca.toString() } });
    clients.push(noCert);
    await waitForState(noCert, 'offline');
    expect(noCert.status().lastError).toMatch(/UNAVAILABLE/);
  });
});
