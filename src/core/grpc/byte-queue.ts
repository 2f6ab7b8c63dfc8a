/** A FIFO of encoded events bounded by bytes and by count; on overflow the oldest go and are counted. */
export interface ByteQueue {
  /** Appends `bytes`, dropping (and counting) the oldest entries while a bound is exceeded. */
  push(bytes: Buffer): void;
  /** Takes the oldest entry, or undefined when empty. */
  shift(): Buffer | undefined;
  /** Returns the count of entries dropped since the last call and resets it. */
  takeDropped(): number;
  readonly length: number;
  readonly bytes: number;
  /** Empties the queue (the stream ended). */
  clear(): void;
}

/**
 * Creates a byte-bounded queue. The entries are usually shared by many queues (one Buffer per
 * event for every stream), so what a stalled subscriber really pins is at most `maxBytes` of
 * events that the others have long sent. Dropping the oldest keeps the freshest state and makes
 * the drop notice, sent before the next entry, precede everything that follows it.
 */
export function createByteQueue(maxBytes: number, maxCount: number): ByteQueue {
  const maxN = Math.max(1, Math.floor(maxCount));
  let items: (Buffer | undefined)[] = [];
  let head = 0;
  let bytes = 0;
  let dropped = 0;

  const shift = (): Buffer | undefined => {
    if (head === items.length) return undefined;
    const b = items[head] as Buffer;
    items[head++] = undefined;
    bytes -= b.length;
    // Compact once the consumed prefix is most of the array: amortised O(1) per entry.
    if (head === items.length) {
      items = [];
      head = 0;
    } else if (head >= 1024 && head * 2 >= items.length) {
      items = items.slice(head);
      head = 0;
    }
    return b;
  };

  return {
    push(b) {
      items.push(b);
      bytes += b.length;
      // One entry is always kept, however big: an event larger than the budget still goes out.
      while (items.length - head > 1 && (bytes > maxBytes || items.length - head > maxN)) {
        shift();
        dropped++;
      }
    },
    shift,
    takeDropped() {
      const n = dropped;
      dropped = 0;
      return n;
    },
    get length() {
      return items.length - head;
    },
    get bytes() {
      return bytes;
    },
    clear() {
      items = [];
      head = 0;
      bytes = 0;
      dropped = 0;
    },
  };
}
