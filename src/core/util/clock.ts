/** A timer handle as returned by a Clock; opaque to callers. */
export type TimerHandle = unknown;

/** Time and timers, injected so that tests can run on fake time. */
export interface Clock {
  /** Returns the current time in Unix milliseconds (may be fractional). */
  now(): number;
  /** Schedules `cb` after `ms`; the timer never keeps the process alive. */
  setTimeout(cb: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Creates the real clock: wall time from performance (sub-ms), unref'd Node timers. */
export function createSystemClock(): Clock {
  const origin = Date.now() - performance.now();
  return {
    now: () => origin + performance.now(),
    setTimeout: (cb, ms) => {
      const t = setTimeout(cb, Math.max(0, ms));
      t.unref?.();
      return t;
    },
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/** Random source in [0, 1), injected for jitter. */
export type RandomSource = () => number;
