import type { Clock, TimerHandle } from '../util';

/** Runs callbacks at due times on one clock timer (spec/health.md: 10,000 backends at 1 s). */
export interface Scheduler<K = unknown> {
  /** Schedules (or moves) `key`'s callback to `dueAt` (clock ms); O(log n). */
  schedule(key: K, dueAt: number, fn: () => void): void;
  /** Cancels `key`'s pending callback; returns whether one was pending. O(log n). */
  cancel(key: K): boolean;
  /** Tells whether `key` has a pending callback. */
  has(key: K): boolean;
  /** Returns `key`'s due time, or undefined when nothing is pending. */
  dueAt(key: K): number | undefined;
  /** Number of pending callbacks. */
  readonly size: number;
  /** Cancels everything and the clock timer; later calls to `schedule` are ignored. */
  dispose(): void;
}

/** What a scheduler is built from. */
export interface SchedulerOptions {
  clock: Clock;
  /** Callbacks run per timer firing before yielding to I/O (default 256). */
  maxBatch?: number;
  /** Receives what a callback throws; the scheduler keeps running. Default: rethrow asynchronously. */
  onError?: (error: unknown) => void;
}

interface Entry<K> {
  key: K;
  due: number;
  /** Insertion order: equal due times run first-scheduled first. */
  seq: number;
  fn: () => void;
  /** Index in the heap, -1 when not in it. */
  pos: number;
}

// Node's timers fire on the loop's cached millisecond, which can be up to 1 ms before a
// sub-millisecond due time; running such entries now avoids a second 1 ms timer for nothing.
const EARLY_TOLERANCE_MS = 1;
const MAX_FREE_ENTRIES = 4096;

/**
 * Creates a scheduler: a binary min-heap keyed by (due, seq) and a single clock timer armed for the
 * earliest entry. Entries are recycled through a free list, so steady-state rescheduling does not
 * allocate (objects that live one interval would otherwise be promoted and cost major GCs).
 */
export function createScheduler<K = unknown>(options: SchedulerOptions): Scheduler<K> {
  const { clock } = options;
  const maxBatch = Math.max(1, options.maxBatch ?? 256);
  const onError = options.onError ?? ((e: unknown) => queueMicrotask(() => { throw e; }));
  const heap: Entry<K>[] = [];
  const byKey = new Map<K, Entry<K>>();
  const free: Entry<K>[] = [];
  let seq = 0;
  let timer: TimerHandle | null = null;
  let armedFor = Infinity;
  let disposed = false;

  const less = (a: Entry<K>, b: Entry<K>): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);
  const place = (e: Entry<K>, i: number): void => {
    heap[i] = e;
    e.pos = i;
  };
  const siftUp = (e: Entry<K>, start: number): void => {
    let i = start;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as Entry<K>;
      if (!less(e, parent)) break;
      place(parent, i);
      i = parentIndex;
    }
    place(e, i);
  };
  const siftDown = (e: Entry<K>, start: number): void => {
    const n = heap.length;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(heap[r] as Entry<K>, heap[l] as Entry<K>) ? r : l;
      const child = heap[c] as Entry<K>;
      if (!less(child, e)) break;
      place(child, i);
      i = c;
    }
    place(e, i);
  };
  const removeAt = (i: number): void => {
    const last = heap.pop() as Entry<K>;
    if (i < heap.length) {
      const parent = i > 0 ? (heap[(i - 1) >> 1] as Entry<K>) : null;
      if (parent && less(last, parent)) siftUp(last, i);
      else siftDown(last, i);
    }
  };
  const release = (e: Entry<K>): void => {
    e.pos = -1;
    e.fn = noop;
    e.key = undefined as K;
    if (free.length < MAX_FREE_ENTRIES) free.push(e);
  };

  const arm = (): void => {
    const top = heap[0];
    if (!top || disposed) return;
    if (top.due >= armedFor) return;
    if (timer !== null) clock.clearTimeout(timer);
    armedFor = top.due;
    timer = clock.setTimeout(fire, Math.max(0, Math.ceil(top.due - clock.now())));
  };

  function fire(): void {
    timer = null;
    armedFor = Infinity;
    const now = clock.now() + EARLY_TOLERANCE_MS;
    // Entries scheduled by the callbacks below wait for the next firing, so a callback that
    // reschedules itself at `now` cannot spin this loop.
    const seqLimit = seq;
    for (let ran = 0; ran < maxBatch; ran++) {
      const top = heap[0];
      if (!top || top.due > now || top.seq >= seqLimit) break;
      removeAt(0);
      byKey.delete(top.key);
      const fn = top.fn;
      release(top);
      try {
        fn();
      } catch (e) {
        onError(e);
      }
    }
    arm();
  }

  return {
    schedule(key, dueAt, fn) {
      if (disposed) return;
      let e = byKey.get(key);
      if (e) {
        const old = e.due;
        e.due = dueAt;
        e.seq = seq++;
        e.fn = fn;
        if (dueAt < old) siftUp(e, e.pos);
        else siftDown(e, e.pos);
      } else {
        e = free.pop() ?? { key, due: dueAt, seq: 0, fn, pos: -1 };
        e.key = key;
        e.due = dueAt;
        e.seq = seq++;
        e.fn = fn;
        byKey.set(key, e);
        heap.push(e);
        siftUp(e, heap.length - 1);
      }
      if (e.pos === 0) arm();
    },
    cancel(key) {
      const e = byKey.get(key);
      if (!e) return false;
      byKey.delete(key);
      removeAt(e.pos);
      release(e);
      return true;
    },
    has: (key) => byKey.has(key),
    dueAt: (key) => byKey.get(key)?.due,
    get size() {
      return heap.length;
    },
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      for (const e of heap) release(e);
      heap.length = 0;
      byKey.clear();
    },
  };
}

function noop(): void {}
