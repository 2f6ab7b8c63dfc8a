import { describe, expect, it } from 'vitest';
import { createProbeHistory, HISTORY_BYTES_PER_SAMPLE } from './probe-history';

describe('createProbeHistory', () => {
  it('returns samples oldest first with every column', () => {
    const h = createProbeHistory(10);
    h.record(1000, 1.5, true, 'L7OK', 'up');
    h.record(2000, 3.25, false, 'L7STS', 'up');
    h.record(3000, 1000, false, 'L4TOUT', 'down');
    expect(h.query()).toEqual({
      atMs: [1000, 2000, 3000],
      durationMs: [1.5, 3.25, 1000],
      ok: [true, false, false],
      code: ['L7OK', 'L7STS', 'L4TOUT'],
      state: ['up', 'up', 'down'],
    });
  });

  it('keeps only the newest `capacity` samples across growth and wrap-around', () => {
    const h = createProbeHistory(100);
    for (let i = 0; i < 250; i++) h.record(i, i, i % 2 === 0, 'L4OK', 'up');
    expect(h.size).toBe(100);
    const q = h.query();
    expect(q.atMs).toHaveLength(100);
    expect(q.atMs[0]).toBe(150);
    expect(q.atMs[99]).toBe(249);
    expect(q.ok[0]).toBe(true);
  });

  it('filters by an inclusive time range', () => {
    const h = createProbeHistory(5);
    for (let i = 1; i <= 8; i++) h.record(i * 10, 1, true, 'ICMPOK', 'up');
    expect(h.query(50, 70).atMs).toEqual([50, 60, 70]);
    expect(h.query(undefined, 45).atMs).toEqual([40]);
    expect(h.query(100).atMs).toEqual([]);
  });

  it('stores every state and an unknown code without confusion', () => {
    const h = createProbeHistory(8);
    h.record(1, 0, false, 'no-such-code', 'removed');
    h.record(2, 0, true, 'L6OK', 'paused');
    const q = h.query();
    expect(q.code).toEqual(['?', 'L6OK']);
    expect(q.state).toEqual(['removed', 'paused']);
  });

  it('documents its cost per sample', () => {
    expect(HISTORY_BYTES_PER_SAMPLE).toBe(8 + 4 + 1 + 1);
  });
});
