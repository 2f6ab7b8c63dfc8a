import { afterEach, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/model';
import type { MaglevClient } from './client-types';
import { record, testClient, waitForEvent, waitForState } from './testing/client-harness';
import { startFakeDaemon, type FakeDaemon } from './testing/fake-daemon';
import {
  freePort,
  startGarbageServer,
  startSilentServer,
  startStallingProxy,
  type LoopbackServer,
} from './testing/loopback-servers';
import { sampleSite, T0 } from './testing/sample-site';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function track<T extends { close?: () => Promise<void>; stop?: () => Promise<void> }>(x: T): T {
  cleanups.push(() => (x.close ?? x.stop)!.call(x));
  return x;
}

async function daemon(opts: Parameters<typeof startFakeDaemon>[0] = {}): Promise<FakeDaemon> {
  return track(await startFakeDaemon(opts));
}

function client(address: string, extra: Parameters<typeof testClient>[1] = {}): MaglevClient {
  return track(testClient(address, extra));
}

describe('remote client: sync, events, actions', () => {
  it('resyncs a snapshot, then follows the event stream', async () => {
    const d = await daemon();
    const c = client(d.address);
    await waitForState(c, 'ready');
    expect(c.listFrontends()).toEqual(['www', 'db']);
    expect(c.listBackends()).toEqual(['web-a', 'web-b', 'db-a']);
    expect(c.listHealthChecks()).toEqual(['web', 'db']);
    expect(c.getBackend('web-a')).toEqual(sampleSite().backends[0]);
    expect(c.getHealthCheck('db')).toEqual(sampleSite().healthchecks[1]);
    expect(c.getFrontend('www')).toMatchObject({ state: 'up', activePool: 0 });
    expect(c.getFrontend('db')).toMatchObject({ state: 'down', activePool: -1 });
    expect(c.vpp()).toBeNull();
    expect(c.status().lastContactMs).not.toBeNull();

    const refreshed = waitForEvent(c, (e) => e.type === 'frontend-info' && e.frontend === 'db');
    const got = waitForEvent(c, (e) => e.type === 'backend');
    d.checker.transition('db-a', 'up', 'L4OK', T0 + 10);
    expect(await got).toMatchObject({
      backend: 'db-a',
      transition: { from: 'down', to: 'up', atMs: T0 + 10 },
    });
    await refreshed;
    expect(c.getBackend('db-a')?.state).toBe('up');
    expect(c.getBackend('db-a')?.transitions.map((t) => t.to)).toEqual(['up', 'down']);
    expect(c.getFrontend('db')?.activePool).toBe(0);

    const log = waitForEvent(c, (e) => e.type === 'log');
    d.checker.emit({ type: 'log', record: { atMs: T0, level: 'warn', msg: 'something', attrs: { k: 'v' } } });
    expect(await log).toMatchObject({ record: { level: 'warn', msg: 'something', attrs: { k: 'v' } } });
  });

  it('returns action results as values with gRPC status names', async () => {
    const d = await daemon({
      configOutcome: { ok: false, kind: 'semantic', message: 'f.yaml:1:1: maglev: bad' },
    });
    const c = client(d.address);
    await waitForState(c, 'ready');
    expect(await c.pause('web-a')).toMatchObject({ ok: true, value: { state: 'paused' } });
    expect(c.getBackend('web-a')?.state).toBe('paused');
    expect(await c.pause('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.disable('web-b')).toMatchObject({
      ok: true,
      value: { state: 'disabled', enabled: false },
    });
    expect(await c.resume('web-b')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await c.enable('web-b')).toMatchObject({ ok: true, value: { enabled: true } });
    expect(await c.setWeight('www', 'primary', 'web-b', 101)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const w = await c.setWeight('www', 'primary', 'web-b', 5);
    expect(w.ok && w.value.pools[0]!.backends[1]!.weight).toBe(5);
    expect(c.getFrontend('www')?.pools[0]!.backends[1]!.weight).toBe(5);
    expect(await c.checkConfig()).toEqual({
      ok: true,
      value: { ok: false, parseError: '', semanticError: 'f.yaml:1:1: maglev: bad' },
    });
    expect(await c.reloadConfig()).toMatchObject({ ok: true, value: { ok: false } });
    await c.close();
    expect(await c.resume('web-a')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('keeps VPP data when the daemon has it', async () => {
    const d = await daemon({
      customize: (s) => {
        s.implementation.GetVPPInfo = (_c, cb) =>
          cb(null, { version: '24.10', pid: 42, boottimeNs: '1764000000000000000' });
        s.implementation.GetVPPLBState = (_c, cb) =>
          cb(null, {
            ipv4SrcAddress: '192.0.2.1',
            vips: [
              {
                prefix: '192.0.2.80/32',
                port: 80,
                applicationServers: [{ address: '10.0.0.1', weight: 100, buckets: 512 }],
              },
            ],
          });
        s.implementation.GetVPPLBCounters = (_c, cb) =>
          cb(null, { vips: [{ prefix: '192.0.2.80/32', nextPackets: '9007199254740993' }] });
      },
    });
    const c = client(d.address);
    await waitForState(c, 'ready');
    const vpp = c.vpp();
    expect(vpp?.info).toMatchObject({ version: '24.10', pid: 42, boottimeMs: 1_764_000_000_000 });
    expect(vpp?.lbState?.vips[0]?.applicationServers[0]).toEqual({
      address: '10.0.0.1',
      weight: 100,
      buckets: 512,
      flushed: false,
    });
    expect(vpp?.counters?.[0]?.nextPackets).toBeGreaterThan(9e15);
    expect((await c.refreshVpp()).ok).toBe(true);
  });

  it('resyncs when the daemon reports events-dropped', async () => {
    const d = await daemon();
    const c = client(d.address);
    await waitForState(c, 'ready');
    const resync = waitForEvent(c, (e) => e.type === 'resync');
    d.checker.emit({
      type: 'log',
      record: { atMs: T0, level: 'warn', msg: 'events-dropped', attrs: { count: '3' } },
    });
    await resync;
    expect(c.status().state).toBe('ready');
  });
});

describe('remote client: connection failures', () => {
  it('loses nothing and doubles nothing across a daemon restart', async () => {
    const first = await startFakeDaemon();
    const c = client(first.address);
    const events = record(c);
    await waitForState(c, 'ready');
    first.checker.transition('web-a', 'down', 'L7STS', T0 + 100);
    first.checker.transition('web-a', 'up', 'L7OK', T0 + 200);
    await waitForEvent(c, (e) => e.type === 'backend' && e.transition.atMs === T0 + 200);
    const lost = waitForState(c, 'connecting');
    await first.stop();
    await lost;
    // The new incarnation remembers the last two transitions and has one the client never saw.
    const site = sampleSite();
    site.backends[0]!.transitions = [
      { from: 'up', to: 'down', atMs: T0 + 300, code: 'L7TOUT', detail: 'timeout' },
      { from: 'down', to: 'up', atMs: T0 + 200, code: 'L7OK', detail: '' },
      { from: 'up', to: 'down', atMs: T0 + 100, code: 'L7STS', detail: '' },
    ];
    site.backends[0]!.state = 'down';
    const ready = waitForState(c, 'ready');
    const second = await daemon({ port: first.port, site });
    await ready;
    expect(c.getBackend('web-a')?.state).toBe('down');
    expect(c.getBackend('web-a')?.transitions.map((t) => t.atMs)).toEqual([T0 + 300, T0 + 200, T0 + 100, T0]);
    const seen = events
      .filter((e): e is BackendEvent => e.type === 'backend' && e.backend === 'web-a')
      .map((e) => e.transition.atMs);
    expect(seen).toEqual([T0 + 100, T0 + 200, T0 + 300]);
    expect(events.some((e) => e.type === 'status' && e.status.state === 'connecting')).toBe(true);
    second.checker.transition('web-a', 'up', 'L7OK', T0 + 400);
    await waitForEvent(c, (e) => e.type === 'backend' && e.transition.atMs === T0 + 400);
  });

  it('is offline while the daemon is absent and ready once it appears', async () => {
    const port = await freePort();
    const c = client(`127.0.0.1:${port}`);
    expect(c.status().state).toBe('connecting');
    await waitForState(c, 'offline');
    expect(c.status().lastError).toMatch(/UNAVAILABLE/);
    const ready = waitForState(c, 'ready');
    await daemon({ port });
    await ready;
    expect(c.listBackends()).toHaveLength(3);
  });

  it('goes offline on a peer that accepts TCP but never speaks HTTP/2', async () => {
    const silent = track<LoopbackServer>(await startSilentServer());
    const c = client(silent.address, { deadlineMs: 300 });
    await waitForState(c, 'offline');
    expect(c.status().lastError).toMatch(/DEADLINE_EXCEEDED|UNAVAILABLE/);
    expect(await c.checkConfig()).toMatchObject({ ok: false });
  });

  it('goes offline on a peer that sends garbage', async () => {
    const garbage = track<LoopbackServer>(await startGarbageServer());
    const c = client(garbage.address);
    await waitForState(c, 'offline');
    expect(c.status().lastError).not.toBeNull();
  });

  it('is degraded when the daemon answers but its event stream fails', async () => {
    const d = await daemon({
      customize: (s) => {
        s.implementation.WatchEvents = (call) => call.emit('error', { code: 13, details: 'stream broke' });
      },
    });
    const c = client(d.address);
    await waitForState(c, 'degraded');
    expect(c.status().lastError).toBe('INTERNAL: stream broke');
  });

  it('detects a stalled stream by keepalive and reconnects', async () => {
    const d = await daemon();
    const proxy = track(await startStallingProxy({ host: '127.0.0.1', port: d.port }));
    const c = client(proxy.address, { keepaliveMs: 200, keepaliveTimeoutMs: 200 });
    await waitForState(c, 'ready');
    const events = record(c);
    const lost = waitForEvent(c, (e) => e.type === 'status' && e.status.state !== 'ready');
    proxy.stall();
    await lost;
    await waitForState(c, 'ready');
    expect(events.filter((e) => e.type === 'resync')).toHaveLength(1);
    const got = waitForEvent(c, (e) => e.type === 'backend');
    d.checker.transition('web-b', 'down', 'L7STS', T0 + 50);
    expect(await got).toMatchObject({ backend: 'web-b' });
  });
});
