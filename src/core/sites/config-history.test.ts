import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigDiff } from '../../shared/model';
import { createFileConfigHistory } from './config-history';
import { startFakeService } from './testing/fake-service';
import type { RequestContext } from './types';

const diff: ConfigDiff = {
  backends: { added: ['web-z'], removed: [], restarted: [], unchanged: [] },
  frontends: { added: [], removed: [], changed: [], unchanged: [] },
  healthchecks: { added: [], removed: [], changed: [] },
  emptiedPools: [],
};
const meta = (atMs: number) => ({
  atMs,
  user: 'ana',
  host: 'ws-1',
  origin: 'electron',
  path: '/etc/maglev/lab.yaml',
  diff,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('config history store', () => {
  it('keeps applied configs newest first with their text, and only the newest `keep`', async () => {
    const h = createFileConfigHistory(dir, { keep: 3 });
    for (let i = 1; i <= 5; i++) await h.record('lab', meta(1_700_000_000_000 + i), `maglev: {} # v${i}\n`);
    const list = await h.list('lab');
    expect(list.map((e) => e.atMs - 1_700_000_000_000)).toEqual([5, 4, 3]);
    expect(list[0]).toMatchObject({ user: 'ana', host: 'ws-1', bytes: 'maglev: {} # v5\n'.length, diff });
    expect(await h.get('lab', list[2]!.id)).toEqual({ entry: list[2], text: 'maglev: {} # v3\n' });
    expect((await readdir(join(dir, 'lab'))).length).toBe(6);
    expect(await h.list('other')).toEqual([]);
  });

  it('skips foreign or corrupt files and refuses ids that are not its own', async () => {
    const h = createFileConfigHistory(dir);
    const e = await h.record('lab', meta(1000), 'a: 1\n');
    await writeFile(join(dir, 'lab', '000000000002000-aaaaaa.json'), '{ not json');
    await writeFile(join(dir, 'lab', 'notes.json'), '{}');
    expect((await h.list('lab')).map((x) => x.id)).toEqual([e.id]);
    expect(await h.get('lab', '../../etc/passwd')).toBeNull();
    expect(await h.get('lab', '000000000002000-aaaaaa')).toBeNull();
  });

  it('keeps site ids that are not plain slugs in a hashed folder', async () => {
    const h = createFileConfigHistory(dir);
    await h.record('../x', meta(1), 't\n');
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^h-[0-9a-f]{16}$/)]);
    expect(await h.list('../x')).toHaveLength(1);
  });
});

describe('config history operations', () => {
  const ctx: RequestContext = { readOnly: false, user: 'ana', host: 'ws-1', origin: 'web' };

  async function service() {
    const sites =
      'sites:\n  - { name: Lab, kind: local, config: lab.yaml }\n  - { name: Far, kind: remote, address: "127.0.0.1:9" }\n';
    const configHistory = createFileConfigHistory(join(dir, 'history'));
    const { service: svc, manager } = await startFakeService(dir, sites, {
      backendNames: ['a'],
      clockStartMs: 1_800_000_000_000,
      service: { configHistory },
    });
    return { svc, manager };
  }

  it('records each applied config with who applied it, lists it and returns its text', async () => {
    const { svc, manager } = await service();
    expect(await svc.invoke('config:apply', { site: 'lab', text: 'maglev: {} # one\n' }, ctx)).toMatchObject({
      ok: true,
    });
    expect(
      await svc.invoke('config:apply', { site: 'lab', text: 'maglev: {} # two\n' }, { ...ctx, user: 'bo' }),
    ).toMatchObject({ ok: true });
    const list = await svc.invoke<'config:history'>('config:history', { site: 'lab' }, ctx);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((e) => [e.user, e.host, e.origin, e.atMs])).toEqual([
      ['bo', 'ws-1', 'web', 1_800_000_000_000],
      ['ana', 'ws-1', 'web', 1_800_000_000_000],
    ]);
    const got = await svc.invoke('config:history-get', { site: 'lab', id: list.value[1]!.id }, ctx);
    expect(got).toMatchObject({ ok: true, value: { text: 'maglev: {} # one\n' } });
    await svc.dispose();
    await manager.dispose();
  });

  it('answers a remote site and an unknown id with errors that say why', async () => {
    const { svc, manager } = await service();
    expect(await svc.invoke('config:history', { site: 'far' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('remote') },
    });
    expect(
      await svc.invoke('config:history-get', { site: 'lab', id: '000000000000001-abcdef' }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await svc.invoke('config:history-get', { site: 'nope', id: 'x' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await svc.dispose();
    await manager.dispose();
  });
});
