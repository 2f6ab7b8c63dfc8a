const NS_PER_MS = 1_000_000n;

/**
 * Converts milliseconds (possibly fractional Unix ms) to an int64 nanosecond decimal string.
 * The integer and fractional parts are converted apart: `ms * 1e6` in floating point would round
 * Unix times (~1.7e18 ns) to multiples of 256 ns. The fraction is rounded to whole microseconds,
 * about the resolution a double has for Unix ms, so ms → ns → ms gives back the same number.
 */
export function msToNs(ms: number): string {
  if (!Number.isFinite(ms)) return '0';
  const whole = Math.trunc(ms);
  const fracUs = Math.round((ms - whole) * 1000);
  return (BigInt(whole) * NS_PER_MS + BigInt(fracUs) * 1000n).toString();
}

/** Converts an int64 nanosecond value (decimal string, number or Long-like) to milliseconds. */
export function nsToMs(ns: string | number | { toString(): string } | null | undefined): number {
  if (ns === null || ns === undefined) return 0;
  let big: bigint;
  try {
    big = BigInt(typeof ns === 'number' ? Math.trunc(ns) : ns.toString());
  } catch {
    return 0;
  }
  const whole = big / NS_PER_MS;
  const rest = big % NS_PER_MS;
  return Number(whole) + Number(rest) / 1e6;
}

/** Converts a uint64 counter (decimal string) to a number; exact below 2^53, which counters stay under. */
export function u64ToNumber(v: string | number | { toString(): string } | null | undefined): number {
  if (v === null || v === undefined) return 0;
  const n = Number(typeof v === 'number' ? v : v.toString());
  return Number.isFinite(n) ? n : 0;
}
