import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDaemon, type FakeDaemon } from './testing/fake-daemon';
import { createRawClient, takeEvents, type RawClient, type Wire } from '../../../test/support/grpc/raw-client';

let daemon: FakeDaemon;
let client: RawClient;

beforeEach(async () => {
  daemon = await startFakeDaemon();
  client = createRawClient(daemon.address);
});

afterEach(async () => {
  client.close();
  await daemon.stop();
});

describe('unary RPCs', () => {
  it('lists names in config order and returns infos with ns times', async () => {
    expect(await client.call('ListFrontends')).toEqual({ ok: true, value: { names: ['www', 'db'] } });
    expect(await client.call('ListBackends')).toEqual({
      ok: true,
      value: { names: ['web-a', 'web-b', 'db-a'] },
    });
    expect(await client.call('ListHealthChecks')).toEqual({ ok: true, value: { names: ['web', 'db'] } });
    const b = await client.call('GetBackend', { name: 'web-a' });
    expect(b).toMatchObject({
      ok: true,
      value: {
        name: 'web-a',
        address: '127.0.0.2',
        state: 'up',
        enabled: true,
        healthcheck: 'web',
        transitions: [
          { from: 'unknown', to: 'up', at_ns: '1764000000123456000', code: 'L7OK', detail: 'HTTP 200' },
        ],
        last_probe: { ok: true, code: 'L7OK', at_ns: '1764000000124456000', duration_ns: '1500000' },
      },
    });
    const f = await client.call('GetFrontend', { name: 'www' });
    expect(f).toMatchObject({
      ok: true,
      value: {
        name: 'www',
        port: 80,
        state: 'up',
        flush_on_down: true,
        pools: [
          {
            name: 'primary',
            backends: [
              { name: 'web-a', weight: 100, effective_weight: 100, flush: false },
              { name: 'web-b' },
            ],
          },
        ],
      },
    });
    const h = await client.call('GetHealthCheck', { name: 'db' });
    expect(h).toMatchObject({
      ok: true,
      value: {
        type: 'tcp',
        interval_ns: '500500000',
        timeout_ns: '200000000',
        rise: 1,
        tcp: { ssl: true, server_name: 'db.example.com' },
        http: null,
      },
    });
  });

  it('answers NOT_FOUND and INVALID_ARGUMENT with messages naming the thing', async () => {
    for (const rpc of [
      'GetFrontend',
      'GetBackend',
      'GetHealthCheck',
      'PauseBackend',
      'ResumeBackend',
      'EnableBackend',
      'DisableBackend',
    ]) {
      const r = await client.call(rpc, { name: 'nope' });
      expect(r, rpc).toMatchObject({ ok: false, code: grpc.status.NOT_FOUND });
      expect(r.ok ? '' : r.details, rpc).toContain('"nope"');
      expect(await client.call(rpc, { name: '' }), rpc).toMatchObject({
        ok: false,
        code: grpc.status.INVALID_ARGUMENT,
      });
    }
  });

  it('pauses, resumes, disables and enables with the spec preconditions', async () => {
    expect(await client.call('PauseBackend', { name: 'web-a' })).toMatchObject({
      ok: true,
      value: { state: 'paused' },
    });
    expect(await client.call('PauseBackend', { name: 'web-a' })).toMatchObject({
      ok: true,
      value: { state: 'paused' },
    });
    expect(await client.call('ResumeBackend', { name: 'web-a' })).toMatchObject({
      ok: true,
      value: { state: 'unknown' },
    });
    expect(await client.call('DisableBackend', { name: 'web-b' })).toMatchObject({
      ok: true,
      value: { state: 'disabled', enabled: false },
    });
    const paused = await client.call('PauseBackend', { name: 'web-b' });
    expect(paused).toMatchObject({ ok: false, code: grpc.status.FAILED_PRECONDITION });
    expect(await client.call('ResumeBackend', { name: 'web-b' })).toMatchObject({
      ok: false,
      code: grpc.status.FAILED_PRECONDITION,
    });
    expect(await client.call('EnableBackend', { name: 'web-b' })).toMatchObject({
      ok: true,
      value: { state: 'unknown', enabled: true },
    });
  });

  it('sets a weight, validating range and names', async () => {
    const ok = await client.call('SetFrontendPoolBackendWeight', {
      frontend: 'www',
      pool: 'primary',
      backend: 'web-b',
      weight: 7,
    });
    expect(ok).toMatchObject({
      ok: true,
      value: { name: 'www', pools: [{ backends: [{ weight: 100 }, { name: 'web-b', weight: 7 }] }] },
    });
    for (const weight of [-1, 101]) {
      const r = await client.call('SetFrontendPoolBackendWeight', {
        frontend: 'www',
        pool: 'primary',
        backend: 'web-b',
        weight,
      });
      expect(r).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });
    }
    const pool = await client.call('SetFrontendPoolBackendWeight', {
      frontend: 'www',
      pool: 'backup',
      backend: 'web-b',
      weight: 1,
    });
    expect(pool).toMatchObject({ ok: false, code: grpc.status.NOT_FOUND });
    expect(pool.ok ? '' : pool.details).toContain('"backup"');
    const empty = await client.call('SetFrontendPoolBackendWeight', {
      frontend: '',
      pool: 'primary',
      backend: 'web-b',
      weight: 1,
    });
    expect(empty).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });
  });

  it('fills exactly one error field of CheckConfig and ReloadConfig', async () => {
    expect(await client.call('CheckConfig')).toEqual({
      ok: true,
      value: { ok: true, parse_error: '', semantic_error: '' },
    });
    daemon.setConfigOutcome({
      ok: false,
      kind: 'semantic',
      message: 'a.yaml:1:2: maglev.x: bad\na.yaml:3:4: maglev.y: worse',
    });
    expect(await client.call('ReloadConfig')).toEqual({
      ok: true,
      value: {
        ok: false,
        parse_error: '',
        semantic_error: 'a.yaml:1:2: maglev.x: bad\na.yaml:3:4: maglev.y: worse',
      },
    });
    daemon.setConfigOutcome({ ok: false, kind: 'parse', message: 'a.yaml:1:1: maglev: not a map' });
    expect(await client.call('CheckConfig')).toEqual({
      ok: true,
      value: { ok: false, parse_error: 'a.yaml:1:1: maglev: not a map', semantic_error: '' },
    });
    expect(daemon.reloads()).toBe(1);
  });

  it('answers UNAVAILABLE to every VPP RPC', async () => {
    for (const rpc of ['GetVPPInfo', 'GetVPPLBState', 'SyncVPPLBState', 'GetVPPLBCounters']) {
      expect(await client.call(rpc), rpc).toEqual({
        ok: false,
        code: grpc.status.UNAVAILABLE,
        details: 'VPP integration disabled',
      });
    }
  });

  it('survives garbage request bytes', async () => {
    const raw = new grpc.Client(daemon.address, grpc.credentials.createInsecure());
    const garbage = await new Promise<grpc.ServiceError | null>((resolve) => {
      raw.makeUnaryRequest(
        '/maglev.Maglev/GetBackend',
        () => Buffer.from([0xff, 0xff]), // not a protobuf message
        (b: Buffer) => b,
        {},
        { deadline: Date.now() + 5000 },
        (e) => resolve(e),
      );
    });
    const streamed = await new Promise<number>((resolve) => {
      const call = raw.makeServerStreamRequest(
        '/maglev.Maglev/WatchEvents',
        () => Buffer.from([0xff, 0xff]),
        (b: Buffer) => b,
        {},
        { deadline: Date.now() + 5000 },
      );
      call.on('data', () => {});
      call.on('error', (e: grpc.ServiceError) => resolve(e.code));
    });
    raw.close();
    expect(garbage?.code).toBe(grpc.status.INTERNAL);
    expect(streamed).toBe(grpc.status.INTERNAL);
    expect(daemon.checker.subscriberCount()).toBe(0);
    expect(await client.call('ListBackends')).toMatchObject({ ok: true });
  });

  it('serves reflection', async () => {
    const file = join(
      require.resolve('@grpc/reflection'),
      '..',
      '..',
      'proto',
      'grpc',
      'reflection',
      'v1alpha',
      'reflection.proto',
    );
    const def = protoLoader.loadSync(file, { keepCase: true });
    const Refl = (grpc.loadPackageDefinition(def) as any).grpc.reflection.v1alpha.ServerReflection; // eslint-disable-line @typescript-eslint/no-explicit-any
    const rc = new Refl(daemon.address, grpc.credentials.createInsecure());
    const stream = rc.ServerReflectionInfo();
    stream.write({ list_services: '' });
    const [resp] = (await takeEvents(stream, 1)) as Wire[];
    stream.end();
    rc.close();
    const names = (
      resp as { list_services_response: { service: { name: string }[] } }
    ).list_services_response.service.map((s) => s.name);
    expect(names).toContain('maglev.Maglev');
  });
});
