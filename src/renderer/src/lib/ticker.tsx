import { createContext, useContext, useState, type ReactNode } from 'react';

/** One clock for every relative time on screen: a single interval, however many cells show ages. */
export interface Ticker {
  subscribe(listener: () => void): () => void;
  /** The time of the last tick (stable between ticks, as useSyncExternalStore requires). */
  now(): number;
}

/** Creates a ticker that runs only while someone listens. */
export function createTicker(periodMs = 1000, clock: () => number = Date.now): Ticker {
  const listeners = new Set<() => void>();
  let current = clock();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        current = clock();
        timer = setInterval(() => {
          current = clock();
          for (const l of listeners) l();
        }, periodMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    now: () => current,
  };
}

const TickerContext = createContext<Ticker | null>(null);

/** Provides one ticker to the views below (the app mounts it once). */
export function TickerProvider({ children }: { children: ReactNode }) {
  const [ticker] = useState(() => createTicker());
  return <TickerContext.Provider value={ticker}>{children}</TickerContext.Provider>;
}

/** Returns the app's ticker, or a private one when a component is rendered on its own (tests). */
export function useTicker(): Ticker {
  const shared = useContext(TickerContext);
  const [own] = useState(() => (shared ? null : createTicker()));
  return shared ?? own!;
}
