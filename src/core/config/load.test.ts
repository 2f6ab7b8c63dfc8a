import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue, loadConfig, loadConfigFile } from './index';
import type { Config } from './index';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'config');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function mustLoad(text: string): Config {
  const r = loadConfig(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue('x', i)).join('\n'));
  return r.config;
}

describe('loadConfig on the new form (valid.yaml)', () => {
  const c = mustLoad(fixture('valid.yaml'));

  it('keeps file order and applies every default', () => {
    expect(c.healthchecks.map((h) => h.name)).toEqual(['web', 'api-tls', 'dns-tcp', 'ping']);
    expect(c.backends.map((b) => b.name)).toEqual(['web-a', 'web-b', 'web-c', 'api-1', 'api-2', 'dns-1', 'web6-a', 'web6-b']);
    expect(c.frontends.map((f) => f.name)).toEqual(['www-v4', 'api', 'www-v6']);
    const api = c.healthchecks[1];
    expect(api).toMatchObject({ type: 'https', port: 443, intervalMs: 5000, fastIntervalMs: 2500, downIntervalMs: 25000, timeoutMs: 2000, rise: 2, fall: 3 });
    expect(api?.http).toEqual({
      path: '/ready',
      host: null,
      responseCodeMin: 200,
      responseCodeMax: 200,
      responseRegexp: null,
      serverName: 'api.example.com',
      insecureSkipVerify: false,
    });
    expect(c.healthchecks[3]).toMatchObject({ type: 'icmp', port: 0, intervalMs: 90_000, http: null, tcp: null });
    expect(c.healthchecks[2]?.tcp).toEqual({ ssl: false, serverName: null, insecureSkipVerify: false });
  });

  it('normalises backends and frontends', () => {
    expect(c.backends[4]).toEqual({ name: 'api-2', address: '10.0.1.2', family: 4, healthcheck: 'api-tls', enabled: false });
    expect(c.backends[7]).toMatchObject({ address: '2001:db8:10::11', family: 6, enabled: true });
    const [v4, api, v6] = c.frontends;
    expect(v4).toMatchObject({ description: 'public web', protocol: 'tcp', port: 80, srcIpSticky: false, flushOnDown: true });
    expect(v4?.pools).toEqual([
      { name: 'primary', backends: [{ backend: 'web-a', weight: 100 }, { backend: 'web-b', weight: 50 }] },
      { name: 'standby', backends: [{ backend: 'web-c', weight: 100 }] },
    ]);
    expect(api).toMatchObject({ description: '', protocol: 'tcp', family: 4 });
    expect(api?.pools[1]?.backends).toEqual([{ backend: 'dns-1', weight: 0 }]);
    expect(v6).toMatchObject({ family: 6, protocol: 'any', port: 0 });
    expect(c.healthchecker).toEqual({ transitionHistory: 10, netns: '', probeIpv4Src: '10.0.0.2', probeIpv6Src: '2001:db8::2' });
    expect(c.legacy).toBe(false);
    expect(c.vpp).toBeNull();
  });

  it('returns a deeply frozen config', () => {
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.frontends[0]?.pools[0]?.backends[0])).toBe(true);
    expect(Object.isFrozen(c.healthchecks[0]?.http)).toBe(true);
  });

  it('reads CRLF files with the same positions', () => {
    const r = loadConfig(fixture('err-unknown-healthcheck.yaml').replace(/\n/g, '\r\n'));
    expect(r.ok ? [] : r.issues.map((i) => `${i.line}:${i.col}`)).toEqual(['7:20']);
    expect(loadConfig(fixture('valid.yaml').replace(/\n/g, '\r\n')).ok).toBe(true);
  });

  it('accepts a minimal file and sub-second intervals', () => {
    const m = mustLoad('maglev: {}\n');
    expect(m).toMatchObject({ healthchecks: [], backends: [], frontends: [], healthchecker: { transitionHistory: 5 } });
    const fast = mustLoad('maglev:\n  healthchecks:\n    f: { type: tcp, port: 1, interval: 10ms, timeout: 5ms }\n');
    expect(fast.healthchecks[0]).toMatchObject({ intervalMs: 10, fastIntervalMs: 10, downIntervalMs: 50, timeoutMs: 5 });
  });

  it('reads vpp.lb with defaults', () => {
    const v = mustLoad('maglev:\n  vpp:\n    lb:\n      ipv4-src-address: 192.0.2.1\n      sync-interval: 1m\n');
    expect(v.vpp).toEqual({
      lb: { ipv4SrcAddress: '192.0.2.1', ipv6SrcAddress: '', syncIntervalMs: 60_000, startupMinDelayMs: 5000, startupMaxDelayMs: 30_000 },
    });
  });

  it('warns, without failing, about tcp TLS params that have no effect', () => {
    const r = loadConfig('maglev:\n  healthchecks:\n    t: { type: tcp, port: 1, params: { server-name: x } }\n');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => formatIssue('f', w))).toEqual([
      'f:3:53: maglev.healthchecks.t.params.server-name: warning: server-name has no effect without "ssl: true"',
    ]);
  });

  it('resolves aliases (anchors reused across checks)', () => {
    const a = mustLoad('maglev:\n  healthchecks:\n    a: &base { type: tcp, port: 22 }\n    b: *base\n');
    expect(a.healthchecks.map((h) => [h.name, h.port])).toEqual([['a', 22], ['b', 22]]);
  });
});

describe('the legacy vips: form (legacy.yaml)', () => {
  const r = loadConfig(fixture('legacy.yaml'));
  const c = r.ok ? r.config : null;

  it('converts and warns once, at the vips: key', () => {
    expect(c?.legacy).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ kind: 'warning', path: 'maglev.vips', line: 8, col: 3 });
  });

  it('makes one frontend per VIP with one pool "default" at weight 100', () => {
    expect(c?.frontends.map((f) => [f.name, f.address, f.protocol, f.port])).toEqual([
      ['www', '192.0.2.80', 'tcp', 80],
      ['www-alt', '192.0.2.81', 'tcp', 80],
      ['ssh', '192.0.2.22', 'tcp', 22],
      ['ping6', '2001:db8::53', 'any', 0],
    ]);
    expect(c?.frontends[0]?.pools).toEqual([
      { name: 'default', backends: [{ backend: '10.0.0.10', weight: 100 }, { backend: '10.0.0.11', weight: 100 }] },
    ]);
  });

  it('names checks after VIPs with the VIP port, and shares a backend only between equal checks', () => {
    expect(c?.healthchecks.map((h) => [h.name, h.type, h.port])).toEqual([
      ['www', 'http', 80],
      ['www-alt', 'http', 80],
      ['ssh', 'tcp', 22],
      ['ping6', 'icmp', 0],
    ]);
    expect(c?.backends.map((b) => [b.name, b.address, b.healthcheck])).toEqual([
      ['10.0.0.10', '10.0.0.10', 'www'],
      ['10.0.0.11', '10.0.0.11', 'www'],
      ['10.0.0.12', '10.0.0.12', 'www-alt'],
      ['10.0.0.10@ssh', '10.0.0.10', 'ssh'],
      ['2001:db8::10', '2001:db8::10', 'ping6'],
    ]);
    expect(c?.frontends[1]?.pools[0]?.backends.map((m) => m.backend)).toEqual(['10.0.0.11', '10.0.0.12']);
    expect(c?.healthchecker).toEqual({ transitionHistory: 5, netns: 'dataplane', probeIpv4Src: '10.0.0.2', probeIpv6Src: '2001:db8::2' });
  });
});

describe('formatIssue', () => {
  it('formats FILE:LINE:COL: PATH: MESSAGE, leaving out an empty path', () => {
    expect(formatIssue('m.yaml', { kind: 'semantic', path: 'maglev.x', line: 3, col: 7, message: 'bad' })).toBe('m.yaml:3:7: maglev.x: bad');
    expect(formatIssue('m.yaml', { kind: 'parse', path: '', line: 1, col: 1, message: 'empty' })).toBe('m.yaml:1:1: empty');
  });

  it('quotes path segments that are not plain names', () => {
    const r = loadConfig('maglev:\n  backends:\n    "10.0.0.1": { address: 10.0.0.1, healthcheck: nope }\n');
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['maglev.backends["10.0.0.1"].healthcheck']);
  });
});

describe('loadConfigFile', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('loads a file and reports an unreadable one at 1:1 with the OS error', async () => {
    dir = mkdtempSync(join(tmpdir(), 'maglev-load-'));
    const ok = join(dir, 'maglev.yaml');
    writeFileSync(ok, fixture('valid.yaml'));
    expect((await loadConfigFile(ok)).ok).toBe(true);
    const r = await loadConfigFile(join(dir, 'missing.yaml'));
    expect(r).toMatchObject({ ok: false, kind: 'parse' });
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 1, col: 1, message: expect.stringMatching(/^cannot read .*missing\.yaml: ENOENT/) });
    const asDir = await loadConfigFile(dir);
    expect(asDir.ok ? '' : asDir.issues[0]?.message).toMatch(/EISDIR/);
  });

  it('reports bytes that are not UTF-8 at their position', async () => {
    const bytes = Buffer.concat([Buffer.from('maglev:\n  x: "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]);
    const r = await loadConfigFile('bin.yaml', async () => bytes);
    expect(r).toMatchObject({ ok: false, kind: 'parse', issues: [{ line: 2, col: 7, message: expect.stringContaining('not valid UTF-8') }] });
  });
});

describe('loadConfig never throws', () => {
  it('returns a consistent result for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = loadConfig(text);
        if (r.ok) return;
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) expect(i.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a consistent result for mutations of a real config', () => {
    const base = fixture('valid.yaml');
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.nat(40), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        const r = loadConfig(base.slice(0, at) + insert + base.slice(at + cut));
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('timeout versus fast-interval', () => {
  it('warns (does not refuse) when only fast-interval is shorter than the timeout, as HAProxy allows', () => {
    const text = 'maglev:\n  healthchecks:\n    web:\n      type: tcp\n      port: 80\n      interval: 1s\n';
    const r = loadConfig(text, { fileName: 'm.yaml' });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => formatIssue('m.yaml', w))).toEqual([
      'm.yaml:6:17: maglev.healthchecks.web.interval: warning: timeout 1s (default) is larger than fast-interval 500ms (default: interval/2); degraded backends are probed at most once per timeout',
    ]);
  });
});
