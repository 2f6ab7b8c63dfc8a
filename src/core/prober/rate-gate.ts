// Picks the native helper only when probes are frequent. Each helper probe costs two processes a wake-up
// more than an in-process one (a pipe round trip); below ~2,000 probes/s those wake-ups cost more CPU
// than the helper saves, above it the helper wins and keeps the checker's thread free (docs/prober.md).
// Pure: time comes from `now`.

/** Probes/s at which 'auto' moves plain http/tcp probes to the helper, and below which it moves them back. */
export const NATIVE_ON_RATE = 2_000;
export const NATIVE_OFF_RATE = 1_500;

export class RateGate {
  private count = 0;
  private windowStart: number;
  private busy = false;

  constructor(
    private readonly on: number,
    private readonly off: number,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = 1_000,
  ) {
    this.windowStart = now();
  }

  /** Counts one probe; true while the rate over the last full window was high (with hysteresis). */
  admit(): boolean {
    this.count++;
    const t = this.now();
    const elapsed = t - this.windowStart;
    if (elapsed >= this.windowMs) {
      const rate = (this.count * 1_000) / elapsed;
      this.busy = rate >= this.on || (this.busy && rate >= this.off);
      this.count = 0;
      this.windowStart = t;
    }
    return this.busy;
  }
}
