import { useSyncExternalStore } from 'react';
import { useTicker } from '../lib/ticker';
import { formatAge } from './format';

/** A relative age (`4s`, `3m`) that re-renders only when its text changes, not the row around it. */
export function Age({ atMs }: { atMs: number }) {
  const ticker = useTicker();
  const text = useSyncExternalStore(ticker.subscribe, () => formatAge(ticker.now() - atMs));
  return <>{text}</>;
}
