import { describe, expect, it } from 'vitest';
import { familyProblem, parseConfigModel } from './config-model';

const TEXT = `# lab
maglev:
  healthchecks:
    web: { type: http, port: 80, params: { path: /healthz } }
  backends:
    a: { address: 10.0.0.1, healthcheck: web }
    b: { address: 10.0.0.2, healthcheck: web, enabled: false }
    v6: { address: "2001:db8::1", healthcheck: web }
  frontends:
    www:
      address: 192.0.2.1
      port: 80
      pools:
        - name: primary
          backends: { a: {}, b: { weight: 40 } }
        - name: standby
          backends: { v6: {} }
`;

describe('parseConfigModel', () => {
  it('reads checks, backends, frontends and pools in file order with default weights', () => {
    const r = parseConfigModel(TEXT);
    if (!r.ok) throw new Error(r.message);
    const m = r.model;
    expect(m.healthchecks.map((h) => [h.name, h.fields.type, h.params.path])).toEqual([['web', 'http', '/healthz']]);
    expect(m.backends.map((b) => [b.name, b.enabled, b.family])).toEqual([['a', true, 4], ['b', false, 4], ['v6', true, 6]]);
    const www = m.frontends[0]!;
    expect(www.pools.map((p) => [p.name, p.members.map((x) => `${x.backend}=${x.weight}`)])).toEqual([['primary', ['a=100', 'b=40']], ['standby', ['v6=100']]]);
    expect(familyProblem(m, www, 'v6')).toBe("v6 is IPv6 (2001:db8::1) but frontend www is IPv4: one frontend's backends must all be one family");
    expect(familyProblem(m, www, 'a')).toBeNull();
    expect(m.legacy).toBe(false);
  });

  it('reports the first YAML error with its line', () => {
    const r = parseConfigModel('maglev:\n  backends: [\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBeGreaterThanOrEqual(2);
      expect(r.message).not.toMatch(/at line/);
    }
  });

  it('survives garbage shapes and notices the legacy form', () => {
    const r = parseConfigModel('maglev:\n  vips: []\n  backends: 3\n  frontends: { x: { pools: { a: 1 } } }\n');
    expect(r.ok && r.model).toMatchObject({ legacy: true, backends: [], frontends: [{ name: 'x', pools: [] }] });
  });
});
