// Property: structured edits that neither delete nor copy nodes keep every comment of the file exactly
// once, keep the lines they did not touch, and yield the data the edit asked for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ConfigEdit } from '../../shared/model';
import { applyConfigEdits } from './structured-edit';

const TEXT = `# site: lab (NOC owned)
maglev:
  healthchecker: { transition-history: 20 } # short
  healthchecks:
    http: # the usual one
      type: http
      port: 80
      interval: 1s # fast enough
      params:
        path: /healthz # what the backends serve
    tcp: { type: tcp, port: 443 } # for the TLS pool
  backends:
    web-a: { address: 127.0.0.11, healthcheck: http } # rack 1
    web-b: { address: 127.0.0.12, healthcheck: http }
    web-c:
      address: 127.0.0.13 # rack 2
      healthcheck: tcp
    web-d: { address: 127.0.0.14, healthcheck: tcp, enabled: false } # spare
  frontends:
    # the public site
    www:
      address: 192.0.2.1
      protocol: tcp
      port: 80
      pools:
        - name: primary # first choice
          backends:
            web-a: {}
            web-b: { weight: 50 } # half, since the upgrade
        - name: standby
          backends: { web-c: {} } # cold
    api: { address: 192.0.2.2, protocol: tcp, port: 443, pools: [{ name: main, backends: { web-d: {} } }] }
`;

const comments = (text: string) => (text.match(/#.*$/gm) ?? []).sort();
const FRONTENDS: Record<string, string[]> = { www: ['primary', 'standby'], api: ['main'] };
const BACKENDS = ['web-a', 'web-b', 'web-c', 'web-d'];

const frontend = fc.constantFrom('www', 'api');
// Cast: fast-check infers `index: number | undefined` where the schema has an optional key.
const edit = fc.oneof(
  fc.record({
    op: fc.constant('set-weight' as const),
    frontend,
    pool: fc.constantFrom('primary', 'standby', 'main'),
    backend: fc.constantFrom(...BACKENDS),
    weight: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    op: fc.constant('move-member' as const),
    frontend: fc.constant('www'),
    from: fc.constantFrom('primary', 'standby'),
    to: fc.constantFrom('primary', 'standby'),
    backend: fc.constantFrom(...BACKENDS),
    index: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  }),
  fc.record({
    op: fc.constant('move-pool' as const),
    frontend: fc.constant('www'),
    pool: fc.constantFrom('primary', 'standby'),
    index: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    op: fc.constant('set' as const),
    path: fc.constantFrom(
      ['maglev', 'healthchecks', 'http', 'interval'],
      ['maglev', 'healthchecks', 'http', 'rise'],
      ['maglev', 'healthchecks', 'http', 'params', 'path'],
      ['maglev', 'healthchecks', 'tcp', 'port'],
      ['maglev', 'backends', 'web-a', 'enabled'],
      ['maglev', 'backends', 'web-c', 'address'],
      ['maglev', 'frontends', 'www', 'port'],
      ['maglev', 'frontends', 'api', 'description'],
      ['maglev', 'healthchecker', 'transition-history'],
    ),
    value: fc.oneof(
      fc.constantFrom('2s', '/ready', '127.0.0.99', 'a # not a comment'),
      fc.integer({ min: 1, max: 9000 }),
      fc.boolean(),
    ),
  }),
  fc.record({
    op: fc.constant('add-member' as const),
    frontend,
    pool: fc.constantFrom('primary', 'standby', 'main'),
    backend: fc.constantFrom(...BACKENDS),
  }),
) as fc.Arbitrary<ConfigEdit>;

describe('structured edits (property)', () => {
  it('keep every comment exactly once and apply exactly the requested data', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = TEXT;
        for (const e of edits) {
          const r = applyConfigEdits(text, [e]);
          if (!r.ok) {
            // Refusals are values with a known code, never exceptions, and change nothing.
            expect(['NOT_FOUND', 'INVALID_ARGUMENT']).toContain(r.error.code);
            continue;
          }
          expect(comments(r.value.replace(/'a # not a comment'|"a # not a comment"/g, ''))).toEqual(
            comments(TEXT),
          );
          if (e.op === 'set') {
            expect(pathValue(parse(r.value), e.path)).toEqual(e.value);
            // A scalar that existed is replaced in place: one line changes, the rest stays byte for byte.
            if (pathValue(parse(text), e.path) !== undefined)
              expect(changedLines(text, r.value)).toBeLessThanOrEqual(1);
          }
          if (e.op === 'set-weight' || e.op === 'move-pool')
            expect(lineCount(r.value) - lineCount(text)).toBeLessThanOrEqual(1);
          if (e.op === 'set-weight') {
            const pools = (parse(r.value) as Data).maglev.frontends[e.frontend]!.pools;
            expect(pools.find((p) => p.name === e.pool)!.backends[e.backend]).toEqual({ weight: e.weight });
          }
          text = r.value;
        }
        expect(Object.keys((parse(text) as Data).maglev.frontends)).toEqual(Object.keys(FRONTENDS));
      }),
      { numRuns: 150 },
    );
  });
});

const lineCount = (t: string) => t.split('\n').length;
function changedLines(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.length !== y.length ? Infinity : x.filter((l, i) => l !== y[i]).length;
}

type Data = {
  maglev: { frontends: Record<string, { pools: { name: string; backends: Record<string, unknown> }[] }> };
};
function pathValue(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v === undefined || v === null ? undefined : (v as Record<string, unknown>)[k]),
    data,
  );
}
