import * as grpc from '@grpc/grpc-js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NULL_SINK } from '../core/log';
import { createTestPki, type TestPki } from '../../test/support/grpc/certs';
import { createRawClient } from '../../test/support/grpc/raw-client';
import { startDaemon, type RunningDaemon } from './daemon';
import { createSiteFixture, type SiteFixture } from './testing/site-fixture';

let pki: TestPki;
let site: SiteFixture;
let daemon: RunningDaemon | null;

beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());
beforeEach(async () => {
  daemon = null;
  site = await createSiteFixture();
});
afterEach(async () => {
  await daemon?.stop();
  await site.close();
});

async function listBackends(address: string, creds: grpc.ChannelCredentials): Promise<number | 'ok'> {
  const c = createRawClient(address, creds);
  const r = await c.call('ListBackends', {}, 3000);
  c.close();
  return r.ok ? 'ok' : r.code;
}

describe('daemon TLS flags', () => {
  it('serves mutual TLS from PEM files: a client cert from the CA is required', async () => {
    const r = await startDaemon({
      configPath: site.configPath,
      grpcAddr: '127.0.0.1:0',
      logSink: NULL_SINK,
      tls: { certFile: pki.files.serverCert, keyFile: pki.files.serverKey, clientCaFile: pki.files.ca },
    });
    if (!r.ok) throw new Error(r.error.message);
    daemon = r.daemon;
    expect(
      await listBackends(daemon.address, grpc.credentials.createSsl(pki.ca, pki.clientKey, pki.clientCert)),
    ).toBe('ok');
    expect(await listBackends(daemon.address, grpc.credentials.createSsl(pki.ca))).toBe(
      grpc.status.UNAVAILABLE,
    );
    expect(await listBackends(daemon.address, grpc.credentials.createInsecure())).toBe(
      grpc.status.UNAVAILABLE,
    );
  });

  it('refuses to start when a TLS file cannot be read', async () => {
    const r = await startDaemon({
      configPath: site.configPath,
      grpcAddr: '127.0.0.1:0',
      logSink: NULL_SINK,
      tls: { certFile: `${pki.dir}/missing.crt`, keyFile: pki.files.serverKey },
    });
    expect(r).toMatchObject({ ok: false, error: { exitCode: 1 } });
    expect(r.ok ? '' : r.error.message).toMatch(/cannot read TLS material: .*missing\.crt/);
  });
});
