import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NULL_SINK, createLogger } from '../log';
import { createSystemClock } from '../util';
import type { Site, SiteEvent } from './types';
import { createLocalSite } from './local-site';
import type { TestBackend } from './testing/loopback';
import { nextEvent, startTestBackend, waitForSite } from './testing/loopback';

const SMALL = new URL('../../../test/fixtures/sites/small.yaml', import.meta.url);
const INVALID = new URL('../../../test/fixtures/sites/invalid-semantic.yaml', import.meta.url);

let dir: string;
let path: string;
let backends: TestBackend[] = [];
let site: Site | null = null;

async function smallConfig(port: number): Promise<string> {
  return (await readFile(SMALL, 'utf8')).replace('port: 8080', `port: ${port}`);
}

async function open(): Promise<Site> {
  site = await createLocalSite({
    id: 'paris',
    spec: { name: 'Paris', kind: 'local', config: path },
    clock: createSystemClock(),
    random: Math.random,
    logger: createLogger('test', NULL_SINK),
  });
  return site;
}

const isUp = (name: string) => (s: Site) => s.getBackend(name)?.state === 'up';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-site-'));
  path = join(dir, 'maglev.yaml');
});
afterEach(async () => {
  await site?.dispose();
  site = null;
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
  await rm(dir, { recursive: true, force: true });
});

describe('local site', () => {
  it('runs the checker on the config file and serves its snapshot, history and transitions', async () => {
    const web = await startTestBackend(200);
    backends.push(web);
    await writeFile(path, await smallConfig(web.port));
    const s = await open();
    const seen: SiteEvent[] = [];
    s.subscribe((e) => seen.push(e));
    expect(s.status().state).toBe('ready');
    await waitForSite(s, isUp('web-a'));
    expect(s.summary()).toMatchObject({ id: 'paris', kind: 'local', location: path, state: 'ready', frontendsUp: 1, frontendsTotal: 1, configEditable: true });
    expect(s.summary().backends.up).toBe(1);
    expect(s.listFrontends().map((f) => f.name)).toEqual(['www']);
    expect(s.listHealthChecks().map((h) => h.name)).toEqual(['web']);
    expect(s.transitions({}).map((t) => `${t.backend} ${t.from}->${t.to}`)).toEqual(['web-a unknown->up']);
    const history = s.history(['web-a', 'nope']);
    expect(history.map((h) => h.backend)).toEqual(['web-a']);
    expect([history[0]?.ok[0], history[0]?.code[0], history[0]?.state[0]]).toEqual([true, 'L7OK', 'up']);
    expect(seen.some((e) => e.type === 'probing' && e.backend === 'web-a' && e.probing)).toBe(true);
    expect(s.recentLogs('debug').some((r) => r.msg === 'probe-done')).toBe(true);

    web.setStatus(503);
    await waitForSite(s, (x) => x.getBackend('web-a')?.state === 'down');
    expect(s.transitions({ states: ['down'] })[0]).toMatchObject({ backend: 'web-a', from: 'up', to: 'down', code: 'L7STS' });
    expect(s.summary().worst).toBe('frontend www down');
    expect((await s.pause('web-a')).ok).toBe(true);
    expect(s.getBackend('web-a')?.state).toBe('paused');
    expect(await s.pause('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exists offline with the first errors when its config is invalid, and starts on reload once fixed', async () => {
    const web = await startTestBackend(200);
    backends.push(web);
    await writeFile(path, await readFile(INVALID, 'utf8'));
    const s = await open();
    expect(s.status()).toEqual({
      state: 'offline',
      lastError: 'maglev.yaml:5:47: maglev.backends.web-a.healthcheck: no healthcheck named "wbe" (did you mean "web"?)',
      lastContactMs: null,
    });
    expect(s.summary()).toMatchObject({ state: 'offline', frontendsTotal: 0 });
    expect(await s.pause('web-a')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await s.checkConfig()).toEqual({
      ok: true,
      value: { ok: false, parseError: '', semanticError: expect.stringMatching(/^maglev.yaml:5:47: /) },
    });
    await writeFile(path, 'maglev: [\n');
    const parse = await s.reloadConfig();
    expect(parse.ok && parse.value).toMatchObject({ ok: false, parseError: expect.stringMatching(/^maglev.yaml:\d+:\d+: /), semanticError: '' });
    expect(s.status().state).toBe('offline');

    await writeFile(path, await smallConfig(web.port));
    const ready = nextEvent(s, (e) => e.type === 'status');
    expect(await s.reloadConfig()).toEqual({ ok: true, value: { ok: true, parseError: '', semanticError: '' } });
    expect(await ready).toEqual({ type: 'status', status: { state: 'ready', lastError: null, lastContactMs: null } });
    await waitForSite(s, isUp('web-a'));
  });

  it('never applies an invalid config: the file and the checker stay as they were', async () => {
    const web = await startTestBackend(200);
    backends.push(web);
    const original = await smallConfig(web.port);
    await writeFile(path, original);
    const s = await open();
    await waitForSite(s, isUp('web-a'));
    const bad = original.replace('healthcheck: web', 'healthcheck: wbe');
    const refused = await s.applyConfig(bad);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID', message: expect.stringContaining('no healthcheck named "wbe"') } });
    expect(await readFile(path, 'utf8')).toBe(original);
    expect(s.listBackends().map((b) => [b.name, b.state])).toEqual([['web-a', 'up']]);
    expect(await s.diffConfig(bad)).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
  });

  it('applies a valid config: saves it atomically, reloads, and reports the diff', async () => {
    const [a, b] = [await startTestBackend(200), await startTestBackend(200)];
    backends.push(a, b);
    const original = await smallConfig(a.port);
    await writeFile(path, original);
    const s = await open();
    await waitForSite(s, isUp('web-a'));
    const next = original
      .replace('  backends:\n', `  backends:\n    web-b: { address: 127.0.0.1, healthcheck: web-b }\n`)
      .replace('  healthchecks:\n', `  healthchecks:\n    web-b: { type: tcp, port: ${b.port}, interval: 1s, timeout: 200ms, rise: 1, fall: 1 }\n`)
      .replace('            web-a: {}', '            web-a: {}\n            web-b: { weight: 50 }');
    expect(await s.readConfig()).toEqual({ ok: true, value: { path, text: original, editable: true, legacy: false } });
    const preview = await s.diffConfig(next);
    expect(preview.ok && preview.value?.backends.added).toEqual(['web-b']);
    const resynced = nextEvent(s, (e) => e.type === 'resync');
    const applied = await s.applyConfig(next);
    expect(applied).toMatchObject({ ok: true, value: { savedTo: path, diff: { backends: { added: ['web-b'], unchanged: ['web-a'] } } } });
    expect(await readFile(path, 'utf8')).toBe(next);
    await resynced;
    await waitForSite(s, isUp('web-b'));
    expect(s.getFrontend('www')?.pools[0]?.backends.map((m) => [m.name, m.weight])).toEqual([['web-a', 100], ['web-b', 50]]);
  });

  it('keeps running its config when a reload finds the file invalid', async () => {
    const web = await startTestBackend(200);
    backends.push(web);
    await writeFile(path, await smallConfig(web.port));
    const s = await open();
    await waitForSite(s, isUp('web-a'));
    await writeFile(path, await readFile(INVALID, 'utf8'));
    const r = await s.reloadConfig();
    expect(r.ok && r.value).toMatchObject({ ok: false, parseError: '', semanticError: expect.stringContaining('"wbe"') });
    expect(s.status().state).toBe('ready');
    expect(s.getBackend('web-a')?.state).toBe('up');
  });
});
