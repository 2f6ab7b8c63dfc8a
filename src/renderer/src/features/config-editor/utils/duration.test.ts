import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration, splitDuration } from './duration';

describe('durations', () => {
  it('parses Go durations and refuses bare numbers', () => {
    expect(parseGoDuration('200ms')).toBe(200);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('2')).toBeNull();
    expect(parseGoDuration('2 s')).toBeNull();
  });
  it('shows a duration in the largest whole unit', () => {
    expect(splitDuration(90_000)).toEqual({ value: 90, unit: 's' });
    expect(splitDuration(120_000)).toEqual({ value: 2, unit: 'm' });
    expect(splitDuration(1500)).toEqual({ value: 1500, unit: 'ms' });
    expect(formatGoDuration(2, 's')).toBe('2s');
  });
});
