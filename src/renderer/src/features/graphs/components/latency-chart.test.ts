import { describe, expect, it } from 'vitest';
import { bandRange, describeSample } from './latency-chart';
import { shiftRange } from './vip-graphs';

describe('bandRange', () => {
  it('puts 0 ms 20 px above the bottom, above the state band, at any plot height', () => {
    for (const h of [60, 90, 200]) {
      const [lo, hi] = bandRange(100, h);
      expect(((0 - lo) / (hi - lo)) * h).toBeCloseTo(20, 5);
      expect(hi).toBeCloseTo(115);
    }
    expect(bandRange(1, 0)[1]).toBe(5);
  });
});

describe('describeSample', () => {
  it('says pass or FAIL with code, latency and state', () => {
    const s = { backend: 'a', atMs: [Date.UTC(2026, 0, 1, 8, 0, 5)], durationMs: [412.3], ok: [false], code: ['L7TOUT'], state: ['down' as const] };
    expect(describeSample(s, 0)).toMatch(/^\d\d:\d\d:05 · FAIL L7TOUT · 412 ms · state down$/);
  });
});

describe('shiftRange', () => {
  it('pans by half a window and zooms out around the middle', () => {
    expect(shiftRange([100, 200], -1)).toEqual([50, 150]);
    expect(shiftRange([100, 200], 1)).toEqual([150, 250]);
    expect(shiftRange([100, 200], 0)).toEqual([50, 250]);
  });
});
