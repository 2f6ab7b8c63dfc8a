import type { TransitionRecord } from '../../shared/model';
import type { TransitionQuery } from './types';
import { createRing } from './ring';

/** Default number of transitions a site keeps, across all its backends. */
export const TRANSITION_LOG_CAPACITY = 20_000;

/** A site-wide, bounded, de-duplicated transition log. */
export interface TransitionLog {
  /** Adds a record unless an identical one is already kept; returns whether it was new. */
  add(record: TransitionRecord): boolean;
  /** Matching records, newest first. `frontendBackends` resolves a frontend to its backends. */
  query(q: TransitionQuery, frontendBackends?: (frontend: string) => ReadonlySet<string> | undefined): TransitionRecord[];
  readonly size: number;
  clear(): void;
}

/** Identifies a transition: a resync re-reading BackendInfo.transitions must not add them twice. */
function keyOf(r: TransitionRecord): string {
  return `${r.backend}\u0000${r.atMs}\u0000${r.from}\u0000${r.to}\u0000${r.code}`;
}

/** Creates a transition log holding at most `capacity` records. */
export function createTransitionLog(capacity = TRANSITION_LOG_CAPACITY): TransitionLog {
  const ring = createRing<TransitionRecord>(capacity);
  const keys = new Set<string>();
  let newestAtMs = -Infinity;
  // Records usually arrive in time order; a resync can add older ones, and then queries sort.
  // Pushes left before every out-of-order record has been evicted (0 = the ring is in time order).
  let disorder = 0;

  const matcher = (q: TransitionQuery, backends: ReadonlySet<string> | undefined) => {
    const states = q.states && q.states.length > 0 ? new Set(q.states) : null;
    return (r: TransitionRecord): boolean =>
      (q.backend === undefined || r.backend === q.backend) &&
      (backends === undefined || backends.has(r.backend)) &&
      (states === null || states.has(r.to)) &&
      (q.fromMs === undefined || r.atMs >= q.fromMs) &&
      (q.toMs === undefined || r.atMs <= q.toMs);
  };

  return {
    add(record) {
      const key = keyOf(record);
      if (keys.has(key)) return false;
      const evicted = ring.push(record);
      if (evicted) keys.delete(keyOf(evicted));
      keys.add(key);
      if (record.atMs < newestAtMs) disorder = ring.capacity;
      else {
        newestAtMs = record.atMs;
        if (disorder > 0) disorder--;
      }
      return true;
    },
    query(q, frontendBackends) {
      let backends: ReadonlySet<string> | undefined;
      if (q.frontend !== undefined) backends = frontendBackends?.(q.frontend) ?? new Set();
      const match = matcher(q, backends);
      const limit = q.limit ?? Infinity;
      const out: TransitionRecord[] = [];
      if (disorder === 0) {
        ring.forEachNewest((r) => {
          if (match(r)) out.push(r);
          return out.length < limit;
        });
        return out;
      }
      for (const r of ring.toArray()) if (match(r)) out.push(r);
      // Stable sort of the arrival order, reversed: equal times keep newest-arrival first.
      out.reverse().sort((a, b) => b.atMs - a.atMs);
      return out.slice(0, limit);
    },
    get size() {
      return ring.size;
    },
    clear() {
      ring.clear();
      keys.clear();
      newestAtMs = -Infinity;
      disorder = 0;
    },
  };
}
