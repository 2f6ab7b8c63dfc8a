import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('createBackoff', () => {
  it('grows exponentially up to the cap and resets', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 1000, multiplier: 2, jitter: 0, random: () => 0.5 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    b.reset();
    expect(b.next()).toBe(100);
  });

  it('applies ± jitter from the injected random source but never exceeds the cap', () => {
    const low = createBackoff({ initialMs: 1000, maxMs: 15_000, jitter: 0.2, random: () => 0 });
    const high = createBackoff({ initialMs: 1000, maxMs: 15_000, jitter: 0.2, random: () => 0.999999 });
    expect(low.next()).toBe(800);
    expect(high.next()).toBeCloseTo(1200, 2);
    for (let i = 0; i < 50; i++) expect(high.next()).toBeLessThanOrEqual(15_000);
    expect(high.next()).toBe(15_000);
  });

  it('defaults to a cap of at most 15 s', () => {
    const b = createBackoff({ random: () => 0.999 });
    let last = 0;
    for (let i = 0; i < 40; i++) last = b.next();
    expect(last).toBeLessThanOrEqual(15_000);
    expect(last).toBeGreaterThan(14_000);
  });
});
