import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NULL_SINK, createLogger } from '../log';
import { createSystemClock } from '../util';
import type { SiteSpec } from '../../shared/model';
import type { ManagerEvent, SiteFactoryInput, SiteManager } from './manager-types';
import { createSiteManager } from './site-manager';
import type { FakeSite } from './testing/fake-site';
import { createFakeSite } from './testing/fake-site';

const FILE = `# production sites
sites:
  - name: Paris DC
    kind: local
    config: paris/maglev.yaml # next to this file
  - name: Berlin
    kind: remote
    address: 127.0.0.1:9
  - name: broken
    kind: remote
    address: nohost
`;

let dir: string;
let manager: SiteManager | null = null;
const built: SiteFactoryInput[] = [];
const sites: FakeSite[] = [];

function make(options: { failOn?: string; demo?: boolean } = {}) {
  manager = createSiteManager({
    sitesPath: join(dir, 'sites.yaml'),
    clock: createSystemClock(),
    random: Math.random,
    logger: createLogger('test', NULL_SINK),
    siteFactory: (input) => {
      built.push(input);
      if (input.spec.name === options.failOn) throw new Error('boom: cannot start');
      const site = createFakeSite(input.id, input.spec);
      sites.push(site);
      return site;
    },
    demoFactory: options.demo === false ? null : async ({ id }) => {
      const site = createFakeSite(id, { name: 'Demo', kind: 'local', config: join(dir, 'demo/maglev.yaml') }, ['d1'], true);
      sites.push(site);
      return site;
    },
  });
  return manager;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sites-manager-'));
  built.length = 0;
  sites.length = 0;
});
afterEach(async () => {
  await manager?.dispose();
  manager = null;
  await rm(dir, { recursive: true, force: true });
});

describe('site manager', () => {
  it('starts every valid site in file order with slug ids and resolved config paths', async () => {
    await writeFile(join(dir, 'sites.yaml'), FILE);
    const m = make();
    await m.start();
    expect(m.list().map((s) => s.id)).toEqual(['paris-dc', 'berlin']);
    expect(built.find((b) => b.id === 'paris-dc')?.spec).toEqual({ name: 'Paris DC', kind: 'local', config: join(dir, 'paris/maglev.yaml') });
    expect(m.specs()[0]).toEqual({ id: 'paris-dc', spec: { name: 'Paris DC', kind: 'local', config: 'paris/maglev.yaml' } });
    expect(m.issues().map((i) => `${i.line}:${i.col} ${i.path}`)).toEqual(['11:14 sites[2].address']);
  });

  it('lists a site whose construction threw as offline, and the others keep working', async () => {
    await writeFile(join(dir, 'sites.yaml'), FILE);
    const m = make({ failOn: 'Paris DC' });
    await m.start();
    const paris = m.get('paris-dc')!;
    expect(paris.summary()).toMatchObject({ state: 'offline', lastError: 'boom: cannot start' });
    expect(await paris.pause('x')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(m.get('berlin')!.summary().state).toBe('ready');
  });

  it('contains a throwing listener and forwards site events to the others', async () => {
    await writeFile(join(dir, 'sites.yaml'), FILE);
    const m = make();
    await m.start();
    const seen: ManagerEvent[] = [];
    m.subscribe(() => {
      throw new Error('listener bug');
    });
    m.subscribe((e) => seen.push(e));
    sites[0]!.transition('a', 'down', 1000);
    sites[0]!.transition('a', 'up', 2000);
    expect(seen.filter((e) => e.type === 'site')).toHaveLength(2);
  });

  it('adds, edits and removes sites, saving the file atomically with its comments', async () => {
    await writeFile(join(dir, 'sites.yaml'), FILE);
    const m = make();
    await m.start();
    const changes: ManagerEvent[] = [];
    m.subscribe((e) => changes.push(e));
    const added = await m.add({ name: 'Lab', kind: 'remote', address: '[::1]:9090', tls: { serverName: 'lab' } });
    expect(added.ok && added.value.id).toBe('lab');
    let text = await readFile(join(dir, 'sites.yaml'), 'utf8');
    expect(text).toContain('# production sites');
    expect(text).toContain('config: paris/maglev.yaml # next to this file');
    expect(text).toContain('      server-name: lab');

    const edited = await m.edit('paris-dc', { name: 'Paris', kind: 'local', config: 'paris/new.yaml' });
    expect(edited.ok && edited.value.id).toBe('paris');
    expect(sites[0]!.disposed).toBe(true);
    expect(m.list().map((s) => s.id)).toEqual(['paris', 'berlin', 'lab']);
    text = await readFile(join(dir, 'sites.yaml'), 'utf8');
    expect(text).toContain('config: paris/new.yaml # next to this file');

    expect(await m.remove('berlin')).toEqual({ ok: true, value: { site: 'berlin' } });
    text = await readFile(join(dir, 'sites.yaml'), 'utf8');
    expect(text).not.toContain('Berlin');
    expect(text).toContain('name: broken'); // an invalid entry is left for its owner to fix
    expect(changes.filter((e) => e.type === 'sites-changed')).toHaveLength(3);
  });

  it('refuses duplicates, invalid specs, unknown ids and edits of a broken file, changing nothing', async () => {
    await writeFile(join(dir, 'sites.yaml'), FILE);
    const m = make();
    await m.start();
    const before = await readFile(join(dir, 'sites.yaml'), 'utf8');
    expect(await m.add({ name: 'Berlin', kind: 'local', config: 'x.yaml' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'a site named "Berlin" already exists' } });
    expect(await m.add({ name: 'X', kind: 'remote', address: 'h:99999' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^sites.yaml:\d+:\d+: sites\[3\].address: port 99999/) } });
    expect(await m.add({ name: 'Y', kind: 'remote', address: 'bad' } as SiteSpec)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await m.edit('nope', { name: 'Z', kind: 'local', config: 'z' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await readFile(join(dir, 'sites.yaml'), 'utf8')).toBe(before);
    await writeFile(join(dir, 'sites.yaml'), 'sites: [\n');
    expect(await m.remove('berlin')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('sites.yaml:') } });
    expect(m.get('berlin')).toBeDefined();
  });

  it('runs the demo while there is no sites file, and drops it when a site is added', async () => {
    const m = make();
    await m.start();
    expect(m.list().map((s) => [s.id, s.demo])).toEqual([['demo', true]]);
    expect(m.specs()).toEqual([]);
    const demo = sites[0]!;
    expect((await m.edit('demo', { name: 'x', kind: 'local', config: 'x' })).ok).toBe(false);
    await m.add({ name: 'Mine', kind: 'local', config: 'mine.yaml' });
    expect(demo.disposed).toBe(true);
    expect(m.list().map((s) => s.id)).toEqual(['mine']);
    expect(await readFile(join(dir, 'sites.yaml'), 'utf8')).toMatch(/^# maglev-monitor sites/);
  });

  it('writes an empty sites file when the demo is removed, so that it stays away', async () => {
    const m = make();
    await m.start();
    expect((await m.remove('demo')).ok).toBe(true);
    expect(m.list()).toEqual([]);
    await m.dispose();
    const again = make();
    await again.start();
    expect(again.list()).toEqual([]);
  });

  it('disposes every site on dispose', async () => {
    await writeFile(join(dir, 'sites.yaml'), FILE);
    const m = make();
    await m.start();
    await m.dispose();
    expect(sites.every((s) => s.disposed)).toBe(true);
    expect(await m.add({ name: 'late', kind: 'local', config: 'l' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
