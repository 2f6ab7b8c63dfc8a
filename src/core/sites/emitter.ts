import type { Logger } from '../log';

/** A listener set whose listeners cannot break the emitter or each other. */
export interface Emitter<T> {
  emit(value: T): void;
  /** Adds a listener; returns its unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
  readonly size: number;
  clear(): void;
}

/** Creates an emitter that logs (once per listener) and otherwise ignores a throwing listener. */
export function createEmitter<T>(logger: Logger, what: string): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  const complained = new WeakSet<(value: T) => void>();
  return {
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (e) {
          // A listener bug must not stop the fan-out; log once so a flood cannot fill the log.
          if (!complained.has(listener)) {
            complained.add(listener);
            logger.error('listener-failed', { what, error: e instanceof Error ? e.message : String(e) });
          }
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get size() {
      return listeners.size;
    },
    clear() {
      listeners.clear();
    },
  };
}
