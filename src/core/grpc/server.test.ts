import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, NULL_SINK } from '../log';
import { listenGrpc, type GrpcListener } from './listen';
import { loadMaglevProto } from './proto';
import { createMaglevServer, type ConfigOutcome, type MaglevService } from './server';
import { createFakeChecker, type FakeChecker } from './testing/fake-checker';
import { createRawClient, takeEvents, type RawClient, type Wire } from './testing/raw-client';
import { sampleSite, T0 } from './testing/sample-site';

const proto = loadMaglevProto();
const logger = createLogger('grpc.test', NULL_SINK);

let checker: FakeChecker;
let service: MaglevService;
let listener: GrpcListener;
let client: RawClient;
let reloadOutcome: ConfigOutcome;
let reloads: number;

async function startServer(watchCapacity?: number): Promise<void> {
  checker = createFakeChecker({ ...sampleSite(), now: () => T0 + 1000 });
  reloads = 0;
  reloadOutcome = { ok: true };
  service = createMaglevServer({
    checker,
    proto,
    logger,
    now: () => T0,
    watchCapacity,
    checkDisk: async () => reloadOutcome,
    reloadFromDisk: async () => {
      reloads++;
      return reloadOutcome;
    },
  });
  listener = await listenGrpc({ address: '127.0.0.1:0', service, proto, logger });
  client = createRawClient(listener.address);
}

beforeEach(() => startServer());

/** Cancels a client stream; the CANCELLED status it then reports is expected. */
function cancel(stream: grpc.ClientReadableStream<Wire>): void {
  stream.on('error', () => {});
  stream.cancel();
}

afterEach(async () => {
  client.close();
  await listener.shutdown(1000);
});

describe('unary RPCs', () => {
  it('lists names in config order and returns infos with ns times', async () => {
    expect(await client.call('ListFrontends')).toEqual({ ok: true, value: { names: ['www', 'db'] } });
    expect(await client.call('ListBackends')).toEqual({ ok: true, value: { names: ['web-a', 'web-b', 'db-a'] } });
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
        transitions: [{ from: 'unknown', to: 'up', at_ns: '1764000000123456000', code: 'L7OK', detail: 'HTTP 200' }],
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
        pools: [{ name: 'primary', backends: [{ name: 'web-a', weight: 100, effective_weight: 100, flush: false }, { name: 'web-b' }] }],
      },
    });
    const h = await client.call('GetHealthCheck', { name: 'db' });
    expect(h).toMatchObject({
      ok: true,
      value: { type: 'tcp', interval_ns: '500500000', timeout_ns: '200000000', rise: 1, tcp: { ssl: true, server_name: 'db.example.com' }, http: null },
    });
  });

  it('answers NOT_FOUND and INVALID_ARGUMENT with messages naming the thing', async () => {
    for (const rpc of ['GetFrontend', 'GetBackend', 'GetHealthCheck', 'PauseBackend', 'ResumeBackend', 'EnableBackend', 'DisableBackend']) {
      const r = await client.call(rpc, { name: 'nope' });
      expect(r, rpc).toMatchObject({ ok: false, code: grpc.status.NOT_FOUND });
      expect(r.ok ? '' : r.details, rpc).toContain('"nope"');
      expect(await client.call(rpc, { name: '' }), rpc).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });
    }
  });

  it('pauses, resumes, disables and enables with the spec preconditions', async () => {
    expect(await client.call('PauseBackend', { name: 'web-a' })).toMatchObject({ ok: true, value: { state: 'paused' } });
    expect(await client.call('PauseBackend', { name: 'web-a' })).toMatchObject({ ok: true, value: { state: 'paused' } });
    expect(await client.call('ResumeBackend', { name: 'web-a' })).toMatchObject({ ok: true, value: { state: 'unknown' } });
    expect(await client.call('DisableBackend', { name: 'web-b' })).toMatchObject({ ok: true, value: { state: 'disabled', enabled: false } });
    const paused = await client.call('PauseBackend', { name: 'web-b' });
    expect(paused).toMatchObject({ ok: false, code: grpc.status.FAILED_PRECONDITION });
    expect(await client.call('ResumeBackend', { name: 'web-b' })).toMatchObject({ ok: false, code: grpc.status.FAILED_PRECONDITION });
    expect(await client.call('EnableBackend', { name: 'web-b' })).toMatchObject({ ok: true, value: { state: 'unknown', enabled: true } });
  });

  it('sets a weight, validating range and names', async () => {
    const ok = await client.call('SetFrontendPoolBackendWeight', { frontend: 'www', pool: 'primary', backend: 'web-b', weight: 7 });
    expect(ok).toMatchObject({ ok: true, value: { name: 'www', pools: [{ backends: [{ weight: 100 }, { name: 'web-b', weight: 7 }] }] } });
    for (const weight of [-1, 101]) {
      const r = await client.call('SetFrontendPoolBackendWeight', { frontend: 'www', pool: 'primary', backend: 'web-b', weight });
      expect(r).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });
    }
    const pool = await client.call('SetFrontendPoolBackendWeight', { frontend: 'www', pool: 'backup', backend: 'web-b', weight: 1 });
    expect(pool).toMatchObject({ ok: false, code: grpc.status.NOT_FOUND });
    expect(pool.ok ? '' : pool.details).toContain('"backup"');
    const empty = await client.call('SetFrontendPoolBackendWeight', { frontend: '', pool: 'primary', backend: 'web-b', weight: 1 });
    expect(empty).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });
  });

  it('fills exactly one error field of CheckConfig and ReloadConfig', async () => {
    expect(await client.call('CheckConfig')).toEqual({ ok: true, value: { ok: true, parse_error: '', semantic_error: '' } });
    reloadOutcome = { ok: false, kind: 'semantic', message: 'a.yaml:1:2: maglev.x: bad\na.yaml:3:4: maglev.y: worse' };
    expect(await client.call('ReloadConfig')).toEqual({
      ok: true,
      value: { ok: false, parse_error: '', semantic_error: 'a.yaml:1:2: maglev.x: bad\na.yaml:3:4: maglev.y: worse' },
    });
    reloadOutcome = { ok: false, kind: 'parse', message: 'a.yaml:1:1: maglev: not a map' };
    expect(await client.call('CheckConfig')).toEqual({
      ok: true,
      value: { ok: false, parse_error: 'a.yaml:1:1: maglev: not a map', semantic_error: '' },
    });
    expect(reloads).toBe(1);
  });

  it('answers UNAVAILABLE to every VPP RPC', async () => {
    for (const rpc of ['GetVPPInfo', 'GetVPPLBState', 'SyncVPPLBState', 'GetVPPLBCounters']) {
      expect(await client.call(rpc), rpc).toEqual({ ok: false, code: grpc.status.UNAVAILABLE, details: 'VPP integration disabled' });
    }
  });

  it('survives garbage request bytes', async () => {
    const raw = new grpc.Client(listener.address, grpc.credentials.createInsecure());
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
    raw.close();
    expect(garbage?.code).toBe(grpc.status.INTERNAL);
    expect(await client.call('ListBackends')).toMatchObject({ ok: true });
  });

  it('serves reflection', async () => {
    const file = join(require.resolve('@grpc/reflection'), '..', '..', 'proto', 'grpc', 'reflection', 'v1alpha', 'reflection.proto');
    const def = protoLoader.loadSync(file, { keepCase: true });
    const Refl = (grpc.loadPackageDefinition(def) as any).grpc.reflection.v1alpha.ServerReflection; // eslint-disable-line @typescript-eslint/no-explicit-any
    const rc = new Refl(listener.address, grpc.credentials.createInsecure());
    const stream = rc.ServerReflectionInfo();
    stream.write({ list_services: '' });
    const [resp] = (await takeEvents(stream, 1)) as Wire[];
    stream.end();
    rc.close();
    const names = (resp as { list_services_response: { service: { name: string }[] } }).list_services_response.service.map((s) => s.name);
    expect(names).toContain('maglev.Maglev');
  });
});

describe('WatchEvents', () => {
  it('sends synthetic frontend events first, then backend, frontend and info logs in emit order', async () => {
    const stream = client.watch({});
    const first = await takeEvents(stream, 2);
    expect(first.map((e) => [e.event, (e.frontend as Wire).frontend, (e.frontend as Wire).from, (e.frontend as Wire).to])).toEqual([
      ['frontend', 'www', 'up', 'up'],
      ['frontend', 'db', 'down', 'down'],
    ]);
    const rest = takeEvents(stream, 3);
    checker.emit({ type: 'log', record: { atMs: T0, level: 'debug', msg: 'probe-start', attrs: {} } });
    checker.transition('db-a', 'up', 'L4OK', T0 + 5);
    checker.emit({ type: 'log', record: { atMs: T0, level: 'info', msg: 'hello', attrs: { a: 'b' } } });
    checker.emit({ type: 'frontend', frontend: 'db', from: 'down', to: 'up', atMs: T0 + 6 });
    const got = await rest;
    cancel(stream);
    expect(got.map((e) => e.event)).toEqual(['backend', 'log', 'frontend']);
    expect(got[0]!.backend).toMatchObject({ backend: 'db-a', transition: { from: 'down', to: 'up', code: 'L4OK' }, info: { state: 'up' } });
    expect(got[1]!.log).toMatchObject({ level: 'info', msg: 'hello', attrs: { a: 'b' } });
  });

  it('honours filters and the per-subscriber log level', async () => {
    const logs = client.watch({ log: true, log_level: 'debug' });
    const backendsOnly = client.watch({ backend: true });
    await vi.waitFor(() => expect(checker.subscriberCount()).toBe(2));
    const gotLogs = takeEvents(logs, 1);
    const gotBackends = takeEvents(backendsOnly, 1);
    checker.emit({ type: 'frontend', frontend: 'db', from: 'down', to: 'up', atMs: T0 });
    checker.emit({ type: 'log', record: { atMs: T0, level: 'debug', msg: 'probe-done', attrs: { backend: 'web-a' } } });
    checker.transition('web-a', 'down', 'L7STS', T0 + 1);
    expect((await gotLogs).map((e) => (e.log as Wire).msg)).toEqual(['probe-done']);
    expect((await gotBackends).map((e) => e.event)).toEqual(['backend']);
    cancel(logs);
    cancel(backendsOnly);
  });

  it('rejects an unknown log level', async () => {
    const stream = client.watch({ log_level: 'loud' });
    await expect(takeEvents(stream, 1)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });

  it('closes the subscription when the client cancels, and ends streams on shutdown', async () => {
    const a = client.watch({ backend: true });
    const b = client.watch({ backend: true });
    await vi.waitFor(() => expect(checker.subscriberCount()).toBe(2));
    a.on('error', () => {});
    a.cancel();
    await vi.waitFor(() => expect(checker.subscriberCount()).toBe(1));
    const ended = new Promise<grpc.StatusObject>((resolve) => b.on('status', resolve));
    b.on('data', () => {});
    expect(service.endStreams()).toBe(1);
    expect((await ended).code).toBe(grpc.status.OK);
    expect(checker.subscriberCount()).toBe(0);
  });
});

describe('WatchEvents flow control', () => {
  beforeEach(async () => {
    client.close();
    await listener.shutdown(1000);
    await startServer(64);
  });

  it('drops events for a stalled reader, never blocks, and reports the count when caught up', async () => {
    const stream = client.watch({ backend: true });
    await vi.waitFor(() => expect(checker.subscriberCount()).toBe(1));
    stream.pause();
    const TOTAL = 4000;
    const detail = 'x'.repeat(400);
    for (let i = 0; i < TOTAL; i += 40) {
      for (let j = 0; j < 40; j++) {
        const b = sampleSite().backends[0]!;
        checker.emit({ type: 'backend', backend: 'web-a', transition: { from: 'up', to: 'down', atMs: T0 + i + j, code: 'L7STS', detail }, info: b });
      }
      await new Promise((r) => setImmediate(r));
    }
    let backendEvents = 0;
    let dropped = 0;
    const done = new Promise<void>((resolve) => {
      stream.on('data', (e: Wire) => {
        if (e.event === 'backend') backendEvents++;
        else if ((e.log as Wire | undefined)?.msg === 'events-dropped') dropped += Number(((e.log as Wire).attrs as Wire).count);
        if (backendEvents + dropped === TOTAL) resolve();
      });
    });
    stream.resume();
    await done;
    cancel(stream);
    expect(dropped).toBeGreaterThan(0);
    expect(backendEvents).toBeGreaterThan(0);
  });
});
