import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteQueue } from './byte-queue';

const buf = (n: number, fill = 0): Buffer => Buffer.alloc(n, fill);

describe('byte queue', () => {
  it('keeps FIFO order and drops the oldest over the byte bound, counting them', () => {
    const q = createByteQueue(10, 100);
    for (let i = 1; i <= 4; i++) q.push(buf(4, i));
    // 16 bytes > 10: entries 1 and 2 went.
    expect([q.length, q.bytes, q.takeDropped(), q.takeDropped()]).toEqual([2, 8, 2, 0]);
    expect([q.shift()?.[0], q.shift()?.[0], q.shift()]).toEqual([3, 4, undefined]);
    expect(q.bytes).toBe(0);
  });

  it('bounds the count too, and always keeps the newest entry even when it alone exceeds the bytes', () => {
    const q = createByteQueue(1000, 2);
    q.push(buf(1, 1));
    q.push(buf(1, 2));
    q.push(buf(1, 3));
    expect([q.length, q.takeDropped(), q.shift()?.[0]]).toEqual([2, 1, 2]);
    const big = createByteQueue(10, 100);
    big.push(buf(5));
    big.push(buf(50, 7));
    expect([big.length, big.takeDropped(), big.shift()?.[0]]).toEqual([1, 1, 7]);
  });

  it('matches a plain array model over random pushes and shifts (compaction included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(0)), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 400 }),
        (ops, maxBytes) => {
          const q = createByteQueue(maxBytes, 5000);
          const model: Buffer[] = [];
          let dropped = 0;
          let id = 0;
          for (const op of ops) {
            if (op === 0) {
              expect(q.shift()).toBe(model.shift());
              continue;
            }
            const b = buf(op, id++ % 256);
            q.push(b);
            model.push(b);
            while (model.length > 1 && model.reduce((a, x) => a + x.length, 0) > maxBytes) {
              model.shift();
              dropped++;
            }
          }
          expect(q.takeDropped()).toBe(dropped);
          expect(q.length).toBe(model.length);
          expect(q.bytes).toBe(model.reduce((a, x) => a + x.length, 0));
          for (const b of model) expect(q.shift()).toBe(b);
        },
      ),
      { numRuns: 60 },
    );
  });
});
