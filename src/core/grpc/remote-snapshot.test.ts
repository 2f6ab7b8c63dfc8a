import { describe, expect, it } from 'vitest';
import type { BackendInfo, Transition } from '../../shared/model';
import { createRemoteSnapshot, mergeTransitions } from './remote-snapshot';
import { sampleSite } from './testing/sample-site';

const t = (atMs: number, from: Transition['from'], to: Transition['to'], code = 'L7OK'): Transition => ({
  from,
  to,
  atMs,
  code,
  detail: '',
});

describe('mergeTransitions', () => {
  it('unions newest-first lists without duplicates and reports what was new', () => {
    const have = [t(30, 'down', 'up'), t(20, 'up', 'down', 'L7STS')];
    const got = [t(40, 'up', 'down', 'L4CON'), t(30, 'down', 'up'), t(20, 'up', 'down', 'L7STS')];
    const { merged, added } = mergeTransitions(have, got, 10);
    expect(merged.map((x) => x.atMs)).toEqual([40, 30, 20]);
    expect(added).toEqual([t(40, 'up', 'down', 'L4CON')]);
    expect(mergeTransitions(merged, got, 10).added).toEqual([]);
  });

  it('keeps distinct records at the same instant and honours the limit', () => {
    const { merged } = mergeTransitions(
      [t(10, 'up', 'paused', 'paused')],
      [t(10, 'paused', 'unknown', 'resumed'), t(5, 'unknown', 'up')],
      2,
    );
    expect(merged).toHaveLength(2);
    expect(merged.map((x) => x.code)).toEqual(['resumed', 'paused']);
  });
});

describe('createRemoteSnapshot', () => {
  const withHistory = (b: BackendInfo, transitions: Transition[]): BackendInfo => ({ ...b, transitions });

  it('emits transitions a resync reveals for known backends only, oldest first', () => {
    const s = createRemoteSnapshot();
    const site = sampleSite();
    expect(s.replace(site)).toEqual([]);
    const a = withHistory(site.backends[0]!, [
      t(3000, 'down', 'up'),
      t(2000, 'up', 'down', 'L7STS'),
      ...site.backends[0]!.transitions,
    ]);
    const learned = s.replace({ ...site, backends: [a, site.backends[1]!] });
    expect(learned.map((e) => [e.backend, e.transition.atMs])).toEqual([
      ['web-a', 2000],
      ['web-a', 3000],
    ]);
    expect(s.listBackends()).toEqual(['web-a', 'web-b']);
    expect(s.getBackend('db-a')).toBeUndefined();
  });

  it('applies a streamed event once; an older one does not roll the state back', () => {
    const s = createRemoteSnapshot();
    const site = sampleSite();
    s.replace(site);
    const b = site.backends[0]!;
    const down = {
      type: 'backend' as const,
      backend: 'web-a',
      transition: t(9e12, 'up', 'down', 'L7STS'),
      info: { ...b, state: 'down' as const },
    };
    expect(s.applyBackendEvent(down)).toBe(true);
    expect(s.applyBackendEvent(down)).toBe(false);
    expect(s.getBackend('web-a')?.state).toBe('down');
    const stale = {
      ...down,
      transition: t(1, 'unknown', 'paused', 'paused'),
      info: { ...b, state: 'paused' as const },
    };
    expect(s.applyBackendEvent(stale)).toBe(true);
    expect(s.getBackend('web-a')?.state).toBe('down');
    expect(s.getFrontend('www')?.activePool).toBe(0);
    const removed = {
      ...down,
      transition: t(9.1e12, 'down', 'removed', 'removed'),
      info: { ...b, state: 'removed' as const },
    };
    expect(s.applyBackendEvent(removed)).toBe(true);
    expect(s.hasBackend('web-a')).toBe(false);
  });

  it('derives the active pool from current backend states', () => {
    const s = createRemoteSnapshot();
    const site = sampleSite();
    s.replace(site);
    expect(s.getFrontend('db')?.activePool).toBe(-1);
    s.setBackend({ ...site.backends[2]!, state: 'up' });
    expect(s.getFrontend('db')?.activePool).toBe(0);
    expect(s.frontendsOf('web-b')).toEqual(['www']);
  });
});
