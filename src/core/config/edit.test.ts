import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config, EditResult } from './index';
import {
  deleteIn,
  editConfigText,
  formatIssue,
  loadConfig,
  movePoolMember,
  renameBackend,
  renameHealthCheck,
  renameKey,
  setIn,
  setPoolWeight,
} from './index';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'config');
const VALID = readFileSync(join(FIXTURES, 'valid.yaml'), 'utf8');
const LEGACY = readFileSync(join(FIXTURES, 'legacy.yaml'), 'utf8');

function text(r: EditResult): string {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function load(t: string): Config {
  const r = loadConfig(t);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue('edited', i)).join('\n'));
  return r.config;
}

const commentsOf = (t: string): string[] => t.split('\n').flatMap((l) => /#.*$/.exec(l)?.[0] ?? []);

/** The lines of `after` that differ from `before`, when both have the same number of lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, i) => line !== a[i]);
}

const members = (c: Config, frontend: string, pool: string) =>
  c.frontends.find((f) => f.name === frontend)?.pools.find((p) => p.name === pool)?.backends.map((m) => `${m.backend}=${m.weight}`);

describe('editConfigText', () => {
  it('returns the text unchanged when nothing is edited', () => {
    expect(text(editConfigText(VALID, () => {}))).toBe(VALID);
    expect(text(editConfigText(LEGACY, () => {}))).toBe(LEGACY);
  });

  it('keeps CRLF line endings', () => {
    const crlf = VALID.replace(/\n/g, '\r\n');
    const out = text(movePoolMember(crlf, 'www-v4', 'primary', 'standby', 'web-b'));
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toBe(text(movePoolMember(VALID, 'www-v4', 'primary', 'standby', 'web-b')).replace(/\n/g, '\r\n'));
  });

  it('refuses text with YAML errors, and edits that throw', () => {
    expect(editConfigText('maglev: {', () => {})).toMatchObject({ ok: false, error: { code: 'YAML_INVALID' } });
    expect(setPoolWeight(VALID, 'nope', 'primary', 'web-a', 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(setPoolWeight(VALID, 'www-v4', 'primary', 'web-z', 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(setPoolWeight(VALID, 'www-v4', 'primary', 'web-a', 101)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(renameBackend(VALID, 'web-a', 'web-b')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(deleteIn(VALID, ['maglev', 'nothing'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('falls back to a full, still-commented render for edits it cannot splice', () => {
    const out = text(editConfigText(VALID, (doc) => doc.setIn(['maglev'], doc.createNode({ frontends: {} }))));
    expect(load(out).frontends).toEqual([]);
    const whole = text(editConfigText(VALID, (doc) => (doc.contents = doc.createNode({ maglev: { backends: {} } }))));
    expect(whole).toBe('maglev:\n  backends: {}\n');
  });
});

describe('setPoolWeight changes one line and keeps every comment', () => {
  it.each([
    ['an existing weight', 'www-v4', 'primary', 'web-b', '            web-b: { weight: 75 }'],
    ['an empty map member', 'www-v4', 'primary', 'web-a', '            web-a: { weight: 75 }'],
    ['a member with no value', 'www-v4', 'standby', 'web-c', '            web-c: { weight: 75 }'],
    ['a member inside a flow map', 'api', 'main', 'api-2', '          backends: { api-1: { weight: 100 }, api-2: { weight: 75 } }'],
  ])('%s', (_what, frontend, pool, backend, line) => {
    const out = text(setPoolWeight(VALID, frontend, pool, backend, 75));
    expect(changedLines(VALID, out)).toEqual([line]);
    expect(commentsOf(out)).toEqual(commentsOf(VALID));
    expect(members(load(out), frontend, pool)).toContain(`${backend}=75`);
  });

  it('for any member and weight (property)', () => {
    const c = load(VALID);
    const targets = c.frontends.flatMap((f) => f.pools.flatMap((p) => p.backends.map((m) => [f.name, p.name, m.backend] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.integer({ min: 0, max: 100 }), ([f, p, b], w) => {
        const out = text(setPoolWeight(VALID, f, p, b, w));
        expect(changedLines(VALID, out).length).toBeLessThanOrEqual(1);
        expect(commentsOf(out)).toEqual(commentsOf(VALID));
        expect(members(load(out), f, p)).toContain(`${b}=${w}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('structural edits keep comments and untouched lines', () => {
  it('moves a pool member with its weight into another pool', () => {
    const out = text(movePoolMember(VALID, 'www-v4', 'primary', 'standby', 'web-b'));
    const c = load(out);
    expect(members(c, 'www-v4', 'primary')).toEqual(['web-a=100']);
    expect(members(c, 'www-v4', 'standby')).toEqual(['web-c=100', 'web-b=50']);
    expect(commentsOf(out)).toEqual(commentsOf(VALID));
    expect(out).toContain('        - name: standby   # only when primary is fully down\n          backends:\n            web-c:\n            web-b: { weight: 50 }\n');
    expect(movePoolMember(VALID, 'www-v4', 'primary', 'standby', 'web-c')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('moves between a flow and a block map', () => {
    const c = load(text(movePoolMember(VALID, 'api', 'main', 'dns-fallback', 'api-1')));
    expect(members(c, 'api', 'main')).toEqual(['api-2=100']);
    expect(members(c, 'api', 'dns-fallback')).toEqual(['dns-1=0', 'api-1=100']);
  });

  it('renames a backend and its pool references in place', () => {
    const out = text(renameBackend(VALID, 'web-a', 'web-alpha'));
    expect(changedLines(VALID, out)).toEqual(['    web-alpha: { address: 10.0.0.10, healthcheck: web }', '            web-alpha: {}']);
    expect(members(load(out), 'www-v4', 'primary')).toEqual(['web-alpha=100', 'web-b=50']);
  });

  it('renames a healthcheck and the backends that use it', () => {
    const out = text(renameHealthCheck(VALID, 'dns-tcp', 'dns'));
    expect(changedLines(VALID, out)).toEqual(['    dns:', '    dns-1: { address: 10.0.2.53, healthcheck: dns }']);
    expect(load(out).backends.find((b) => b.name === 'dns-1')?.healthcheck).toBe('dns');
  });

  it('renames any key, adds and deletes entries', () => {
    expect(changedLines(VALID, text(renameKey(VALID, ['maglev', 'frontends', 'api'], 'api-v4')))).toEqual(['    api-v4:']);
    const added = text(setIn(VALID, ['maglev', 'backends', 'web-d'], { address: '10.0.0.13', healthcheck: 'web' }));
    expect(added).toContain('    web6-b: { address: "2001:db8:10::11", healthcheck: ping }\n    web-d:\n      address: 10.0.0.13\n      healthcheck: web\n\n  frontends:');
    expect(load(added).backends.at(-1)).toMatchObject({ name: 'web-d', address: '10.0.0.13' });
    const removed = text(deleteIn(VALID, ['maglev', 'backends', 'api-2']));
    expect(removed).not.toContain('api-2:\n');
    expect(VALID.split('\n').length - removed.split('\n').length).toBe(4);
  });

  it('sets a scalar without disturbing its trailing comment', () => {
    const out = text(setIn(VALID, ['maglev', 'backends', 'api-2', 'enabled'], true));
    expect(changedLines(VALID, out)).toEqual(['      enabled: true   # in maintenance until the disk is replaced']);
  });

  it('deletes and adds pools', () => {
    const out = text(deleteIn(VALID, ['maglev', 'frontends', 'www-v4', 'pools', 1]));
    expect(load(out).frontends[0]?.pools.map((p) => p.name)).toEqual(['primary']);
    expect(commentsOf(out)).toEqual(commentsOf(VALID).filter((c) => !c.includes('only when primary')));
  });
});

describe('layouts other than the fixture', () => {
  const ODD = [
    'maglev:',
    '  frontends:',
    '    f:',
    '      address: 192.0.2.1',
    '      port: 80',
    '      pools:',
    '      -   name: x   # compact, wide',
    '          backends: {a: {weight: 1}}',
    '      - name: y',
    '        backends:',
    '          b:',
    '',
  ].join('\n');

  it('keeps unindented sequences, wide dashes and unpadded flow maps', () => {
    expect(text(editConfigText(ODD, () => {}))).toBe(ODD);
    const there = text(movePoolMember(ODD, 'f', 'x', 'y', 'a'));
    expect(there).toBe(ODD.replace('{a: {weight: 1}}', '{}').replace('          b:\n', '          b:\n          a: {weight: 1}\n'));
    const back = text(movePoolMember(ODD, 'f', 'y', 'x', 'b'));
    expect(back).toBe(ODD.replace('{a: {weight: 1}}', '{a: {weight: 1}, b:}').replace('        backends:\n          b:\n', '        backends: {}\n'));
    const dropped = text(deleteIn(ODD, ['maglev', 'frontends', 'f', 'pools', 0]));
    expect(dropped).toBe(ODD.replace('      -   name: x   # compact, wide\n          backends: {a: {weight: 1}}\n', ''));
  });
});
