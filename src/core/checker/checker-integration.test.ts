import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createProberRegistry } from '../prober';
import { createSystemClock } from '../util';
import { createChecker } from './checker';
import { testConfig, testHttpParams } from './test-config';
import type { Checker, EventSubscription, SubscriptionItem } from './types';

/** A loopback HTTP backend whose status the test flips; it records when each request came. */
interface Backend {
  server: Server;
  port: number;
  status: number;
  requests: number[];
  onRequest: ((n: number) => void) | null;
}

const backends: Backend[] = [];
let checker: Checker | undefined;

afterEach(async () => {
  await checker?.stop();
  checker = undefined;
  await Promise.all(
    backends.splice(0).map(
      (b) =>
        new Promise<void>((resolve) => {
          b.server.closeAllConnections();
          b.server.close(() => resolve());
        }),
    ),
  );
});

async function startBackend(): Promise<Backend> {
  const b: Backend = { server: createServer(), port: 0, status: 200, requests: [], onRequest: null };
  b.server.on('request', (_req, res) => {
    b.requests.push(performance.now());
    b.onRequest?.(b.requests.length);
    res.writeHead(b.status, { 'content-type': 'text/plain', connection: 'close' });
    res.end(b.status === 200 ? 'ok\n' : 'unavailable\n');
  });
  await new Promise<void>((resolve) => b.server.listen(0, '127.0.0.1', resolve));
  b.port = (b.server.address() as AddressInfo).port;
  backends.push(b);
  return b;
}

/** Reads the subscription until an item matches (no sleeping: it waits for the checker's events). */
async function next(sub: EventSubscription, match: (i: SubscriptionItem) => boolean): Promise<SubscriptionItem> {
  const it = sub[Symbol.asyncIterator]();
  for (;;) {
    const r = await it.next();
    if (r.done) throw new Error('subscription ended');
    if (match(r.value)) return r.value;
  }
}

const transition = (backend: string, from: string, to: string) => (i: SubscriptionItem) =>
  i.type === 'backend' && i.backend === backend && i.transition.from === from && i.transition.to === to;

/** A config with one check per backend (each server has its own port on 127.0.0.1). */
function loopbackConfig(ports: number[], intervals: number[] = []) {
  return testConfig({
    checks: ports.map((port, i) => ({
      name: `c${i}`,
      port,
      intervalMs: intervals[i] ?? 50,
      fastIntervalMs: intervals[i] ?? 50,
      downIntervalMs: intervals[i] ?? 50,
      timeoutMs: 2000,
      http: testHttpParams({ path: '/healthz', responseRegexp: 'ok' }),
    })),
    backends: ports.map((_, i) => ({ name: `b${i}`, address: '127.0.0.1', healthcheck: `c${i}` })),
    frontends: [{ name: 'www', pools: [{ name: 'p', backends: ports.map((_, i) => `b${i}`) }] }],
  });
}

describe('checker against real loopback HTTP servers', () => {
  it('goes down after `fall` failures and back up after `rise` passes', async () => {
    const servers = await Promise.all([startBackend(), startBackend()]);
    checker = createChecker({
      config: loopbackConfig(servers.map((s) => s.port)),
      probers: createProberRegistry(),
      clock: createSystemClock(),
      random: Math.random,
    });
    const sub = checker.subscribe({ frontend: false });
    checker.start();
    await next(sub, transition('b0', 'unknown', 'up'));

    servers[0]!.status = 503;
    const down = await next(sub, transition('b0', 'up', 'down'));
    expect(down.type === 'backend' && down.transition).toMatchObject({ code: 'L7STS', detail: 'HTTP 503' });
    // The samples leading to `down`: a pass, then exactly `fall` (3) failures, the first two still up.
    const h1 = checker.history('b0')!;
    const iDown = h1.state.lastIndexOf('up') + 1;
    expect(h1.state.slice(iDown - 3, iDown + 1)).toEqual(['up', 'up', 'up', 'down']);
    expect(h1.ok.slice(iDown - 3, iDown + 1)).toEqual([true, false, false, false]);

    servers[0]!.status = 200;
    await next(sub, transition('b0', 'down', 'up'));
    const h2 = checker.history('b0')!;
    const iUp = h2.state.lastIndexOf('down') + 1;
    expect(h2.ok.slice(iUp - 1, iUp + 1)).toEqual([true, true]); // rise 2: one pass still down, the next up
    expect(h2.code[iUp]).toBe('L7OK');
    expect(checker.getBackend('b1')?.state).toBe('up');
    expect(checker.getFrontend('www')?.state).toBe('up');
  });

  it('reloads without interrupting an unchanged backend, restarting a changed one', async () => {
    const [steady, changed, removed] = await Promise.all([startBackend(), startBackend(), startBackend()]);
    const ports = [steady!.port, changed!.port, removed!.port];
    // The steady backend probes slowly so that an extra probe at reload would stand out.
    const intervals = [400, 50, 50];
    checker = createChecker({
      config: loopbackConfig(ports, intervals),
      probers: createProberRegistry(),
      clock: createSystemClock(),
      random: Math.random,
    });
    const sub = checker.subscribe({ frontend: false });
    checker.start();
    await next(sub, transition('b0', 'unknown', 'up'));
    await next(sub, transition('b1', 'unknown', 'up'));

    const base = loopbackConfig(ports, intervals);
    const nextConfig = { ...base, healthchecks: base.healthchecks.map((h) => (h.name === 'c1' ? { ...h, timeoutMs: 1500 } : h)) };
    const reloaded = new Promise<{ n: number; at: number; removedCount: number }>((resolve) => {
      // Reload while b0's probe is in flight: inside the server's request handler.
      steady!.onRequest = (n) => {
        steady!.onRequest = null;
        const summary = checker!.reload({ ...nextConfig, backends: nextConfig.backends.slice(0, 2) });
        expect(summary.diff.backends).toEqual({ added: [], removed: ['b2'], restarted: ['b1'], unchanged: ['b0'] });
        resolve({ n, at: performance.now(), removedCount: removed!.requests.length });
      };
    });
    const { n, at, removedCount } = await reloaded;
    await next(sub, (i) => i.type === 'backend' && i.backend === 'b2' && i.transition.to === 'removed');
    await next(sub, transition('b1', 'unknown', 'up'));
    const following = await new Promise<number>((resolve) => (steady!.onRequest = resolve));
    expect(following).toBe(n + 1);
    // Every earlier request, including the one in flight during the reload, became a sample.
    expect(checker.history('b0')?.atMs).toHaveLength(n);
    // No extra probe: the next one came a full (jittered) interval after, not at once.
    expect((steady!.requests[n] as number) - at).toBeGreaterThanOrEqual(0.9 * 400 - 5);
    expect(checker.getBackend('b0')?.transitions.map((t) => t.code)).toEqual(['L7OK']);
    expect(checker.getBackend('b1')?.transitions.map((t) => t.code)).toEqual(['L7OK', 'config-changed', 'L7OK']);
    // The removed backend (50 ms interval) got no new probe in the ≥ 360 ms since (one aborted at
    // the reload may still have reached the server).
    expect(removed!.requests.length).toBeLessThanOrEqual(removedCount + 1);
  });
});
