import { describe, expect, it } from 'vitest';
import type { TransitionRecord } from '../../shared/model';
import { createRing } from './ring';
import { createTransitionLog } from './transition-log';
import { createLogBuffer } from './log-buffer';

const tr = (backend: string, atMs: number, to: TransitionRecord['to'] = 'down'): TransitionRecord => ({
  backend,
  from: 'up',
  to,
  atMs,
  code: 'L4CON',
  detail: 'connection refused',
});

describe('ring', () => {
  it('keeps the newest entries and visits them newest first', () => {
    const ring = createRing<number>(3);
    expect(ring.push(1)).toBeUndefined();
    ring.push(2);
    ring.push(3);
    expect(ring.push(4)).toBe(1);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    const seen: number[] = [];
    ring.forEachNewest((n) => void seen.push(n));
    expect(seen).toEqual([4, 3, 2]);
    const firstTwo: number[] = [];
    ring.forEachNewest((n) => (firstTwo.push(n), firstTwo.length < 2));
    expect(firstTwo).toEqual([4, 3]);
    ring.clear();
    expect(ring.size).toBe(0);
  });
});

describe('transition log', () => {
  it('is bounded, newest first, and filters by backend, frontend, state and time', () => {
    const log = createTransitionLog(4);
    for (let i = 1; i <= 6; i++) log.add(tr(i % 2 ? 'a' : 'b', i * 10, i % 3 ? 'down' : 'up'));
    expect(log.size).toBe(4);
    expect(log.query({}).map((r) => r.atMs)).toEqual([60, 50, 40, 30]);
    expect(log.query({ backend: 'a' }).map((r) => r.atMs)).toEqual([50, 30]);
    expect(log.query({ states: ['up'] }).map((r) => r.atMs)).toEqual([60, 30]);
    expect(log.query({ fromMs: 35, toMs: 55 }).map((r) => r.atMs)).toEqual([50, 40]);
    expect(log.query({ limit: 1 }).map((r) => r.atMs)).toEqual([60]);
    const fe = (name: string) => (name === 'www' ? new Set(['b']) : undefined);
    expect(log.query({ frontend: 'www' }, fe).map((r) => r.atMs)).toEqual([60, 40]);
    expect(log.query({ frontend: 'nope' }, fe)).toEqual([]);
  });

  it('ignores duplicates (resync) and sorts late arrivals by time', () => {
    const log = createTransitionLog(10);
    expect(log.add(tr('a', 100))).toBe(true);
    expect(log.add(tr('a', 100))).toBe(false);
    log.add(tr('a', 300));
    log.add(tr('b', 200)); // learnt from a resync after a reconnect
    expect(log.query({}).map((r) => r.atMs)).toEqual([300, 200, 100]);
    expect(log.query({ limit: 2 }).map((r) => r.atMs)).toEqual([300, 200]);
  });

  it('forgets the keys of evicted records so that they can come back', () => {
    const log = createTransitionLog(2);
    log.add(tr('a', 1));
    log.add(tr('a', 2));
    log.add(tr('a', 3));
    expect(log.add(tr('a', 1))).toBe(true);
  });
});

describe('log buffer', () => {
  it('keeps debug floods from pushing out warnings and returns oldest first', () => {
    const buf = createLogBuffer(3);
    buf.add({ atMs: 1, level: 'warn', msg: 'w', attrs: {} });
    for (let i = 2; i < 100; i++) buf.add({ atMs: i, level: 'debug', msg: 'probe-done', attrs: {} });
    buf.add({ atMs: 100, level: 'info', msg: 'i', attrs: {} });
    expect(buf.recent('info').map((r) => r.msg)).toEqual(['w', 'i']);
    expect(buf.recent('warn').map((r) => r.msg)).toEqual(['w']);
    expect(buf.recent('debug').map((r) => r.atMs)).toEqual([1, 97, 98, 99, 100]);
    expect(buf.recent('debug', 2).map((r) => r.atMs)).toEqual([99, 100]);
  });
});
