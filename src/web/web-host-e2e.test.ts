/**
 * The web host end to end: a real `ws` client drives every contract operation through the real site
 * manager and site service, on the built-in demo site (a real checker probing loopback demo backends).
 * Every answer must be ok and match the contract's response schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileConfigHistory, createSiteManager, createSiteService, type SiteManager, type SiteService } from '../core/sites';
import { createLogger, NULL_SINK } from '../core/log';
import { createSystemClock } from '../core/util';
import { operations, type OperationName, type OpResponse } from '../shared/ipc';
import type { FrontendInfo } from '../shared/model';
import { startWebHost, type WebHost } from './web-host';
import { connectClient, type TestClient } from '../../tests/fixtures/ws-client';

let dir: string;
let manager: SiteManager;
let service: SiteService;
let host: WebHost;
let client: TestClient;
const exercised = new Set<string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-e2e-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>e2e</title>');
  const clock = createSystemClock();
  const logger = createLogger('test', NULL_SINK);
  const sitesPath = join(dir, 'sites.yaml');
  manager = createSiteManager({ sitesPath, clock, random: Math.random, logger });
  await manager.start();
  const configHistory = createFileConfigHistory(join(dir, 'config-history'));
  service = createSiteService({ manager, readOnly: false, version: '0.0.0-test', sitesPath, host: 'web', user: 'e2e', clock, logger, configHistory });
  host = await startWebHost({ service, rendererDir: join(dir, 'renderer'), port: 0, user: 'e2e' });
  client = await connectClient(host.port, { token: host.token });
});

afterAll(async () => {
  await client?.close();
  await host?.close();
  await service?.dispose();
  await manager?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Calls `op`, expects ok, checks the value against the contract and returns it. */
async function call<K extends OperationName>(op: K, payload: unknown): Promise<OpResponse<K>> {
  const r = await client.request(op, payload);
  if (!r.ok) throw new Error(`${op} failed: ${r.error.code} ${r.error.message}`);
  const parsed = operations[op].response.safeParse(r.value);
  if (!parsed.success) throw new Error(`${op} answered outside the contract: ${parsed.error.message}`);
  exercised.add(op);
  return parsed.data as OpResponse<K>;
}

describe('web host over the real site service (demo site)', () => {
  it('serves reads for the demo site', async () => {
    expect(await call('app:info', {})).toMatchObject({ host: 'web', user: 'e2e', readOnly: false });
    const sites = await call('sites:list', {});
    const demo = sites.find((s) => s.demo)!;
    expect(demo).toBeDefined();
    expect(await call('sites:get', { site: demo.id })).toMatchObject({ id: demo.id });
    expect(await call('sites:specs', {})).toEqual([]);
    const frontends = await call('frontends:list', { site: demo.id });
    expect(frontends.length).toBeGreaterThan(0);
    await call('frontends:get', { site: demo.id, name: frontends[0]!.name });
    const backends = await call('backends:list', { site: demo.id });
    expect(backends.length).toBeGreaterThan(0);
    await call('backends:get', { site: demo.id, name: backends[0]!.name });
    const checks = await call('healthchecks:list', { site: demo.id });
    await call('healthchecks:get', { site: demo.id, name: checks[0]!.name });
    await call('history:range', { site: demo.id, backends: backends.map((b) => b.name) });
    await call('transitions:range', { site: demo.id, limit: 10 });
    expect(await call('transitions:export', { site: demo.id, format: 'csv' })).toMatchObject({ mime: expect.stringMatching(/csv/) });
    await call('logs:recent', { site: demo.id, level: 'debug' });
    expect(await call('logs:subscribe', { site: demo.id, level: 'info' })).toEqual({ level: 'info' });
    expect(Array.isArray(await call('audit:list', { limit: 10 }))).toBe(true);
  });

  it('pushes events from the running checker', async () => {
    const e = await client.nextEvent();
    expect(['sites:changed', 'health:changed', 'logs:appended']).toContain(e.event);
  });

  it('carries out backend actions', async () => {
    const [demo] = await call('sites:list', {});
    const site = demo!.id;
    const frontend: FrontendInfo = (await call('frontends:list', { site }))[0]!;
    const pool = frontend.pools[0]!;
    const backend = pool.backends[0]!.name;
    expect(await call('backends:pause', { site, backend })).toMatchObject({ name: backend, state: 'paused' });
    expect((await call('backends:resume', { site, backend })).state).not.toBe('paused');
    expect(await call('backends:disable', { site, backend })).toMatchObject({ state: 'disabled', enabled: false });
    expect(await call('backends:enable', { site, backend })).toMatchObject({ enabled: true });
    const after = await call('backends:set-weight', { site, frontend: frontend.name, pool: pool.name, backend, weight: 7 });
    expect(after.pools[0]!.backends.find((b) => b.name === backend)!.weight).toBe(7);
  });

  it('reads, validates, diffs, applies, checks and reloads the config', async () => {
    const site = (await call('sites:list', {}))[0]!.id;
    const cfg = await call('config:read', { site });
    expect(cfg.editable).toBe(true);
    expect(await call('config:validate', { text: cfg.text })).toMatchObject({ ok: true });
    expect((await call('config:validate', { text: 'maglev: [' })).ok).toBe(false);
    expect((await call('config:diff', { site, text: cfg.text })).validation.ok).toBe(true);
    expect((await call('config:apply', { site, text: cfg.text })).savedTo).toBe(cfg.path);
    expect(await call('config:check', { site })).toMatchObject({ ok: true });
    expect(await call('config:reload', { site })).toMatchObject({ ok: true });
    const bad = await client.request('config:apply', { site, text: 'maglev: [' });
    expect(bad).toMatchObject({ ok: false });
  });

  it('edits the config structurally, applies it and keeps it in the history', async () => {
    const site = (await call('sites:list', {}))[0]!.id;
    const cfg = await call('config:read', { site });
    const edit = { op: 'set', path: ['maglev', 'healthchecker', 'transition-history'], value: 7 };
    const { text } = await call('config:edit', { text: cfg.text, edits: [edit] });
    expect(text).toMatch(/transition-history: 7/);
    const refused = await client.request('config:edit', { text: cfg.text, edits: [{ op: 'remove-backend', name: 'no-such' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'nothing at maglev.backends.no-such' } });
    await call('config:apply', { site, text });
    const history = await call('config:history', { site });
    expect(history[0]).toMatchObject({ user: 'e2e', origin: 'web', path: cfg.path });
    expect((await call('config:history-get', { site, id: history[0]!.id })).text).toBe(text);
  });

  it('adds, edits and removes a site', async () => {
    const spec = { name: 'Far away', kind: 'remote' as const, address: '127.0.0.1:1' };
    const added = await call('sites:add', { spec });
    expect(added).toMatchObject({ name: 'Far away', kind: 'remote' });
    expect(await call('sites:edit', { site: added.id, spec: { ...spec, name: 'Farther' } })).toMatchObject({ name: 'Farther' });
    const id = (await call('sites:specs', {})).find((s) => s.spec.name === 'Farther')!.id;
    expect(await call('sites:remove', { site: id })).toEqual({ site: id });
  });

  it('has exercised every operation of the contract', () => {
    expect([...exercised].sort()).toEqual(Object.keys(operations).sort());
  });
});
