import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../../shared/ipc';
import { operations } from '../../shared/ipc';
import type { RequestContext, SiteService } from './types';
import type { SiteManager } from './manager-types';
import type { AuditRecord } from './site-service';
import type { FakeSite } from './testing/fake-site';
import { startFakeService } from './testing/fake-service';

const SMALL = new URL('../../../test/fixtures/sites/small.yaml', import.meta.url);
const ctx: RequestContext = { readOnly: false, user: 'ana', host: 'ws-1', origin: 'electron' };

let dir: string;
let manager: SiteManager;
let service: SiteService;
let sites: Map<string, FakeSite>;
let audit: AuditRecord[];

async function setup(readOnly = false, backendNames = ['a', 'b']) {
  audit = [];
  const sitesYaml = 'sites:\n  - { name: Paris, kind: local, config: paris.yaml }\n  - { name: Berlin, kind: remote, address: "127.0.0.1:9" }\n';
  ({ manager, service, sites } = await startFakeService(dir, sitesYaml, {
    backendNames,
    service: { readOnly, version: '1.2.3', audit: { record: (r) => audit.push(r) } },
  }));
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
