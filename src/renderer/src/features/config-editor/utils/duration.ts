/** The units the duration fields offer. */
export const DURATION_UNITS = ['ms', 's', 'm'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const GO_DURATION = /^(?:(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Parses a Go duration (`200ms`, `1m30s`) into milliseconds; null when it is not one (bare numbers are not). */
export function parseGoDuration(text: string): number | null {
  if (!GO_DURATION.test(text)) return null;
  let ms = 0;
  for (const m of text.matchAll(PART)) ms += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  return ms;
}

/** Splits milliseconds into the largest unit that shows them as a whole number (ms at least). */
export function splitDuration(ms: number): { value: number; unit: DurationUnit } {
  if (ms >= 60_000 && ms % 60_000 === 0) return { value: ms / 60_000, unit: 'm' };
  if (ms >= 1000 && ms % 1000 === 0) return { value: ms / 1000, unit: 's' };
  return { value: Math.round(ms * 1000) / 1000, unit: 'ms' };
}

/** Writes a number and a unit as a Go duration (`1.5s`). */
export function formatGoDuration(value: number, unit: DurationUnit): string {
  return `${value}${unit}`;
}
