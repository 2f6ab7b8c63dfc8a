// Test-only helper: a checker on a fake clock and fake probers, plus small readers.
import type { CheckerEvent, LogRecord } from '../../shared/model';
import type { Config } from '../config';
import type { Logger } from '../log';
import { createFakeClock } from '../scheduler';
import type { FakeClock } from '../scheduler';
import type { RandomSource } from '../util';
import { createChecker } from './checker';
import type { CheckerObserver } from './context';
import { createFakeProberRegistry } from './fake-probers';
import type { FakeProberRegistry } from './fake-probers';
import type { Checker, SubscriptionItem } from './types';

/** A checker under test with its fake clock and probers. */
export interface Harness {
  clock: FakeClock;
  probers: FakeProberRegistry;
  checker: Checker;
  t0: number;
}

/** Creates a checker on a fake clock (jitter factor 1 unless `random` says otherwise). */
export function createHarness(
  config: Config,
  opts: { random?: RandomSource; logger?: Logger; observer?: CheckerObserver; historyCapacity?: number } = {},
): Harness {
  const clock = createFakeClock(1_000_000);
  const probers = createFakeProberRegistry(() => clock.now());
  const checker = createChecker({
    config,
    probers,
    clock,
    random: opts.random ?? (() => 0.5),
    logger: opts.logger,
    observer: opts.observer,
    historyCapacity: opts.historyCapacity,
  });
  return { clock, probers, checker, t0: clock.now() };
}

/** Start times of every probe of `address`, relative to `t0`. */
export function probeTimes(h: Harness, address: string): number[] {
  return h.probers.probes.filter((p) => p.target.address === address).map((p) => p.startedAt - h.t0);
}

/** Compact form of an item for assertions: `backend a unknown>up L7OK`, `frontend f unknown>up`. */
export function describeItem(item: SubscriptionItem): string {
  switch (item.type) {
    case 'dropped':
      return `dropped ${item.count}`;
    case 'backend':
      return `backend ${item.backend} ${item.transition.from}>${item.transition.to} ${item.transition.code}`;
    case 'frontend':
      return `frontend ${item.frontend} ${item.from}>${item.to}`;
    case 'log':
      return `log ${item.record.level} ${item.record.msg}`;
  }
}

/** Backend and frontend events only, described. */
export function stateEvents(items: SubscriptionItem[]): string[] {
  return items.filter((i) => i.type === 'backend' || i.type === 'frontend').map(describeItem);
}

/** A logger that records what it receives at or above `level`. */
export function createRecordingLogger(level: 'debug' | 'info' | 'warn' | 'error'): Logger & { records: LogRecord[] } {
  const order = ['debug', 'info', 'warn', 'error'];
  const records: LogRecord[] = [];
  const at = (l: LogRecord['level']) => (msg: string, attrs?: Record<string, unknown>) => {
    records.push({ atMs: 0, level: l, msg, attrs: Object.fromEntries(Object.entries(attrs ?? {}).map(([k, v]) => [k, String(v)])) });
  };
  return {
    module: 'checker',
    records,
    isEnabled: (l) => order.indexOf(l) >= order.indexOf(level),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

/** Returns the backend events in `items`. */
export function backendEvents(items: SubscriptionItem[]): Extract<CheckerEvent, { type: 'backend' }>[] {
  return items.filter((i): i is Extract<CheckerEvent, { type: 'backend' }> => i.type === 'backend');
}
