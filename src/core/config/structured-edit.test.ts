import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ConfigEdit } from '../../shared/model';
import { loadConfig } from './load';
import { applyConfigEdits } from './structured-edit';

const TEXT = `# lab site, owned by the NOC
maglev:
  healthchecks:
    http: # the usual one
      type: http
      port: 80
      params: { path: /healthz }
  backends:
    web-a: { address: 127.0.0.11, healthcheck: http } # rack 1
    web-b: { address: 127.0.0.12, healthcheck: http }
    web-c: { address: 127.0.0.13, healthcheck: http } # rack 2
  frontends:
    www:
      address: 192.0.2.1
      protocol: tcp
      port: 80
      pools:
        - name: primary
          backends:
            web-a: {}
            web-b: { weight: 50 } # half, since the upgrade
        - name: standby
          backends: { web-c: {} }
`;

function edit(...edits: ConfigEdit[]): string {
  const r = applyConfigEdits(TEXT, edits);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
const data = (text: string) =>
  parse(text) as { maglev: Record<string, Record<string, Record<string, unknown>>> };
const pools = (text: string) =>
  data(text).maglev['frontends']!['www']!['pools'] as {
    name: string;
    backends: Record<string, { weight?: number }>;
  }[];
const valid = (text: string) => expect(loadConfig(text, { fileName: 'lab.yaml' }).ok).toBe(true);
const comments = ['# lab site, owned by the NOC', '# the usual one', '# rack 1', '# rack 2'];
const keepsComments = (text: string) => comments.forEach((c) => expect(text).toContain(c));

describe('applyConfigEdits', () => {
  it('sets a pool weight and touches only that line', () => {
    const out = edit({ op: 'set-weight', frontend: 'www', pool: 'primary', backend: 'web-a', weight: 30 });
    expect(pools(out)[0]!.backends['web-a']).toEqual({ weight: 30 });
    const changed = out.split('\n').filter((l, i) => l !== TEXT.split('\n')[i]);
    expect(changed).toEqual(['            web-a: { weight: 30 }']);
    valid(out);
  });

  it('moves a backend to the standby pool at an index, keeping its weight and comment', () => {
    const out = edit({
      op: 'move-member',
      frontend: 'www',
      from: 'primary',
      to: 'standby',
      backend: 'web-b',
      index: 0,
    });
    expect(Object.keys(pools(out)[1]!.backends)).toEqual(['web-b', 'web-c']);
    expect(pools(out)[1]!.backends['web-b']).toEqual({ weight: 50 });
    expect(Object.keys(pools(out)[0]!.backends)).toEqual(['web-a']);
    keepsComments(out);
    valid(out);
  });

  it('reorders pools (failover order)', () => {
    const out = edit({ op: 'move-pool', frontend: 'www', pool: 'standby', index: 0 });
    expect(pools(out).map((p) => p.name)).toEqual(['standby', 'primary']);
    keepsComments(out);
    valid(out);
  });

  it('adds a backend and puts it in a pool in one call, in the style of its siblings', () => {
    const out = edit(
      { op: 'add-backend', name: 'web-d', address: '127.0.0.14', healthcheck: 'http' },
      { op: 'add-member', frontend: 'www', pool: 'standby', backend: 'web-d', weight: 20 },
    );
    expect(out).toContain('    web-d: { address: 127.0.0.14, healthcheck: http }\n');
    expect(pools(out)[1]!.backends['web-d']).toEqual({ weight: 20 });
    keepsComments(out);
    valid(out);
  });

  it('disables and re-enables a backend in the file', () => {
    const off = edit({ op: 'set', path: ['maglev', 'backends', 'web-c', 'enabled'], value: false });
    expect(data(off).maglev['backends']!['web-c']).toMatchObject({ enabled: false });
    valid(off);
    const on = applyConfigEdits(off, [{ op: 'delete', path: ['maglev', 'backends', 'web-c', 'enabled'] }]);
    expect(on).toEqual({ ok: true, value: TEXT });
  });

  it('edits a health check interval, rise and HTTP path', () => {
    const out = edit(
      { op: 'set', path: ['maglev', 'healthchecks', 'http', 'interval'], value: '2s' },
      { op: 'set', path: ['maglev', 'healthchecks', 'http', 'rise'], value: 3 },
      { op: 'set', path: ['maglev', 'healthchecks', 'http', 'params', 'path'], value: '/ready' },
    );
    expect(data(out).maglev['healthchecks']!['http']).toMatchObject({
      interval: '2s',
      rise: 3,
      params: { path: '/ready' },
    });
    keepsComments(out);
    valid(out);
  });

  it('duplicates a frontend right after the original; a new port makes it valid', () => {
    const out = edit(
      { op: 'duplicate-frontend', frontend: 'www', as: 'www-8080' },
      { op: 'set', path: ['maglev', 'frontends', 'www-8080', 'port'], value: 8080 },
    );
    expect(Object.keys(data(out).maglev['frontends']!)).toEqual(['www', 'www-8080']);
    expect(data(out).maglev['frontends']!['www-8080']).toMatchObject({ address: '192.0.2.1', port: 8080 });
    expect(data(out).maglev['frontends']!['www']).toMatchObject({ port: 80 });
    valid(out);
  });

  it('renames a backend everywhere and removes one with its memberships', () => {
    const renamed = edit({ op: 'rename-backend', from: 'web-c', to: 'web-z' });
    expect(Object.keys(pools(renamed)[1]!.backends)).toEqual(['web-z']);
    valid(renamed);
    const removed = edit({ op: 'remove-backend', name: 'web-b' });
    expect(Object.keys(pools(removed)[0]!.backends)).toEqual(['web-a']);
    expect(removed).not.toContain('web-b');
    valid(removed);
  });

  it('adds a pool, then a member, and removes pools and frontends', () => {
    const out = edit(
      { op: 'add-pool', frontend: 'www', pool: 'dr' },
      { op: 'add-member', frontend: 'www', pool: 'dr', backend: 'web-a' },
    );
    expect(pools(out)[2]).toEqual({ name: 'dr', backends: { 'web-a': {} } });
    valid(out);
    expect(pools(edit({ op: 'remove-pool', frontend: 'www', pool: 'standby' })).map((p) => p.name)).toEqual([
      'primary',
    ]);
    expect(data(edit({ op: 'remove-frontend', frontend: 'www' })).maglev['frontends']).toEqual({});
  });

  it('adds a health check', () => {
    const out = edit({ op: 'add-healthcheck', name: 'tcp22', fields: { type: 'tcp', port: 22 } });
    expect(data(out).maglev['healthchecks']!['tcp22']).toEqual({ type: 'tcp', port: 22 });
    valid(out);
  });

  it('refuses impossible edits with what and where, all or nothing', () => {
    const cases: [ConfigEdit[], string, RegExp][] = [
      [
        [{ op: 'add-member', frontend: 'www', pool: 'primary', backend: 'nope' }],
        'NOT_FOUND',
        /no backend "nope"/,
      ],
      [
        [{ op: 'add-member', frontend: 'www', pool: 'primary', backend: 'web-a' }],
        'INVALID_ARGUMENT',
        /already has "web-a"/,
      ],
      [
        [{ op: 'move-member', frontend: 'www', from: 'primary', to: 'gone', backend: 'web-a' }],
        'NOT_FOUND',
        /no pool "gone"/,
      ],
      [[{ op: 'add-backend', name: 'web-a', address: '127.0.0.9' }], 'INVALID_ARGUMENT', /already exists/],
      [[{ op: 'rename-frontend', from: 'nope', to: 'x' }], 'NOT_FOUND', /no key "nope"/],
      [
        [
          { op: 'set-weight', frontend: 'www', pool: 'primary', backend: 'web-a', weight: 10 },
          { op: 'duplicate-frontend', frontend: 'www', as: 'www' },
        ],
        'INVALID_ARGUMENT',
        /^edit 2 \(duplicate-frontend\): a frontend "www" already exists/,
      ],
    ];
    for (const [edits, code, message] of cases) {
      const r = applyConfigEdits(TEXT, edits);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
    expect(applyConfigEdits('maglev: {', [{ op: 'delete', path: ['maglev'] }])).toMatchObject({
      ok: false,
      error: { code: 'YAML_INVALID' },
    });
  });

  it('creates the backends map of an empty file', () => {
    const r = applyConfigEdits('maglev: {}\n', [{ op: 'add-backend', name: 'a', address: '127.0.0.1' }]);
    expect(r.ok && parse(r.value)).toEqual({ maglev: { backends: { a: { address: '127.0.0.1' } } } });
  });
});
