import type { Clock, TimerHandle } from '../util';

/** A Clock whose time moves only when a test says so. */
export interface FakeClock extends Clock {
  /**
   * Moves time forward by `ms`, running every timer that falls due in order, each at its own due
   * time, and letting promise callbacks and I/O callbacks settle after each one.
   */
  advance(ms: number): Promise<void>;
  /** Moves time to `atMs` (no-op if already past), like `advance`. */
  advanceTo(atMs: number): Promise<void>;
  /** Runs the next pending timer (moving time to it); returns false if there was none. */
  runNext(): Promise<boolean>;
  /** Lets pending promise callbacks run without moving time. */
  settle(): Promise<void>;
  /** Number of pending timers. */
  pending(): number;
  /** Due time of the earliest pending timer, or undefined. */
  nextDue(): number | undefined;
  /** Number of setTimeout calls so far (to check that a scheduler arms few timers). */
  readonly timersCreated: number;
}

interface FakeTimer {
  id: number;
  due: number;
  cb: () => void;
}

/**
 * Creates a fake clock for tests (reusable by any module that takes a Clock). Timers are kept in a
 * plain list: tests have few of them, and clarity beats speed here.
 */
export function createFakeClock(startMs = 1_700_000_000_000): FakeClock {
  let now = startMs;
  let nextId = 1;
  let created = 0;
  const timers: FakeTimer[] = [];

  // setImmediate runs after the microtask queue has drained, so every promise chain that does not
  // wait for a timer or real I/O has finished when this resolves.
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  const earliest = (limit: number): FakeTimer | undefined => {
    let best: FakeTimer | undefined;
    for (const t of timers) if (t.due <= limit && (!best || t.due < best.due || (t.due === best.due && t.id < best.id))) best = t;
    return best;
  };

  const runTimer = async (t: FakeTimer): Promise<void> => {
    timers.splice(timers.indexOf(t), 1);
    if (t.due > now) now = t.due;
    t.cb();
    await settle();
  };

  const advanceTo = async (target: number): Promise<void> => {
    await settle();
    for (let t = earliest(target); t; t = earliest(target)) await runTimer(t);
    if (target > now) now = target;
    await settle();
  };

  return {
    now: () => now,
    setTimeout(cb, ms) {
      created++;
      const t: FakeTimer = { id: nextId++, due: now + Math.max(0, ms), cb };
      timers.push(t);
      return t.id as TimerHandle;
    },
    clearTimeout(handle) {
      const i = timers.findIndex((t) => t.id === handle);
      if (i >= 0) timers.splice(i, 1);
    },
    advance: (ms) => advanceTo(now + ms),
    advanceTo,
    async runNext() {
      await settle();
      const t = earliest(Infinity);
      if (!t) return false;
      await runTimer(t);
      return true;
    },
    settle,
    pending: () => timers.length,
    nextDue: () => earliest(Infinity)?.due,
    get timersCreated() {
      return created;
    },
  };
}
