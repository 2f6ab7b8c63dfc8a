// Test-only: records the moments this process did not run its event loop (CPU starvation on a shared
// machine, a forced GC), so that a timeout caused by them is not blamed on the code under test.

export interface StallMonitor {
  /** True when a stall of at least `minMs` overlapped [fromMs, toMs] (times of the monitor's clock). */
  overlaps(fromMs: number, toMs: number, minMs: number): boolean;
  /** Stalls recorded so far. */
  readonly count: number;
  stop(): void;
}

/** Keeps the newest stalls only: enough for the probes in flight, and memory stays flat. */
const KEPT = 1024;

/** Ticks every `tickMs`; a tick late by more than `lateMs` records a stall [previous tick, this tick]. */
export function startStallMonitor(now: () => number, tickMs = 20, lateMs = 50): StallMonitor {
  const from = new Float64Array(KEPT);
  const to = new Float64Array(KEPT);
  let count = 0;
  let last = now();
  const timer = setInterval(() => {
    const t = now();
    if (t - last > tickMs + lateMs) {
      from[count % KEPT] = last;
      to[count % KEPT] = t;
      count++;
    }
    last = t;
  }, tickMs);
  timer.unref();
  return {
    overlaps(a, b, minMs) {
      for (let i = Math.max(0, count - KEPT); i < count; i++) {
        const f = from[i % KEPT] as number;
        const e = to[i % KEPT] as number;
        if (e - f >= minMs && f <= b && e >= a) return true;
      }
      return false;
    },
    get count() {
      return count;
    },
    stop: () => clearInterval(timer),
  };
}
