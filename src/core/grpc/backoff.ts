import type { RandomSource } from '../util';

export interface BackoffOptions {
  /** First delay (default 500 ms). */
  initialMs?: number;
  /** Cap on any delay, jitter included (default 15 s, the most an operator should wait). */
  maxMs?: number;
  /** Growth per failed attempt (default 1.6, as gRPC's connection backoff). */
  multiplier?: number;
  /** Relative jitter, ± (default 0.2): spreads reconnects of many clients after a daemon restart. */
  jitter?: number;
  random: RandomSource;
}

export interface Backoff {
  /** Returns the delay before the next attempt and grows the base delay. */
  next(): number;
  /** Starts over from the initial delay (after a successful connection). */
  reset(): void;
}

/** Creates a capped exponential backoff with jitter from an injected random source. */
export function createBackoff(opts: BackoffOptions): Backoff {
  const initial = opts.initialMs ?? 500;
  const max = Math.max(initial, opts.maxMs ?? 15_000);
  const multiplier = opts.multiplier ?? 1.6;
  const jitter = opts.jitter ?? 0.2;
  let base = initial;
  return {
    next() {
      const delay = base * (1 + jitter * (2 * opts.random() - 1));
      base = Math.min(max, base * multiplier);
      return Math.max(0, Math.min(max, delay));
    },
    reset() {
      base = initial;
    },
  };
}
