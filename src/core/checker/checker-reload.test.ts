import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, probeTimes, stateEvents } from './checker-harness';
import type { Harness } from './checker-harness';
import { testConfig } from './test-config';
import type { TestConfigSpec } from './test-config';

let h: Harness | undefined;
afterEach(async () => {
  await h?.checker.stop();
  h = undefined;
});

const base: TestConfigSpec = {
  backends: ['a', 'b'],
  frontends: [{ name: 'www', pools: [{ name: 'primary', backends: ['a', ['b', 50]] }] }],
};

function running(spec: TestConfigSpec = base): Harness {
  const harness = createHarness(testConfig(spec));
  harness.probers.autoRespond = () => ({ ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 });
  harness.checker.start();
  return harness;
}

describe('reload', () => {
  it('leaves an unchanged backend alone: no gap, no extra probe', async () => {
    h = running();
    await h.clock.advance(2500);
    const summary = h.checker.reload(
      testConfig({ ...base, backends: ['a', 'c'], frontends: [{ name: 'www', pools: [{ name: 'primary', backends: ['a', 'c'] }] }] }),
    );
    expect(summary.diff.backends).toEqual({ added: ['c'], removed: ['b'], restarted: [], unchanged: ['a'] });
    await h.clock.advance(3000);
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
  });

  it('keeps the probe in flight of an unchanged backend and counts its result', async () => {
    h = running();
    await h.clock.advance(900);
    h.probers.autoRespond = null;
    await h.clock.advance(100);
    const inFlight = h.probers.pending('10.0.0.1')[0]!;
    h.checker.reload(testConfig(base));
    expect(inFlight.aborted).toBe(false);
    expect(h.checker.isProbing('a')).toBe(true);
    inFlight.fail();
    await h.clock.settle();
    expect(h.checker.getBackend('a')?.lastProbe).toMatchObject({ code: 'L7STS', atMs: h.t0 + 1000 });
  });

  it('removes a backend: `removed` transition, aborted probe, then forgotten', async () => {
    h = running();
    await h.clock.advance(1200);
    h.probers.autoRespond = null;
    await h.clock.advance(400); // b's probe at 1500 is in flight
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const inFlight = h.probers.pending('10.0.0.2')[0]!;
    h.checker.reload(testConfig({ ...base, backends: ['a'], frontends: [{ name: 'www', pools: [{ name: 'primary', backends: ['a'] }] }] }));
    expect(inFlight.aborted).toBe(true);
    expect(stateEvents(sub.drain())).toEqual(['backend b up>removed removed']);
    expect(h.checker.getBackend('b')).toBeUndefined();
    expect(h.checker.listBackends()).toEqual(['a']);
    expect(h.checker.history('b')).toBeUndefined();
    expect(h.checker.pause('b')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await h.clock.advance(5000);
    expect(h.probers.calls('10.0.0.2')).toBe(2);
  });

  it('starts new backends unknown, staggered over their interval', async () => {
    h = running();
    await h.clock.advance(1200);
    const sub = h.checker.subscribe({ initialFrontendEvents: false, frontend: false });
    h.checker.reload(testConfig({ ...base, backends: ['a', 'b', 'c', 'd'] }));
    expect(h.checker.getBackend('c')?.state).toBe('unknown');
    expect(h.checker.listBackends()).toEqual(['a', 'b', 'c', 'd']);
    await h.clock.advance(999);
    expect(probeTimes(h, '10.0.0.3')).toEqual([1200]);
    expect(probeTimes(h, '10.0.0.4')).toEqual([1700]);
    expect(stateEvents(sub.drain())).toEqual(['backend c unknown>up L7OK', 'backend d unknown>up L7OK']);
  });

  it('restarts a backend whose check changed at once, keeping its history', async () => {
    h = running();
    await h.clock.advance(1200);
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const summary = h.checker.reload(testConfig({ ...base, checks: [{ port: 8080 }] }));
    expect(summary.diff.backends.restarted).toEqual(['a', 'b']);
    expect(summary.diff.healthchecks.changed).toEqual(['web']);
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(0);
    await h.clock.advance(0);
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 1000, 1200]);
    expect(h.probers.probes.at(-1)?.target.port).toBe(8080);
    expect(h.checker.getBackend('a')?.transitions.map((t) => `${t.from}>${t.to} ${t.code}`)).toEqual([
      'unknown>up L7OK',
      'up>unknown config-changed',
      'unknown>up L7OK',
    ]);
    expect(stateEvents(sub.drain())).toEqual([
      'backend a up>unknown config-changed',
      'backend b up>unknown config-changed',
      'frontend www up>unknown',
      'backend a unknown>up L7OK',
      'frontend www unknown>up',
      'backend b unknown>up L7OK',
    ]);
  });

  it('restarts on an address or probe-source change too', async () => {
    h = running();
    await h.clock.advance(1200);
    const next = testConfig({ ...base, settings: { probeIpv4Src: '192.0.2.9' } });
    expect(h.checker.reload(next).diff.backends.restarted).toEqual(['a', 'b']);
    const moved = testConfig({ ...base, backends: [{ name: 'a', address: '10.9.9.9' }, 'b'], settings: { probeIpv4Src: '192.0.2.9' } });
    expect(h.checker.reload(moved).diff.backends).toMatchObject({ restarted: ['a'], unchanged: ['b'] });
  });

  it('keeps a paused backend paused across a check change; resume uses the new check', async () => {
    h = running();
    await h.clock.advance(600);
    h.checker.pause('a');
    h.checker.reload(testConfig({ ...base, checks: [{ port: 9000 }] }));
    expect(h.checker.getBackend('a')?.state).toBe('paused');
    h.checker.resume('a');
    await h.clock.advance(0);
    expect(h.probers.probes.at(-1)?.target).toMatchObject({ address: '10.0.0.1', port: 9000 });
  });

  it('never restarts for weight or pool changes, recomputes frontends, drops run-time weights', async () => {
    h = running();
    await h.clock.advance(1200);
    h.checker.setWeight('www', 'primary', 'a', 7);
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const summary = h.checker.reload(
      testConfig({ ...base, frontends: [{ name: 'www', pools: [{ name: 'primary', backends: [['a', 0], ['b', 0]] }, { name: 'spare', backends: ['a'] }] }] }),
    );
    expect(summary.diff.backends.restarted).toEqual([]);
    expect(summary.diff.frontends.changed[0]).toMatchObject({ name: 'www', weightOnly: false });
    expect(h.checker.getFrontend('www')).toMatchObject({ state: 'down', activePool: 0 });
    expect(h.checker.getFrontend('www')?.pools[0]?.backends.map((b) => b.weight)).toEqual([0, 0]);
    expect(stateEvents(sub.drain())).toEqual(['frontend www up>down']);
    await h.clock.advance(2000);
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 1000, 2000, 3000]);
  });

  it('reports weight-only frontend changes and announces new frontends', async () => {
    h = running();
    await h.clock.advance(600);
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const summary = h.checker.reload(
      testConfig({
        ...base,
        frontends: [
          { name: 'www', pools: [{ name: 'primary', backends: ['a', ['b', 60]] }] },
          { name: 'api', pools: [{ name: 'p', backends: ['b'] }] },
        ],
      }),
    );
    expect(summary.diff.frontends).toMatchObject({
      added: ['api'],
      changed: [{ name: 'www', changes: ['pool primary: b weight 50 → 60'], weightOnly: true }],
    });
    expect(stateEvents(sub.drain())).toEqual(['frontend api unknown>up']);
    expect(h.checker.listFrontends()).toEqual(['www', 'api']);
  });

  it('follows `enabled` in the config both ways', async () => {
    h = running();
    await h.clock.advance(600);
    const off = testConfig({ ...base, backends: ['a', { name: 'b', enabled: false }] });
    expect(h.checker.reload(off).diff.emptiedPools).toEqual([]);
    expect(h.checker.getBackend('b')).toMatchObject({ state: 'disabled', enabled: false, lastProbe: { code: 'disabled' } });
    const calls = h.probers.calls('10.0.0.2');
    await h.clock.advance(3000);
    expect(h.probers.calls('10.0.0.2')).toBe(calls);
    h.checker.reload(testConfig(base));
    await h.clock.advance(0);
    expect(h.checker.getBackend('b')).toMatchObject({ state: 'up', enabled: true });
    expect(h.checker.getBackend('b')?.transitions.map((t) => t.code)).toEqual(['L7OK', 'enabled', 'disabled', 'L7OK']);
  });

  it('only sets state when it comes before start(); start() then staggers every backend', async () => {
    h = createHarness(testConfig(base));
    h.checker.reload(testConfig({ ...base, backends: ['a', 'b', 'c'] }));
    h.checker.pause('a');
    h.checker.resume('a');
    await h.clock.advance(5000);
    expect(h.probers.probes).toHaveLength(0);
    h.checker.start();
    await h.clock.advance(999);
    expect(h.probers.probes.map((p) => p.startedAt - h!.clock.now() + 999)).toEqual([0, 334, 667]); // the timer fires on the next whole ms
  });

  it('applies a smaller transition-history to every backend', async () => {
    h = running({ ...base, checks: [{ rise: 1, fall: 1 }] });
    await h.clock.advance(600);
    h.checker.pause('a');
    h.checker.resume('a');
    await h.clock.advance(0);
    expect(h.checker.getBackend('a')?.transitions).toHaveLength(4);
    h.checker.reload(testConfig({ ...base, checks: [{ rise: 1, fall: 1 }], settings: { transitionHistory: 2 } }));
    expect(h.checker.getBackend('a')?.transitions).toHaveLength(2);
    expect(h.checker.config().healthchecker.transitionHistory).toBe(2);
  });
});
