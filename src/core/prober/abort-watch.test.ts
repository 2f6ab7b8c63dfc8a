import { describe, expect, it } from 'vitest';
import { unwatchAbort, watchAbort, type Abortable } from './abort-watch';

function counter(): Abortable & { n: number } {
  return {
    n: 0,
    onAbort() {
      this.n++;
    },
  };
}

describe('watchAbort', () => {
  it('tells every watcher of a signal once, and not those that unwatched', () => {
    const ac = new AbortController();
    const [a, b, c] = [counter(), counter(), counter()];
    watchAbort(ac.signal, a);
    watchAbort(ac.signal, b);
    watchAbort(ac.signal, c);
    unwatchAbort(ac.signal, b);
    ac.abort();
    ac.abort();
    expect([a.n, b.n, c.n]).toEqual([1, 0, 1]);
  });

  it('keeps signals apart, and a watcher that unwatches another inside onAbort does not break the round', () => {
    const [x, y] = [new AbortController(), new AbortController()];
    const other = counter();
    const first: Abortable = { onAbort: () => unwatchAbort(x.signal, other) };
    const onY = counter();
    watchAbort(x.signal, first);
    watchAbort(x.signal, other);
    watchAbort(y.signal, onY);
    x.abort();
    expect([other.n, onY.n]).toEqual([1, 0]);
    y.abort();
    expect(onY.n).toBe(1);
  });
});
