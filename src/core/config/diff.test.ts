import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendNeedsRestart, backendRestartReasons, diffConfigs, formatIssue, indexConfig, loadConfig } from './index';
import type { Config } from './index';

const BASE = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'config', 'valid.yaml'), 'utf8');

function load(text: string): Config {
  const r = loadConfig(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue('x', i)).join('\n'));
  return r.config;
}

/** The base config with exact-text replacements (each must match once). */
function variant(...edits: [string, string][]): Config {
  let text = BASE;
  for (const [from, to] of edits) {
    expect(text.split(from)).toHaveLength(2);
    text = text.replace(from, to);
  }
  return load(text);
}

const base = load(BASE);
const ALL = base.backends.map((b) => b.name);

describe('diffConfigs', () => {
  it('finds nothing between equal configs', () => {
    const d = diffConfigs(base, load(BASE));
    expect(d.backends).toEqual({ added: [], removed: [], restarted: [], unchanged: ALL });
    expect(d.frontends).toEqual({ added: [], removed: [], changed: [], unchanged: ['www-v4', 'api', 'www-v6'] });
    expect(d.healthchecks).toEqual({ added: [], removed: [], changed: [] });
    expect(d.emptiedPools).toEqual([]);
  });

  it('restarts exactly the backends of a changed check, never for weights', () => {
    const next = variant(['      fast-interval: 1s\n      down-interval: 10s', '      fast-interval: 1s\n      down-interval: 20s'], ['web-b: { weight: 50 }', 'web-b: { weight: 40 }']);
    const d = diffConfigs(base, next);
    expect(d.backends.restarted).toEqual(['web-a', 'web-b', 'web-c', 'web6-a']);
    expect(d.healthchecks.changed).toEqual(['web']);
    expect(d.frontends.changed).toEqual([{ name: 'www-v4', changes: ['pool primary: web-b weight 50 → 40'], weightOnly: true }]);
  });

  it('restarts on address, probe source (by family) and netns changes', () => {
    expect(diffConfigs(base, variant(['address: 10.0.1.1', 'address: 10.0.1.9'])).backends.restarted).toEqual(['api-1']);
    const v6src = diffConfigs(base, variant(['probe-ipv6-src: 2001:db8::2', 'probe-ipv6-src: 2001:db8::3']));
    expect(v6src.backends.restarted).toEqual(['web6-a', 'web6-b']);
    expect(diffConfigs(base, variant(['netns: ""', 'netns: blue'])).backends.restarted).toEqual(ALL);
  });

  it('compares checks by content: renaming a check to an identical one restarts nothing', () => {
    const text = BASE.replace('    ping:\n', '    ping2:\n').replace('healthcheck: ping }', 'healthcheck: ping2 }');
    const d = diffConfigs(base, load(text));
    expect(d.backends.restarted).toEqual([]);
    expect(d.healthchecks).toEqual({ added: ['ping2'], removed: ['ping'], changed: [] });
  });

  it('lists added and removed backends and frontends in file order', () => {
    const next = variant(
      ['    dns-1: { address: 10.0.2.53, healthcheck: dns-tcp }\n', '    dns-2: { address: 10.0.2.54, healthcheck: dns-tcp }\n'],
      ['            dns-1: { weight: 0 }', '            dns-2: { weight: 0 }'],
      ['    www-v6:\n', '    www-six:\n'],
    );
    const d = diffConfigs(base, next);
    expect(d.backends).toMatchObject({ added: ['dns-2'], removed: ['dns-1'], restarted: [] });
    expect(d.frontends).toMatchObject({ added: ['www-six'], removed: ['www-v6'], unchanged: ['www-v4'] });
    expect(d.frontends.changed).toEqual([
      { name: 'api', changes: ['pool dns-fallback: dns-2 added (weight 0)', 'pool dns-fallback: dns-1 removed'], weightOnly: false },
    ]);
  });

  it('describes frontend field and pool changes', () => {
    const next = variant(
      ['198.51.100.44\n      port: 443\n', '198.51.100.44\n      port: 8443\n      src-ip-sticky: true\n'],
      ['        - name: main\n          backends: { api-1: { weight: 100 }, api-2: {} }\n        - name: dns-fallback\n          backends:\n            dns-1: { weight: 0 }',
        '        - name: dns-fallback\n          backends:\n            dns-1: { weight: 0 }\n        - name: main\n          backends: { api-1: { weight: 100 } }\n        - name: extra\n          backends: { api-2: {} }'],
    );
    const d = diffConfigs(base, next);
    expect(d.frontends.changed).toEqual([
      {
        name: 'api',
        changes: [
          'port 443 → 8443',
          'src-ip-sticky false → true',
          'pool main: api-2 removed',
          'pool extra added',
          'pools reordered: main, dns-fallback → dns-fallback, main',
        ],
        weightOnly: false,
      },
    ]);
  });

  it('reports pools left with no enabled backend, but not those already empty', () => {
    const next = variant(['    web-c: { address: 10.0.0.12, healthcheck: web, enabled: true }', '    web-c: { address: 10.0.0.12, healthcheck: web, enabled: false }']);
    const d = diffConfigs(base, next);
    expect(d.emptiedPools).toEqual([{ frontend: 'www-v4', pool: 'standby' }]);
    expect(d.backends.restarted).toEqual(['web-c']);
    expect(diffConfigs(next, next).emptiedPools).toEqual([]);
  });
});

describe('backend restart helpers', () => {
  it('explain why a backend restarts', () => {
    const next = variant(['      enabled: false   # in maintenance', '      enabled: true   # in maintenance'], ['address: 10.0.1.2', 'address: 10.0.1.3']);
    expect(backendRestartReasons(base, next, 'api-2')).toEqual(['address', 'enabled']);
    expect(backendNeedsRestart(base, next, 'api-2')).toBe(true);
    expect(backendNeedsRestart(base, next, 'api-1')).toBe(false);
    expect(backendRestartReasons(base, next, 'missing')).toEqual([]);
  });

  it('accept prebuilt indexes for many lookups', () => {
    const [a, b] = [indexConfig(base), indexConfig(variant(['timeout: 300ms', 'timeout: 200ms']))];
    expect(ALL.filter((n) => backendNeedsRestart(a, b, n))).toEqual(['dns-1']);
  });
});
