import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, OperationName } from '../../shared/ipc';
import { events as eventSchemas, operations } from '../../shared/ipc';
import { NULL_SINK, createLogger } from '../log';
import { createFakeClock } from '../scheduler';
import type { RequestContext, SiteService } from './types';
import type { SiteManager } from './manager-types';
import { createSiteManager } from './site-manager';
import type { AuditRecord } from './site-service';
import { createSiteService } from './site-service';
import type { FakeSite } from './testing/fake-site';
import { createFakeSite } from './testing/fake-site';

const SMALL = new URL('../../../test/fixtures/sites/small.yaml', import.meta.url);
const ctx: RequestContext = { readOnly: false, user: 'ana', host: 'ws-1', origin: 'electron' };

let dir: string;
let manager: SiteManager;
let service: SiteService;
let sites: Map<string, FakeSite>;
let audit: AuditRecord[];
let clock: ReturnType<typeof createFakeClock>;

async function setup(readOnly = false, backendNames = ['a', 'b']) {
  await writeFile(join(dir, 'sites.yaml'), 'sites:\n  - { name: Paris, kind: local, config: paris.yaml }\n  - { name: Berlin, kind: remote, address: "127.0.0.1:9" }\n');
  clock = createFakeClock();
  sites = new Map();
  manager = createSiteManager({
    sitesPath: join(dir, 'sites.yaml'),
    clock,
    random: () => 0.5,
    logger: createLogger('test', NULL_SINK),
    siteFactory: ({ id, spec }) => {
      const s = createFakeSite(id, spec, backendNames);
      sites.set(id, s);
      return s;
    },
    demoFactory: null,
  });
  await manager.start();
  audit = [];
  service = createSiteService({ manager, readOnly, version: '1.2.3', sitesPath: join(dir, 'sites.yaml'), host: 'web', user: 'svc', clock, audit: { record: (r) => audit.push(r) } });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-service-'));
});
afterEach(async () => {
  await service?.dispose();
  await manager?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('site service operations', () => {
  it('answers every operation of the contract with a value that matches its response schema', async () => {
    await setup();
    const small = await readFile(SMALL, 'utf8');
    const valid: Record<OperationName, unknown> = {
      'app:info': {},
      'sites:list': {},
      'sites:get': { site: 'paris' },
      'sites:add': { spec: { name: 'Lab', kind: 'remote', address: '[::1]:9090', tls: {} } },
      'sites:edit': { site: 'lab', spec: { name: 'Lab', kind: 'remote', address: '[::1]:9091' } },
      'sites:remove': { site: 'lab' },
      'sites:specs': {},
      'frontends:list': { site: 'paris' },
      'frontends:get': { site: 'paris', name: 'www' },
      'backends:list': { site: 'paris' },
      'backends:get': { site: 'paris', name: 'a' },
      'healthchecks:list': { site: 'paris' },
      'healthchecks:get': { site: 'paris', name: 'hc' },
      'history:range': { site: 'paris', backends: ['a', 'nope'] },
      'transitions:range': { site: 'paris', limit: 10 },
      'transitions:export': { site: 'paris', format: 'csv' },
      'backends:pause': { site: 'paris', backend: 'a' },
      'backends:resume': { site: 'paris', backend: 'a' },
      'backends:enable': { site: 'paris', backend: 'a' },
      'backends:disable': { site: 'paris', backend: 'a' },
      'backends:set-weight': { site: 'paris', frontend: 'www', pool: 'primary', backend: 'a', weight: 50 },
      'config:read': { site: 'paris' },
      'config:validate': { text: small, fileName: 'small.yaml' },
      'config:diff': { site: 'paris', text: small },
      'config:apply': { site: 'paris', text: small },
      'config:check': { site: 'paris' },
      'config:reload': { site: 'paris' },
      'config:edit': { text: small, edits: [{ op: 'set', path: ['maglev', 'healthchecker', 'transition-history'], value: 5 }] },
      'config:history': { site: 'paris' },
      'config:history-get': { site: 'paris', id: '000000000000000-abcdef' },
      'logs:recent': { site: 'paris', level: 'info' },
      'logs:subscribe': { site: 'paris', level: 'warn' },
      'audit:list': {},
    };
    for (const name of Object.keys(operations) as OperationName[]) {
      const res = await service.invoke(name, valid[name], ctx);
      if (name === 'config:history-get') {
        // No store was given, so nothing was kept: a NOT_FOUND value.
        expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        continue;
      }
      if (name === 'healthchecks:get') {
        // The fake site has no checks: a NOT_FOUND value, not a throw.
        expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no healthcheck named "hc"' } });
        continue;
      }
      expect(res.ok, `${name}: ${JSON.stringify(res)}`).toBe(true);
      if (res.ok) expect(operations[name].response.safeParse(res.value).success, name).toBe(true);
    }
    expect(audit.map((a) => `${a.op} ${a.site} ${a.ok}`)).toEqual([
      'sites:add Lab true',
      'sites:edit lab true',
      'sites:remove lab true',
      'backends:pause paris true',
      'backends:resume paris true',
      'backends:enable paris true',
      'backends:disable paris true',
      'backends:set-weight paris true',
      'config:apply paris true',
      'config:reload paris true',
    ]);
    const apply = audit.find((a) => a.op === 'config:apply')!;
    expect(apply).toMatchObject({ user: 'ana', host: 'ws-1', origin: 'electron', args: { site: 'paris', text: `<${small.length} chars>` }, error: null });
  });

  it('validates config text with the project loader', async () => {
    await setup();
    const bad = await service.invoke('config:validate', { text: 'maglev:\n  backends:\n    a: { address: 1.2.3.4, healthcheck: nope }\n' }, ctx);
    expect(bad).toMatchObject({ ok: true, value: { ok: false, kind: 'semantic', legacy: false } });
    const issues = bad.ok ? (bad.value as { issues: { line: number; path: string }[] }).issues : [];
    expect(issues[0]).toMatchObject({ line: 3, path: 'maglev.backends.a.healthcheck' });
    const diff = await service.invoke('config:diff', { site: 'paris', text: 'maglev: [' }, ctx);
    expect(diff).toMatchObject({ ok: true, value: { validation: { ok: false, kind: 'parse' }, diff: null } });
  });

  it('refuses malformed payloads with a readable message', async () => {
    await setup();
    expect(await service.invoke('backends:set-weight', { site: 'paris', frontend: 'www', pool: 'p', backend: 'a', weight: 101 }, ctx)).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/^backends:set-weight: weight: .*100/) },
    });
    const missing = await service.invoke('backends:pause', { site: 'paris' }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('backend: ') } });
    expect(await service.invoke('sites:list', { extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await service.invoke('sites:list', 'nonsense', ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('payload: ') } });
    expect(await service.invoke('sites:list', undefined, ctx)).toMatchObject({ ok: true });
    expect(await service.invoke('sites:add', { spec: { name: 'x', kind: 'remote', address: 'nohost' } }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('spec.address: address must be host:port') },
    });
  });

  it('refuses unknown operations and sites, and mutations when read-only', async () => {
    await setup();
    expect(await service.invoke('backends:explode', {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation "backends:explode"' } });
    expect(await service.invoke('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await service.invoke('backends:list', { site: 'nowhere' }, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no site "nowhere"' } });
    expect(await service.invoke('backends:get', { site: 'paris', name: 'zz' }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const ro = { ...ctx, readOnly: true };
    expect(await service.invoke('backends:pause', { site: 'paris', backend: 'a' }, ro)).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(sites.get('paris')!.getBackend('a')?.state).toBe('up');
    expect(await service.invoke('backends:list', { site: 'paris' }, ro)).toMatchObject({ ok: true });
    expect(audit).toEqual([expect.objectContaining({ op: 'backends:pause', ok: false, error: expect.objectContaining({ code: 'READ_ONLY' }) })]);
  });

  it('is read-only for everyone when started read-only', async () => {
    await setup(true);
    expect(await service.invoke('config:apply', { site: 'paris', text: 'x' }, ctx)).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(sites.get('paris')!.applied).toEqual([]);
    expect(await service.invoke('app:info', {}, ctx)).toEqual({ ok: true, value: { version: '1.2.3', readOnly: true, sitesPath: join(dir, 'sites.yaml'), host: 'web', user: 'ana' } });
  });

  it('turns a throwing site into an INTERNAL error value without a stack trace', async () => {
    await setup();
    const paris = sites.get('paris')!;
    paris.listBackends = () => {
      throw new Error('kaboom');
    };
    expect(await service.invoke('backends:list', { site: 'paris' }, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'kaboom' } });
  });

  it('exports transitions as CSV and JSON', async () => {
    await setup();
    const paris = sites.get('paris')!;
    paris.transition('a', 'down', Date.UTC(2026, 0, 2, 3, 4, 5, 6), 'L7STS');
    paris.transition('b', 'down', Date.UTC(2026, 0, 2, 3, 4, 6), 'L4CON');
    paris.emit({ type: 'resync' });
    const csv = await service.invoke('transitions:export', { site: 'paris', format: 'csv', backend: 'a' }, ctx);
    expect(csv.ok && csv.value).toMatchObject({ mime: 'text/csv', filename: expect.stringMatching(/^paris-transitions-.*\.csv$/) });
    expect(csv.ok && (csv.value as { content: string }).content).toBe('time,backend,from,to,code,detail\r\n2026-01-02T03:04:05.006Z,a,up,down,L7STS,to down\r\n');
    const json = await service.invoke('transitions:export', { site: 'paris', format: 'json' }, ctx);
    const rows = JSON.parse(json.ok ? (json.value as { content: string }).content : '[]');
    expect(rows.map((r: { backend: string; time: string }) => [r.backend, r.time])).toEqual([
      ['b', '2026-01-02T03:04:06.000Z'],
      ['a', '2026-01-02T03:04:05.006Z'],
    ]);
  });
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
