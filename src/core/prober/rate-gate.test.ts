import { describe, expect, it } from 'vitest';
import { RateGate } from './rate-gate';

/** Admits `perSecond` probes evenly over `seconds` seconds of the fake clock; returns the last answer. */
function run(gate: RateGate, clock: { t: number }, perSecond: number, seconds: number): boolean {
  let last = false;
  for (let i = 0; i < perSecond * seconds; i++) {
    clock.t += 1_000 / perSecond;
    last = gate.admit();
  }
  return last;
}

describe('RateGate', () => {
  it('stays off below the on-rate and turns on after one full window above it', () => {
    const clock = { t: 0 };
    const gate = new RateGate(100, 50, () => clock.t);
    expect(run(gate, clock, 80, 3)).toBe(false);
    expect(run(gate, clock, 120, 0.5)).toBe(false); // the window that saw the change is not over yet
    expect(run(gate, clock, 120, 2)).toBe(true);
  });

  it('holds on between the off- and on-rates (hysteresis) and turns off below the off-rate', () => {
    const clock = { t: 0 };
    const gate = new RateGate(100, 50, () => clock.t);
    expect(run(gate, clock, 150, 2)).toBe(true);
    expect(run(gate, clock, 70, 3)).toBe(true);
    expect(run(gate, clock, 30, 2)).toBe(false);
    expect(run(gate, clock, 70, 3)).toBe(false);
  });

  it('turns off after a pause: the first probe after it closes a long, sparse window', () => {
    const clock = { t: 0 };
    const gate = new RateGate(100, 50, () => clock.t);
    expect(run(gate, clock, 200, 2)).toBe(true);
    clock.t += 10_000;
    expect(gate.admit()).toBe(false);
  });
});
