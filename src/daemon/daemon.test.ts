import { get } from 'node:http';
import * as grpc from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NULL_SINK, type LogSink } from '../core/log';
import type { LogRecord } from '../shared/model';
import { createRawClient, takeEvents, type RawClient, type Wire } from '../../test/support/grpc/raw-client';
import { startDaemon, type DaemonOptions, type RunningDaemon } from './daemon';
import { createSiteFixture, type SiteFixture } from './testing/site-fixture';

let site: SiteFixture;
let daemon: RunningDaemon | null;
let client: RawClient | null;
let records: LogRecord[];

const recordingSink = (): LogSink => ({ minLevel: () => 'info', write: (r) => void records.push(r) });

async function start(extra: Partial<DaemonOptions> = {}): Promise<RunningDaemon> {
  const r = await startDaemon({
    configPath: site.configPath,
    grpcAddr: '127.0.0.1:0',
    logSink: recordingSink(),
    ...extra,
  });
  if (!r.ok) throw new Error(r.error.message);
  daemon = r.daemon;
  client = createRawClient(daemon.address);
  return daemon;
}

/** Waits on the event stream until backend `name` reaches `state` (or is already in it). */
async function untilBackend(name: string, state: string): Promise<void> {
  const stream = client!.watch({ backend: true });
  try {
    const now = await client!.call('GetBackend', { name });
    if (now.ok && now.value.state === state) return;
    for (;;) {
      const [e] = await takeEvents(stream, 1);
      const b = e?.backend as Wire | undefined;
      if (!e) throw new Error(`stream ended before ${name} became ${state}`);
      if (b?.backend === name && (b.info as Wire).state === state) return;
    }
  } finally {
    stream.on('error', () => {});
    stream.cancel();
  }
}

beforeEach(async () => {
  records = [];
  daemon = null;
  client = null;
  site = await createSiteFixture();
});

afterEach(async () => {
  client?.close();
  await daemon?.stop();
  await site.close();
});

describe('startDaemon', () => {
  it('refuses an invalid config with the --check exit codes and formatted issues', async () => {
    site.use('site-semantic-error.yaml');
    const semantic = await startDaemon({
      configPath: site.configPath,
      grpcAddr: '127.0.0.1:0',
      logSink: NULL_SINK,
    });
    expect(semantic).toMatchObject({ ok: false, error: { exitCode: 2 } });
    expect(semantic.ok ? '' : semantic.error.message).toMatch(
      /maglev\.yaml:\d+:\d+: maglev\.backends\.web-b\.healthcheck: /,
    );
    site.use('site-parse-error.yaml');
    const parse = await startDaemon({
      configPath: site.configPath,
      grpcAddr: '127.0.0.1:0',
      logSink: NULL_SINK,
    });
    expect(parse).toMatchObject({ ok: false, error: { exitCode: 1 } });
  });

  it('serves all 18 RPCs over the real checker', async () => {
    const d = await start();
    expect(records.some((r) => r.msg === 'grpc-listening' && r.attrs['address'] === d.address)).toBe(true);
    const c = client!;
    expect(await c.call('ListFrontends')).toEqual({ ok: true, value: { names: ['www'] } });
    expect(await c.call('ListBackends')).toEqual({ ok: true, value: { names: ['web-a', 'web-b', 'web-c'] } });
    expect(await c.call('ListHealthChecks')).toEqual({ ok: true, value: { names: ['web'] } });
    expect(await c.call('GetHealthCheck', { name: 'web' })).toMatchObject({
      ok: true,
      value: {
        type: 'http',
        port: site.port,
        interval_ns: '1000000000',
        fast_interval_ns: '500000000',
        timeout_ns: '500000000',
        rise: 1,
        fall: 3,
        http: { path: '/healthz', response_code_min: 200, response_code_max: 200 },
      },
    });
    await untilBackend('web-a', 'up');
    await untilBackend('web-b', 'down');
    const a = await c.call('GetBackend', { name: 'web-a' });
    expect(a).toMatchObject({
      ok: true,
      value: {
        name: 'web-a',
        address: '127.0.0.1',
        state: 'up',
        enabled: true,
        healthcheck: 'web',
        last_probe: { ok: true, code: 'L7OK' },
      },
    });
    expect(((a.ok && a.value.transitions) as Wire[])[0]).toMatchObject({ to: 'up' });
    expect(await c.call('GetBackend', { name: 'web-c' })).toMatchObject({
      ok: true,
      value: { state: 'disabled', enabled: false },
    });
    const www = await c.call('GetFrontend', { name: 'www' });
    expect(www).toMatchObject({
      ok: true,
      value: {
        name: 'www',
        address: '192.0.2.80',
        protocol: 'tcp',
        port: 80,
        state: 'up',
        description: 'public web',
      },
    });
    expect(((www.ok && www.value.pools) as Wire[])[0]).toMatchObject({
      name: 'primary',
      backends: [
        { name: 'web-a', weight: 100, effective_weight: 100 },
        { name: 'web-b', weight: 50, effective_weight: 0 },
      ],
    });

    expect(await c.call('GetBackend', { name: 'nope' })).toMatchObject({
      ok: false,
      code: grpc.status.NOT_FOUND,
    });
    expect(await c.call('GetFrontend', { name: '' })).toMatchObject({
      ok: false,
      code: grpc.status.INVALID_ARGUMENT,
    });
    expect(await c.call('PauseBackend', { name: 'web-a' })).toMatchObject({
      ok: true,
      value: { state: 'paused' },
    });
    expect(await c.call('ResumeBackend', { name: 'web-a' })).toMatchObject({
      ok: true,
      value: { state: 'unknown' },
    });
    expect(await c.call('PauseBackend', { name: 'web-c' })).toMatchObject({
      ok: false,
      code: grpc.status.FAILED_PRECONDITION,
    });
    expect(await c.call('EnableBackend', { name: 'web-c' })).toMatchObject({
      ok: true,
      value: { enabled: true },
    });
    expect(await c.call('DisableBackend', { name: 'web-c' })).toMatchObject({
      ok: true,
      value: { state: 'disabled', enabled: false },
    });
    const w = await c.call('SetFrontendPoolBackendWeight', {
      frontend: 'www',
      pool: 'primary',
      backend: 'web-b',
      weight: 20,
    });
    expect(((w.ok && w.value.pools) as Wire[])[0]).toMatchObject({
      backends: [{}, { name: 'web-b', weight: 20 }],
    });
    expect(
      await c.call('SetFrontendPoolBackendWeight', {
        frontend: 'www',
        pool: 'primary',
        backend: 'web-b',
        weight: 300,
      }),
    ).toMatchObject({ ok: false, code: grpc.status.INVALID_ARGUMENT });

    const stream = c.watch({});
    const [first] = await takeEvents(stream, 1);
    expect(first).toMatchObject({ event: 'frontend', frontend: { frontend: 'www' } });
    stream.on('error', () => {});
    stream.cancel();

    expect(await c.call('CheckConfig')).toEqual({
      ok: true,
      value: { ok: true, parse_error: '', semantic_error: '' },
    });
    for (const rpc of ['GetVPPInfo', 'GetVPPLBState', 'SyncVPPLBState', 'GetVPPLBCounters']) {
      expect(await c.call(rpc), rpc).toMatchObject({
        ok: false,
        code: grpc.status.UNAVAILABLE,
        details: 'VPP integration disabled',
      });
    }
  });

  it('ReloadConfig applies a valid file and leaves everything as it was on an invalid one', async () => {
    await start();
    const c = client!;
    site.use('site-semantic-error.yaml');
    const bad = await c.call('ReloadConfig');
    expect(bad).toMatchObject({ ok: true, value: { ok: false, parse_error: '' } });
    expect((bad.ok && (bad.value.semantic_error as string)) || '').toMatch(
      /maglev\.backends\.web-b\.healthcheck/,
    );
    expect(await c.call('CheckConfig')).toMatchObject({ ok: true, value: { ok: false } });
    expect(await c.call('ListBackends')).toEqual({ ok: true, value: { names: ['web-a', 'web-b', 'web-c'] } });
    site.use('site-parse-error.yaml');
    const parse = await c.call('ReloadConfig');
    expect(parse).toMatchObject({ ok: true, value: { ok: false, semantic_error: '' } });
    expect((parse.ok && (parse.value.parse_error as string)) || '').not.toBe('');

    site.use('site-reloaded.yaml');
    expect(await c.call('ReloadConfig')).toEqual({
      ok: true,
      value: { ok: true, parse_error: '', semantic_error: '' },
    });
    expect(await c.call('ListBackends')).toEqual({ ok: true, value: { names: ['web-a', 'web-c', 'web-d'] } });
    expect(await c.call('ListFrontends')).toEqual({ ok: true, value: { names: ['www', 'api'] } });
    expect(records.some((r) => r.msg === 'config-reloaded')).toBe(true);
    expect(records.some((r) => r.msg === 'reload-rejected')).toBe(true);
  });

  it('serves Prometheus metrics when asked', async () => {
    const d = await start({ metricsAddr: '127.0.0.1:0' });
    await untilBackend('web-a', 'up');
    await untilBackend('web-b', 'down');
    const body = await new Promise<string>((resolve, reject) => {
      get(`http://${d.metricsAddress}/metrics`, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(body).toMatch(/^maglev_probes_total\{type="http",result="ok",code="L7OK"\} [1-9]\d*$/m);
    expect(body).toMatch(/^maglev_probes_total\{type="http",result="fail",code="L4CON"\} [1-9]\d*$/m);
    expect(body).toContain('maglev_backend_state{backend="web-a",state="up"} 1');
    expect(body).toMatch(/^maglev_backends\{state="disabled"\} 1$/m);
    expect(body).toMatch(/^maglev_frontends\{state="up"\} 1$/m);
  });

  it('can run without reflection', async () => {
    await start({ reflection: false });
    const raw = new grpc.Client(daemon!.address, grpc.credentials.createInsecure());
    const code = await new Promise<number>((resolve) => {
      const call = raw.makeBidiStreamRequest(
        '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo',
        (b: Buffer) => b,
        (b: Buffer) => b,
      );
      call.on('error', (e: grpc.ServiceError) => resolve(e.code));
      call.on('data', () => resolve(grpc.status.OK));
      call.write(Buffer.from([0x3a, 0x00]));
    });
    raw.close();
    expect(code).toBe(grpc.status.UNIMPLEMENTED);
  });
});
