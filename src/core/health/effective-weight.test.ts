import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKEND_STATES } from '../../shared/model';
import type { BackendState } from '../../shared/model';
import { computeFrontendHealth, frontendStateFromCounts, memberWeight } from './effective-weight';
import type { WeightedPool } from './effective-weight';

const pools: WeightedPool[] = [
  { backends: [{ backend: 'a', weight: 100 }, { backend: 'b', weight: 50 }] },
  { backends: [{ backend: 'c', weight: 100 }] },
];
const states = (m: Record<string, BackendState>) => (name: string): BackendState => m[name] ?? 'unknown';

describe('memberWeight', () => {
  it('follows the rules of health.md', () => {
    expect(memberWeight('up', 70, true, true)).toEqual({ effectiveWeight: 70, flush: false });
    expect(memberWeight('up', 70, false, true)).toEqual({ effectiveWeight: 0, flush: false });
    expect(memberWeight('down', 70, true, true)).toEqual({ effectiveWeight: 0, flush: true });
    expect(memberWeight('down', 70, true, false)).toEqual({ effectiveWeight: 0, flush: false });
    expect(memberWeight('disabled', 70, true, false)).toEqual({ effectiveWeight: 0, flush: true });
    expect(memberWeight('unknown', 70, true, true)).toEqual({ effectiveWeight: 0, flush: false });
    expect(memberWeight('paused', 70, true, true)).toEqual({ effectiveWeight: 0, flush: false });
  });
});

describe('computeFrontendHealth', () => {
  it('is unknown while every member is unknown', () => {
    const fh = computeFrontendHealth(pools, true, states({}));
    expect(fh).toMatchObject({ state: 'unknown', activePool: -1 });
  });

  it('uses the first pool with an up member and gives the others 0', () => {
    const fh = computeFrontendHealth(pools, true, states({ a: 'down', b: 'up', c: 'up' }));
    expect(fh.state).toBe('up');
    expect(fh.activePool).toBe(0);
    expect(fh.pools).toEqual([
      [{ effectiveWeight: 0, flush: true }, { effectiveWeight: 50, flush: false }],
      [{ effectiveWeight: 0, flush: false }],
    ]);
  });

  it('fails over to the standby pool when the primary has nothing up', () => {
    const fh = computeFrontendHealth(pools, false, states({ a: 'down', b: 'disabled', c: 'up' }));
    expect(fh.activePool).toBe(1);
    expect(fh.state).toBe('up');
    expect(fh.pools[0]).toEqual([{ effectiveWeight: 0, flush: false }, { effectiveWeight: 0, flush: true }]);
    expect(fh.pools[1]).toEqual([{ effectiveWeight: 100, flush: false }]);
  });

  it('is down when the only up members weigh 0, or when some member left unknown', () => {
    const zero: WeightedPool[] = [{ backends: [{ backend: 'a', weight: 0 }, { backend: 'b', weight: 10 }] }];
    expect(computeFrontendHealth(zero, true, states({ a: 'up', b: 'down' }))).toMatchObject({ state: 'down', activePool: 0 });
    expect(computeFrontendHealth(pools, true, states({ a: 'paused' })).state).toBe('down');
  });

  it('agrees with frontendStateFromCounts (property)', () => {
    const arb = fc.array(
      fc.array(fc.record({ weight: fc.integer({ min: 0, max: 100 }), state: fc.constantFrom(...BACKEND_STATES) }), {
        maxLength: 4,
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(arb, (spec) => {
        const m: Record<string, BackendState> = {};
        const ps: WeightedPool[] = spec.map((pool, i) => ({
          backends: pool.map((mem, j) => {
            m[`b${i}-${j}`] = mem.state;
            return { backend: `b${i}-${j}`, weight: mem.weight };
          }),
        }));
        const full = computeFrontendHealth(ps, true, states(m));
        const counts = {
          poolUp: spec.map((p) => p.filter((x) => x.state === 'up').length),
          poolUpWeighted: spec.map((p) => p.filter((x) => x.state === 'up' && x.weight > 0).length),
          unknown: spec.flat().filter((x) => x.state === 'unknown').length,
          members: spec.flat().length,
        };
        expect(frontendStateFromCounts(counts)).toEqual({ state: full.state, activePool: full.activePool });
      }),
    );
  });
});
