import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msToNs, nsToMs, u64ToNumber } from './nanos';

describe('ns <-> ms', () => {
  it('keeps Unix-ns precision beyond 2^53', () => {
    expect(msToNs(1_764_000_000_123.456)).toBe('1764000000123456000');
    expect(nsToMs('1764000000123456789')).toBeCloseTo(1_764_000_000_123.4568, 4);
    expect(msToNs(0)).toBe('0');
    expect(msToNs(-1.5)).toBe('-1500000');
    expect(nsToMs('-1500000')).toBe(-1.5);
  });

  it('round-trips any microsecond-resolution time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: 0, max: 999 }),
        (ms, us) => {
          const t = ms + us / 1000;
          expect(nsToMs(msToNs(t))).toBe(t);
        },
      ),
    );
  });

  it('reads garbage as 0 instead of throwing', () => {
    expect(nsToMs('not a number')).toBe(0);
    expect(nsToMs(undefined)).toBe(0);
    expect(msToNs(Number.NaN)).toBe('0');
    expect(u64ToNumber('18446744073709551615')).toBeGreaterThan(1e19);
    expect(u64ToNumber('12')).toBe(12);
  });
});
