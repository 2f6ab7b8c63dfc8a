import { describe, expect, it } from 'vitest';
import { createDownNotifier, describeDown, type DownNotification } from './down-notifier';
import { createFakeClock } from '../../../tests/fixtures/fake-clock';
import type { BackendState, TransitionRecord } from '../../shared/model';

const tr = (backend: string, from: BackendState, to: BackendState, atMs = 0): TransitionRecord => ({
  backend,
  from,
  to,
  atMs,
  code: 'L4CON',
  detail: '',
});
const batch = (site: string, transitions: TransitionRecord[]) => ({ site, backends: [], frontends: [], transitions, resync: false });

function setup(muted: string[] = []) {
  const clock = createFakeClock();
  const shown: (DownNotification & { at: number })[] = [];
  const mutes = new Set(muted);
  const n = createDownNotifier({
    clock,
    isMuted: (site, b) => mutes.has(`${site}/${b}`),
    siteName: (id) => `Site ${id}`,
    show: (x) => shown.push({ ...x, at: clock.now() }),
  });
  return { clock, shown, n, mutes };
}

describe('describeDown', () => {
  it('names one backend or groups several', () => {
    expect(describeDown('X', ['a'])).toEqual({ title: 'Backend down in X', body: '1 backend down in site X: a' });
    expect(describeDown('X', ['a', 'b', 'c'])).toEqual({ title: '3 backends down in X', body: '3 backends down in site X: a, b, c' });
    expect(describeDown('X', 'abcdefghij'.split('')).body).toBe('10 backends down in site X: a, b, c, d, e, f, g, h, and 2 more');
  });
});

describe('createDownNotifier', () => {
  it('groups the transitions to down of one batch into one notification per site', () => {
    const { shown, n } = setup();
    n.onHealth(batch('s1', [tr('a', 'up', 'down'), tr('b', 'unknown', 'down'), tr('c', 'up', 'paused'), tr('d', 'up', 'down')]));
    n.onHealth(batch('s2', [tr('x', 'up', 'down')]));
    expect(shown.map((s) => [s.site, s.body])).toEqual([
      ['s1', '3 backends down in site Site s1: a, b, d'],
      ['s2', '1 backend down in site Site s2: x'],
    ]);
  });

  it('sends at most one notification per site per 10 s and keeps what came in between', () => {
    const { clock, shown, n } = setup();
    n.onHealth(batch('s', [tr('a', 'up', 'down')]));
    clock.advance(2_000);
    n.onHealth(batch('s', [tr('b', 'up', 'down')]));
    clock.advance(3_000);
    n.onHealth(batch('s', [tr('c', 'up', 'down')]));
    expect(shown).toHaveLength(1);
    clock.advance(4_999);
    expect(shown).toHaveLength(1);
    clock.advance(1);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ backends: ['b', 'c'] });
    expect(shown[1]!.at - shown[0]!.at).toBe(10_000);
  });

  it('drops a backend that recovered before its notification went out', () => {
    const { clock, shown, n } = setup();
    n.onHealth(batch('s', [tr('a', 'up', 'down')]));
    n.onHealth(batch('s', [tr('b', 'up', 'down'), tr('c', 'up', 'down')]));
    n.onHealth(batch('s', [tr('b', 'down', 'up')]));
    clock.advance(10_000);
    expect(shown.map((s) => s.backends)).toEqual([['a'], ['c']]);
    // Newest first in the batch: the notifier orders by time, so d went down and came back.
    n.onHealth(batch('s', [tr('d', 'down', 'up', 2), tr('d', 'up', 'down', 1)]));
    clock.advance(10_000);
    expect(shown).toHaveLength(2);
  });

  it('skips muted backends, also when muted while waiting', () => {
    const { clock, shown, n, mutes } = setup(['s/a']);
    n.onHealth(batch('s', [tr('a', 'up', 'down')]));
    expect(shown).toHaveLength(0);
    n.onHealth(batch('s', [tr('b', 'up', 'down')]));
    n.onHealth(batch('s', [tr('c', 'up', 'down')]));
    mutes.add('s/c');
    clock.advance(10_000);
    expect(shown.map((s) => s.backends)).toEqual([['b']]);
  });

  it('does not notify a down → down refresh', () => {
    const { shown, n } = setup();
    n.onHealth(batch('s', [tr('a', 'down', 'down')]));
    expect(shown).toHaveLength(0);
  });

  it('tracks which backends are down for the mute menu', () => {
    const { n } = setup();
    n.onHealth(batch('s', [tr('b', 'up', 'down'), tr('a', 'up', 'down')]));
    n.onHealth({
      ...batch('t', []),
      backends: [{ name: 'z', address: '', state: 'down', enabled: true, healthcheck: '', transitions: [], lastProbe: null, probing: false }],
    });
    n.onHealth(batch('s', [tr('b', 'down', 'up')]));
    expect(n.downBackends()).toEqual([
      { site: 's', backend: 'a' },
      { site: 't', backend: 'z' },
    ]);
  });

  it('cancels waiting notifications on dispose', () => {
    const { clock, shown, n } = setup();
    n.onHealth(batch('s', [tr('a', 'up', 'down')]));
    n.onHealth(batch('s', [tr('b', 'up', 'down')]));
    n.dispose();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(20_000);
    expect(shown).toHaveLength(1);
  });
});
