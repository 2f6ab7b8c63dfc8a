// Test-only: waiting on conditions that events make true, bounded by a deadline (no polling, no sleeps).

/** Something that reports "maybe changed": returns an unsubscribe function. */
export type Trigger = (notify: () => void) => () => void;

/** A trigger that fires on any of `triggers`. */
export function anyOf(...triggers: Trigger[]): Trigger {
  return (notify) => {
    const offs = triggers.map((t) => t(notify));
    return () => offs.forEach((off) => off());
  };
}

/**
 * Resolves once `check()` holds, re-checking it whenever `trigger` fires; rejects after `timeoutMs`
 * with `what` (a function is called then, so the message can show the state at the deadline).
 * The timer is only a deadline: nothing is re-checked on a clock.
 */
export function waitUntil(
  trigger: Trigger,
  check: () => boolean,
  what: string | (() => string),
  timeoutMs = 20_000,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (e?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      off();
      if (e) reject(e);
      else resolve();
    };
    const off = trigger(() => {
      try {
        if (check()) finish();
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    });
    const timer = setTimeout(() => {
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`));
    }, timeoutMs);
  });
}

/** A minimal event source that test helpers fire and `waitUntil` listens to. */
export interface Signal {
  trigger: Trigger;
  fire(): void;
}

/** Creates a signal (a set of listeners called on `fire`). */
export function createSignal(): Signal {
  const listeners = new Set<() => void>();
  return {
    trigger: (notify) => {
      listeners.add(notify);
      return () => void listeners.delete(notify);
    },
    fire: () => {
      for (const l of [...listeners]) l();
    },
  };
}
