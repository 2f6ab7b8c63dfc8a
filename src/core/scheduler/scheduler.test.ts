import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFakeClock } from './fake-clock';
import { createScheduler } from './scheduler';

describe('createScheduler', () => {
  it('runs callbacks at their due time, in due order, ties in schedule order', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<string>({ clock });
    const ran: string[] = [];
    const at = (k: string) => () => ran.push(`${k}@${clock.now()}`);
    s.schedule('c', 300, at('c'));
    s.schedule('a', 100, at('a'));
    s.schedule('b', 100, at('b'));
    s.schedule('d', 50.5, at('d'));
    expect(s.size).toBe(4);
    await clock.advance(99);
    expect(ran).toEqual(['d@51']);
    await clock.advance(1000);
    expect(ran).toEqual(['d@51', 'a@100', 'b@100', 'c@300']);
    expect(s.size).toBe(0);
  });

  it('keeps a single clock timer armed for the earliest entry', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<number>({ clock });
    for (let i = 0; i < 100; i++) s.schedule(i, 1000 + i, () => {});
    expect(clock.pending()).toBe(1);
    expect(clock.nextDue()).toBe(1000);
    s.schedule(500, 10, () => {});
    expect(clock.pending()).toBe(1);
    expect(clock.nextDue()).toBe(10);
    await clock.advance(2000);
    expect(clock.pending()).toBe(0);
    expect(s.size).toBe(0);
  });

  it('moves an entry when a key is rescheduled and forgets it when cancelled', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<string>({ clock });
    const ran: string[] = [];
    s.schedule('x', 100, () => ran.push('x1'));
    s.schedule('y', 200, () => ran.push('y'));
    s.schedule('x', 300, () => ran.push('x2'));
    expect(s.dueAt('x')).toBe(300);
    expect(s.cancel('y')).toBe(true);
    expect(s.cancel('y')).toBe(false);
    expect(s.has('y')).toBe(false);
    await clock.advance(250);
    expect(ran).toEqual([]);
    await clock.advance(100);
    expect(ran).toEqual(['x2']);
  });

  it('re-arms after the earliest entry is cancelled', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<string>({ clock });
    const ran: number[] = [];
    s.schedule('a', 10, () => ran.push(clock.now()));
    s.schedule('b', 50, () => ran.push(clock.now()));
    s.cancel('a');
    await clock.advance(100);
    expect(ran).toEqual([50]);
  });

  it('does not spin on a callback that reschedules itself at the current time', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<string>({ clock });
    let runs = 0;
    const again = (): void => {
      runs++;
      if (runs < 5) s.schedule('k', clock.now(), again);
    };
    s.schedule('k', 10, again);
    await clock.runNext();
    expect(runs).toBe(1);
    await clock.advance(10);
    expect(runs).toBe(5);
  });

  it('yields after maxBatch callbacks and finishes on the next firing', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<number>({ clock, maxBatch: 3 });
    let runs = 0;
    for (let i = 0; i < 7; i++) s.schedule(i, 5, () => runs++);
    await clock.runNext();
    expect(runs).toBe(3);
    await clock.runNext();
    expect(runs).toBe(6);
    await clock.runNext();
    expect(runs).toBe(7);
  });

  it('reports what a callback throws and keeps going', async () => {
    const clock = createFakeClock(0);
    const errors: unknown[] = [];
    const s = createScheduler<string>({ clock, onError: (e) => errors.push(e) });
    let after = false;
    s.schedule('bad', 1, () => {
      throw new Error('boom');
    });
    s.schedule('good', 2, () => (after = true));
    await clock.advance(5);
    expect((errors[0] as Error).message).toBe('boom');
    expect(after).toBe(true);
  });

  it('stops everything on dispose', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<string>({ clock });
    let ran = false;
    s.schedule('a', 10, () => (ran = true));
    s.dispose();
    s.schedule('b', 10, () => (ran = true));
    expect(clock.pending()).toBe(0);
    await clock.advance(100);
    expect(ran).toBe(false);
    expect(s.size).toBe(0);
  });

  it('fires in the same order as a sorted reference under random schedule/cancel (property)', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('schedule' as const), key: fc.integer({ min: 0, max: 30 }), due: fc.integer({ min: 0, max: 500 }) }),
      fc.record({ kind: fc.constant('cancel' as const), key: fc.integer({ min: 0, max: 30 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 200 }), async (ops) => {
        const clock = createFakeClock(0);
        const s = createScheduler<number>({ clock });
        const model = new Map<number, { due: number; seq: number }>();
        const fired: number[] = [];
        ops.forEach((o, seq) => {
          if (o.kind === 'schedule') {
            s.schedule(o.key, o.due, () => fired.push(o.key));
            model.set(o.key, { due: o.due, seq });
          } else {
            expect(s.cancel(o.key)).toBe(model.delete(o.key));
          }
        });
        expect(s.size).toBe(model.size);
        await clock.advance(1000);
        const expected = [...model.entries()].sort((a, b) => a[1].due - b[1].due || a[1].seq - b[1].seq).map(([k]) => k);
        expect(fired).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('handles 10,000 keys rescheduled many times and still fires each once, in order', async () => {
    const clock = createFakeClock(0);
    const s = createScheduler<number>({ clock });
    const n = 10_000;
    let x = 12345;
    const rnd = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const last: number[] = new Array<number>(n).fill(0);
    const fired: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (let k = 0; k < n; k++) {
        const due = 1 + Math.floor(rnd() * 1000);
        last[k] = due;
        s.schedule(k, due, () => fired.push(due));
      }
    }
    expect(s.size).toBe(n);
    await clock.advance(2000);
    expect(fired).toHaveLength(n);
    expect(fired).toEqual([...last].sort((a, b) => a - b));
  });
});

describe('createFakeClock', () => {
  it('runs timers at their own due time and settles promises between them', async () => {
    const clock = createFakeClock(1000);
    const seen: string[] = [];
    clock.setTimeout(() => {
      void Promise.resolve().then(() => seen.push(`p@${clock.now()}`));
      seen.push(`a@${clock.now()}`);
    }, 10);
    const h = clock.setTimeout(() => seen.push('never'), 15);
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
    clock.clearTimeout(h);
    await clock.advance(30);
    expect(seen).toEqual(['a@1010', 'p@1010', 'b@1020']);
    expect(clock.now()).toBe(1030);
    expect(clock.timersCreated).toBe(3);
  });
});
