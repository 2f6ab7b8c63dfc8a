import { describe, expect, it } from 'vitest';
import { formatDuration, parseGoDuration } from './duration';

describe('parseGoDuration', () => {
  it.each([
    ['200ms', 200],
    ['2s', 2000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['.5s', 500],
    ['2h45m', 9_900_000],
    ['500us', 0.5],
    ['500µs', 0.5],
    ['1000000ns', 1],
    ['-1m', -60_000],
    ['+3s', 3000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['2', 'expected a number and a unit'],
    ['0', 'expected a number and a unit'],
    ['', 'expected a number and a unit'],
    ['s', 'missing number'],
    ['2 s', 'expected a number and a unit'],
    ['2sec', 'unknown unit "sec"'],
    ['1d', 'unknown unit "d"'],
    ['.s', 'missing number'],
    ['-', 'expected a number and a unit'],
  ])('rejects %j (%s)', (text, why) => {
    const r = parseGoDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [0, '0s'],
    [0.5, '0.5ms'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
