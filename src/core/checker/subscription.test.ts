import { describe, expect, it } from 'vitest';
import type { CheckerEvent } from '../../shared/model';
import { createSubscriptionQueue } from './subscription';
import type { SubscriptionItem } from './types';

const fe = (n: number): CheckerEvent => ({ type: 'frontend', frontend: `f${n}`, from: 'up', to: 'down', atMs: n });
const names = (items: SubscriptionItem[]) => items.map((i) => (i.type === 'frontend' ? i.frontend : `${i.type}:${'count' in i ? i.count : ''}`));

describe('createSubscriptionQueue', () => {
  it('drains in push order', () => {
    const q = createSubscriptionQueue(10, () => {});
    for (let i = 0; i < 3; i++) q.push(fe(i));
    expect(names(q.drain())).toEqual(['f0', 'f1', 'f2']);
    expect(q.drain()).toEqual([]);
  });

  it('drops the oldest on overflow and reports the count first on the next read', () => {
    const q = createSubscriptionQueue(3, () => {});
    for (let i = 0; i < 10; i++) q.push(fe(i));
    expect(names(q.drain())).toEqual(['dropped:7', 'f7', 'f8', 'f9']);
    q.push(fe(10));
    expect(names(q.drain())).toEqual(['f10']);
  });

  it('calls onReadable once, in a microtask, and can be unregistered', async () => {
    const q = createSubscriptionQueue(3, () => {});
    let calls = 0;
    q.onReadable(() => calls++);
    const off = q.onReadable(() => calls += 100);
    off();
    q.push(fe(1));
    q.push(fe(2));
    expect(calls).toBe(0);
    await Promise.resolve();
    expect(calls).toBe(1);
    q.push(fe(3));
    await Promise.resolve();
    expect(calls).toBe(1);
    q.onReadable(() => calls++); // already readable: told at once (next microtask)
    await Promise.resolve();
    expect(calls).toBe(2);
  });

  it('works with for await, including the dropped marker, and ends when the checker ends it', async () => {
    const q = createSubscriptionQueue(2, () => {});
    for (let i = 0; i < 4; i++) q.push(fe(i));
    const seen: SubscriptionItem[] = [];
    const reader = (async () => {
      for await (const item of q) seen.push(item);
    })();
    await Promise.resolve();
    q.push(fe(4));
    q.end();
    await reader;
    expect(names(seen)).toEqual(['dropped:2', 'f2', 'f3', 'f4']);
    expect(q.closed).toBe(true);
  });

  it('stops on close from the reader side and tells the hub', async () => {
    let closedCalls = 0;
    const q = createSubscriptionQueue(5, () => closedCalls++);
    q.push(fe(1));
    for await (const item of q) {
      expect(item.type).toBe('frontend');
      break; // calls return() → close()
    }
    expect(closedCalls).toBe(1);
    q.push(fe(2));
    expect(q.drain()).toEqual([]);
    q.close();
    expect(closedCalls).toBe(1);
  });

  it('resolves a waiting reader with done when closed', async () => {
    const q = createSubscriptionQueue(5, () => {});
    const it = q[Symbol.asyncIterator]();
    const next = it.next();
    q.close();
    expect(await next).toEqual({ value: undefined, done: true });
  });
});
