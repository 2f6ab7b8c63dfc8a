import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/ipc';
import { events as eventSchemas } from '../../shared/ipc';
import type { FakeClock } from '../scheduler';
import type { RequestContext, SiteService } from './types';
import type { SiteManager } from './manager-types';
import type { FakeSite } from './testing/fake-site';
import { startFakeService } from './testing/fake-service';

// The site service's pushed events: batching, bounds, summaries, logs (its operations: site-service.test.ts).
const ctx: RequestContext = { readOnly: false, user: 'ana', host: 'ws-1', origin: 'electron' };

let dir: string;
let manager: SiteManager;
let service: SiteService;
let sites: Map<string, FakeSite>;
let clock: FakeClock;

async function setup(readOnly = false, backendNames = ['a', 'b']) {
  const sitesYaml = 'sites:\n  - { name: Paris, kind: local, config: paris.yaml }\n  - { name: Berlin, kind: remote, address: "127.0.0.1:9" }\n';
  ({ manager, service, clock, sites } = await startFakeService(dir, sitesYaml, { backendNames, service: { readOnly } }));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-service-events-'));
});
afterEach(async () => {
  await service?.dispose();
  await manager?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('site service events', () => {
  type Got = { event: EventName; payload: unknown; at: number };
  function listen(): Got[] {
    const got: Got[] = [];
    service.onEvent((event, payload) => {
      expect(eventSchemas[event].safeParse(payload).success).toBe(true);
      got.push({ event, payload, at: clock.now() });
    });
    return got;
  }

  it('coalesces a flood of 1,000 transitions a second into at most 10 bounded batches', async () => {
    await setup();
    const got = listen();
    const paris = sites.get('paris')!;
    const t0 = clock.now();
    for (let i = 0; i < 1000; i++) {
      paris.transition(i % 2 ? 'a' : 'b', i % 4 < 2 ? 'down' : 'up', clock.now());
      await clock.advance(1);
    }
    await clock.advance(100);
    const health = got.filter((g) => g.event === 'health:changed');
    const inFirstSecond = health.filter((g) => g.at <= t0 + 1000);
    expect(inFirstSecond.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < health.length; i++) expect(health[i]!.at - health[i - 1]!.at).toBeGreaterThanOrEqual(100);
    let transitions = 0;
    for (const h of health) {
      const p = h.payload as { backends: { name: string }[]; frontends: unknown[]; transitions: unknown[]; site: string };
      expect(p.site).toBe('paris');
      expect(p.backends.map((b) => b.name).sort()).toEqual(['a', 'b']); // one row per backend, the latest
      expect(p.frontends).toHaveLength(1);
      transitions += p.transitions.length;
    }
    expect(transitions).toBe(1000);
    const last = health.at(-1)!.payload as { backends: { name: string; state: string }[] };
    for (const row of last.backends) expect(row.state).toBe(paris.getBackend(row.name)!.state);
  });

  it('bounds a batch to the newest 1,000 transitions and asks for a resync when it dropped some', async () => {
    await setup();
    const got = listen();
    const paris = sites.get('paris')!;
    for (let i = 0; i < 4_500; i++) paris.transition('a', i % 2 ? 'up' : 'down', i);
    await clock.advance(100);
    const batch = got.find((g) => g.event === 'health:changed')!.payload as { transitions: { atMs: number }[]; resync: boolean };
    expect(batch.resync).toBe(true);
    expect(batch.transitions.map((t) => t.atMs)).toEqual(Array.from({ length: 1000 }, (_, i) => 3_500 + i));
  });

  it('sends at most 2,000 rows per site per batch and the rest in the next one', async () => {
    const names = Array.from({ length: 2_500 }, (_, i) => `b${i}`);
    await setup(false, names);
    const got = listen();
    const paris = sites.get('paris')!;
    for (const backend of names) paris.emit({ type: 'probing', backend, probing: true });
    await clock.advance(100);
    await clock.advance(100);
    const sizes = got.filter((g) => g.event === 'health:changed').map((g) => (g.payload as { backends: unknown[] }).backends.length);
    expect(sizes).toEqual([2_000, 500]);
    expect(got.some((g) => g.event === 'sites:changed')).toBe(false); // a heartbeat changes no summary
  });

  it('reports summaries when they change, resyncs, and logs only for subscribed sites', async () => {
    await setup();
    const got = listen();
    const paris = sites.get('paris')!;
    paris.transition('a', 'down', 1);
    await clock.advance(100);
    const summaries = got.filter((g) => g.event === 'sites:changed');
    expect(summaries).toHaveLength(1);
    expect((summaries[0]!.payload as { id: string; worst: string | null }[]).map((s) => [s.id, s.worst])).toEqual([
      ['paris', '1 backend down in www'],
      ['berlin', null],
    ]);
    paris.emit({ type: 'log', record: { atMs: 1, level: 'warn', msg: 'not yet', attrs: {} } });
    paris.emit({ type: 'resync' });
    await clock.advance(100);
    expect(got.filter((g) => g.event === 'sites:changed')).toHaveLength(1); // nothing changed
    expect(got.at(-1)).toMatchObject({ event: 'health:changed', payload: { resync: true, transitions: [] } });
    expect(got.some((g) => g.event === 'logs:appended')).toBe(false);

    await service.invoke('logs:subscribe', { site: 'paris', level: 'warn' }, ctx);
    paris.emit({ type: 'log', record: { atMs: 2, level: 'info', msg: 'below', attrs: {} } });
    paris.emit({ type: 'log', record: { atMs: 3, level: 'error', msg: 'shown', attrs: {} } });
    await clock.advance(100);
    expect(got.filter((g) => g.event === 'logs:appended').map((g) => g.payload)).toEqual([
      { site: 'paris', records: [{ atMs: 3, level: 'error', msg: 'shown', attrs: {} }] },
    ]);
  });

  it('pushes the frontend of a run-time weight change, which moves no state, with nobody subscribed to logs', async () => {
    await setup();
    const got = listen();
    sites.get('paris')!.emit({ type: 'log', record: { atMs: 1, level: 'info', msg: 'weight-set', attrs: { frontend: 'www', pool: 'primary', backend: 'a', weight: '40' } } });
    await clock.advance(100);
    const pushed = got.filter((g) => g.event === 'health:changed').map((g) => (g.payload as { frontends: { name: string }[] }).frontends.map((f) => f.name));
    expect(pushed).toEqual([['www']]);
    expect(got.some((g) => g.event === 'logs:appended')).toBe(false);
  });

  it('keeps delivering when one listener throws, and stops batching when nobody listens', async () => {
    await setup();
    const off = service.onEvent(() => {
      throw new Error('renderer bug');
    });
    const got = listen();
    sites.get('paris')!.transition('a', 'down', 1);
    await clock.advance(100);
    expect(got.some((g) => g.event === 'health:changed')).toBe(true);
    off();
    await service.dispose();
    const before = clock.pending();
    sites.get('paris')!.transition('a', 'up', 2);
    expect(clock.pending()).toBe(before);
  });
});
