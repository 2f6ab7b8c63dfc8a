// Several real sites at once: a local site on loopback HTTP backends, two remote sites on real daemons
// (the project's own maglevd, started in-process), plus a local site with a bad config and a remote
// site whose daemon is unreachable, which must not disturb the others.
import { createServer } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, OperationName } from '../../shared/ipc';
import { operations } from '../../shared/ipc';
import { NULL_SINK, createLogger } from '../log';
import { createSystemClock } from '../util';
// eslint-disable-next-line import-x/no-restricted-paths -- test-only: real daemons for the remote sites (the brief asks for it)
import { startDaemon, type RunningDaemon } from '../../daemon/daemon';
import type { RequestContext, Site, SiteService } from './types';
import type { SiteManager } from './manager-types';
import { createSiteManager } from './site-manager';
import { createSiteService } from './site-service';
import type { TestBackend } from './testing/loopback';
import { startTestBackend, waitForSite } from './testing/loopback';

const SMALL = new URL('../../../test/fixtures/sites/small.yaml', import.meta.url);
const INVALID = new URL('../../../test/fixtures/sites/invalid-semantic.yaml', import.meta.url);
const ctx: RequestContext = { readOnly: false, user: 'noc', host: 'test', origin: 'web' };

let dir: string;
const backends: TestBackend[] = [];
const daemons: RunningDaemon[] = [];
let manager: SiteManager;
let service: SiteService;

/** A port that was free a moment ago and now refuses connections. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof addr === 'object' && addr ? addr.port : 0;
}

async function configFor(port: number): Promise<string> {
  return (await readFile(SMALL, 'utf8')).replace('port: 8080', `port: ${port}`);
}

async function daemonOn(configPath: string): Promise<RunningDaemon> {
  const r = await startDaemon({ configPath, grpcAddr: '127.0.0.1:0', logSink: NULL_SINK, reflection: false });
  if (!r.ok) throw new Error(r.error.message);
  daemons.push(r.daemon);
  return r.daemon;
}

function nextServiceEvent<E extends EventName>(event: E, match: (p: EventPayload<E>) => boolean): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = service.onEvent((name: EventName, payload: unknown) => {
      if (name !== event || !match(payload as EventPayload<E>)) return;
      off();
      resolve(payload as EventPayload<E>);
    });
  });
}

const site = (id: string): Site => {
  const s = manager.get(id);
  if (!s) throw new Error(`no site ${id}`);
  return s;
};
const upAndReady = (s: Site) => s.status().state === 'ready' && s.getBackend('web-a')?.state === 'up';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sites-integration-'));
  for (let i = 0; i < 3; i++) backends.push(await startTestBackend(200));
  await writeFile(join(dir, 'paris.yaml'), await configFor(backends[0]!.port));
  await writeFile(join(dir, 'berlin.yaml'), await configFor(backends[1]!.port));
  await writeFile(join(dir, 'tokyo.yaml'), await configFor(backends[2]!.port));
  await writeFile(join(dir, 'broken.yaml'), await readFile(INVALID, 'utf8'));
  const [berlin, tokyo] = [await daemonOn(join(dir, 'berlin.yaml')), await daemonOn(join(dir, 'tokyo.yaml'))];
  await writeFile(
    join(dir, 'sites.yaml'),
    [
      'sites:',
      '  - { name: Paris, kind: local, config: paris.yaml }',
      `  - { name: Berlin, kind: remote, address: "127.0.0.1:${berlin.port}" }`,
      `  - { name: Tokyo, kind: remote, address: "127.0.0.1:${tokyo.port}" }`,
      '  - { name: Broken, kind: local, config: broken.yaml }',
      `  - { name: Gone, kind: remote, address: "127.0.0.1:${await closedPort()}" }`,
      '',
    ].join('\n'),
  );
  const clock = createSystemClock();
  manager = createSiteManager({ sitesPath: join(dir, 'sites.yaml'), clock, random: Math.random, logger: createLogger('test', NULL_SINK) });
  await manager.start();
  service = createSiteService({ manager, readOnly: false, version: 't', sitesPath: join(dir, 'sites.yaml'), host: 'web', user: 'noc', clock });
});

afterAll(async () => {
  await service?.dispose();
  await manager?.dispose();
  await Promise.all(daemons.map((d) => d.stop()));
  await Promise.all(backends.map((b) => b.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('several sites at once', () => {
  it('runs the healthy sites while the broken ones report why', async () => {
    expect(manager.list().map((s) => s.id)).toEqual(['paris', 'berlin', 'tokyo', 'broken', 'gone']);
    await Promise.all(['paris', 'berlin', 'tokyo'].map((id) => waitForSite(site(id), upAndReady)));
    expect(site('broken').status()).toMatchObject({ state: 'offline', lastError: expect.stringContaining('broken.yaml:5:47: maglev.backends.web-a.healthcheck') });
    await waitForSite(site('gone'), (s) => s.status().state === 'offline');
    expect(site('gone').status().lastError).toMatch(/UNAVAILABLE/);

    const list = await service.invoke('sites:list', {}, ctx);
    const states = list.ok ? (list.value as { id: string; state: string; backends: { up: number } }[]).map((s) => [s.id, s.state, s.backends.up]) : [];
    expect(states).toEqual([['paris', 'ready', 1], ['berlin', 'ready', 1], ['tokyo', 'ready', 1], ['broken', 'offline', 0], ['gone', 'offline', 0]]);
  });

  it('answers read operations on real sites with values that match the contract', async () => {
    await Promise.all(['paris', 'berlin'].map((id) => waitForSite(site(id), upAndReady)));
    for (const id of ['paris', 'berlin', 'broken', 'gone']) {
      const reads: [OperationName, unknown][] = [
        ['sites:get', { site: id }],
        ['frontends:list', { site: id }],
        ['backends:list', { site: id }],
        ['healthchecks:list', { site: id }],
        ['history:range', { site: id, backends: ['web-a'] }],
        ['transitions:range', { site: id }],
        ['logs:recent', { site: id, level: 'debug' }],
        ['config:read', { site: id }],
      ];
      for (const [op, payload] of reads) {
        const r = await service.invoke(op, payload, ctx);
        expect(r.ok, `${op} ${id}: ${JSON.stringify(r)}`).toBe(true);
        if (r.ok) expect(operations[op].response.safeParse(r.value).success, `${op} ${id}`).toBe(true);
      }
    }
  });

  it('acts on a remote site through its daemon and pushes the change as a batch', async () => {
    await waitForSite(site('berlin'), upAndReady);
    const pushed = nextServiceEvent('health:changed', (p) => p.site === 'berlin' && p.transitions.some((t) => t.to === 'paused'));
    const paused = await service.invoke('backends:pause', { site: 'berlin', backend: 'web-a' }, ctx);
    expect(paused).toMatchObject({ ok: true, value: { name: 'web-a', state: 'paused' } });
    expect(daemons[0]!.checker.getBackend('web-a')?.state).toBe('paused');
    const batch = await pushed;
    expect(batch.backends.find((b) => b.name === 'web-a')?.state).toBe('paused');
    expect(site('tokyo').getBackend('web-a')?.state).toBe('up');
    expect(await service.invoke('config:check', { site: 'berlin' }, ctx)).toEqual({ ok: true, value: { ok: true, parseError: '', semanticError: '' } });
    expect(await service.invoke('config:apply', { site: 'berlin', text: 'x' }, ctx)).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect(await service.invoke('backends:resume', { site: 'berlin', backend: 'web-a' }, ctx)).toMatchObject({ ok: true });
  });

  it('refuses to apply an invalid config to a local site: nothing changes on disk or in the checker', async () => {
    const before = await readFile(join(dir, 'paris.yaml'), 'utf8');
    const bad = before.replace('healthcheck: web', 'healthcheck: nope');
    const refused = await service.invoke('config:apply', { site: 'paris', text: bad }, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID', message: expect.stringContaining('paris.yaml:') } });
    expect(await readFile(join(dir, 'paris.yaml'), 'utf8')).toBe(before);
    expect(site('paris').getBackend('web-a')?.healthcheck).toBe('web');
    const diff = await service.invoke('config:diff', { site: 'paris', text: before }, ctx);
    expect(diff).toMatchObject({ ok: true, value: { validation: { ok: true }, diff: { backends: { unchanged: ['web-a'] } } } });
  });

  it('fixes the broken local site from its config, while the others keep running', async () => {
    await writeFile(join(dir, 'broken.yaml'), await configFor(backends[0]!.port));
    expect(await service.invoke('config:reload', { site: 'broken' }, ctx)).toEqual({ ok: true, value: { ok: true, parseError: '', semanticError: '' } });
    await waitForSite(site('broken'), upAndReady);
    expect(site('paris').status().state).toBe('ready');
  });
});
