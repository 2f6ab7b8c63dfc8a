import type { CheckerEvent } from '../../shared/model';
import type { EventSubscription, SubscriptionItem } from './types';

/** Events buffered per subscriber unless it asks otherwise. */
export const DEFAULT_SUBSCRIPTION_CAPACITY = 4096;

/** The checker's side of a subscription: it pushes, the subscriber reads. */
export interface SubscriptionQueue extends EventSubscription {
  /** Queues an event; never blocks. When full, the oldest event is dropped and counted. */
  push(event: CheckerEvent): void;
  /** Ends the subscription from the checker's side: queued items stay readable, then the end. */
  end(): void;
}

/**
 * Creates a bounded FIFO (a ring of `capacity` slots). On overflow the *oldest* event goes, so
 * that the `dropped` marker that comes first on the next read truly precedes what follows it,
 * and the subscriber keeps the freshest state. Memory never exceeds `capacity` events.
 */
export function createSubscriptionQueue(capacity: number, onClose: () => void): SubscriptionQueue {
  const cap = Math.max(1, Math.floor(capacity));
  const ring = new Array<CheckerEvent | undefined>(cap);
  let head = 0;
  let size = 0;
  let dropped = 0;
  let closed = false;
  let ended = false;
  let waiter: ((r: IteratorResult<SubscriptionItem>) => void) | null = null;
  const readable = new Set<() => void>();
  let notifyQueued = false;

  const hasItems = (): boolean => size > 0 || dropped > 0;
  const take = (): SubscriptionItem | undefined => {
    if (dropped > 0) {
      const count = dropped;
      dropped = 0;
      return { type: 'dropped', count };
    }
    if (size === 0) return undefined;
    const item = ring[head] as CheckerEvent;
    ring[head] = undefined;
    head = (head + 1) % cap;
    size--;
    return item;
  };
  // Readers are told in a microtask: their callback never runs inside the checker's emit.
  const notify = (): void => {
    if (notifyQueued || readable.size === 0) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      const cbs = [...readable];
      readable.clear();
      for (const cb of cbs) cb();
    });
  };
  const finish = (): void => {
    if (waiter) {
      const w = waiter;
      waiter = null;
      w({ value: undefined, done: true });
    }
    notify();
  };

  const queue: SubscriptionQueue = {
    push(event) {
      if (closed || ended) return;
      if (waiter) {
        const w = waiter;
        waiter = null;
        w({ value: event, done: false });
        return;
      }
      if (size === cap) {
        ring[head] = undefined;
        head = (head + 1) % cap;
        size--;
        dropped++;
      }
      ring[(head + size) % cap] = event;
      size++;
      notify();
    },
    end() {
      if (ended || closed) return;
      ended = true;
      finish();
    },
    drain() {
      const out: SubscriptionItem[] = [];
      for (let item = take(); item; item = take()) out.push(item);
      return out;
    },
    onReadable(cb) {
      readable.add(cb);
      if (hasItems() || closed || ended) notify();
      return () => readable.delete(cb);
    },
    close() {
      if (closed) return;
      closed = true;
      ring.fill(undefined);
      size = 0;
      dropped = 0;
      finish();
      onClose();
    },
    get closed() {
      return closed || ended;
    },
    [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
      return {
        next: () => {
          const item = take();
          if (item) return Promise.resolve({ value: item, done: false });
          if (closed || ended) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => (waiter = resolve));
        },
        return: () => {
          queue.close();
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    },
  };
  return queue;
}
