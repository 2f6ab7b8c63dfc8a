/** A fixed-capacity FIFO that overwrites its oldest entry when full. */
export interface Ring<T> {
  readonly capacity: number;
  readonly size: number;
  /** Appends `item`; returns the entry it evicted, if any. */
  push(item: T): T | undefined;
  /** Returns the entries oldest first. */
  toArray(): T[];
  /** Visits entries newest first until `visit` returns false. */
  forEachNewest(visit: (item: T) => boolean | void): void;
  clear(): void;
}

/** Creates a ring of at most `capacity` entries (at least 1). */
export function createRing<T>(capacity: number): Ring<T> {
  const cap = Math.max(1, Math.floor(capacity));
  let items: (T | undefined)[] = [];
  // Index of the oldest entry once the ring is full; growth is lazy so small rings stay small.
  let head = 0;
  return {
    capacity: cap,
    get size() {
      return items.length;
    },
    push(item) {
      if (items.length < cap) {
        items.push(item);
        return undefined;
      }
      const evicted = items[head];
      items[head] = item;
      head = (head + 1) % cap;
      return evicted;
    },
    toArray() {
      return [...items.slice(head), ...items.slice(0, head)] as T[];
    },
    forEachNewest(visit) {
      const n = items.length;
      for (let i = 0; i < n; i++) {
        const idx = (head - 1 - i + n * 2) % n;
        if (visit(items[idx] as T) === false) return;
      }
    },
    clear() {
      items = [];
      head = 0;
    },
  };
}
