import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, createRecordingLogger, describeItem, stateEvents } from './checker-harness';
import type { Harness } from './checker-harness';
import { testConfig } from './test-config';
import type { SubscriptionItem } from './types';

let h: Harness | undefined;
afterEach(async () => {
  await h?.checker.stop();
  h = undefined;
});

const pass = { ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 } as const;
const fail = { ok: false, code: 'L7STS', detail: 'HTTP 503', durationMs: 1 } as const;

/**
 * One frontend: primary [a, b(50)], standby [c]. Probe answers come from `answers` by address; a
 * backend without an answer keeps its probe in flight (the long timeout keeps it `unknown`).
 */
function site(answers: Map<string, boolean>, logger?: ReturnType<typeof createRecordingLogger>): Harness {
  const harness = createHarness(
    testConfig({
      checks: [{ rise: 1, fall: 1, timeoutMs: 60_000 }],
      backends: ['a', 'b', 'c'],
      frontends: [{ name: 'www', pools: [{ name: 'primary', backends: ['a', ['b', 50]] }, { name: 'standby', backends: ['c'] }] }],
    }),
    { logger },
  );
  harness.probers.autoRespond = (t) => (answers.get(t.address) === false ? fail : answers.has(t.address) ? pass : undefined);
  return harness;
}

describe('checker events', () => {
  it('sends the synthetic frontend states first, then transitions in emit order', async () => {
    const answers = new Map([['10.0.0.1', true]]);
    h = site(answers);
    const sub = h.checker.subscribe();
    h.checker.start();
    await h.clock.advance(0);
    expect(sub.drain().map(describeItem)).toEqual([
      'frontend www unknown>unknown',
      'backend a unknown>up L7OK',
      'frontend www unknown>up',
    ]);
    const noInitial = h.checker.subscribe({ initialFrontendEvents: false });
    const backendsOnly = h.checker.subscribe({ frontend: false });
    const frontendsOnly = h.checker.subscribe({ backend: false, initialFrontendEvents: false });
    answers.set('10.0.0.1', false);
    await h.clock.advance(1000);
    expect(stateEvents(noInitial.drain())).toEqual(['backend a up>down L7STS', 'frontend www up>down']);
    expect(stateEvents(backendsOnly.drain())).toEqual(['backend a up>down L7STS']);
    expect(stateEvents(frontendsOnly.drain())).toEqual(['frontend www up>down']);
  });

  it('carries the backend info after the transition', async () => {
    h = site(new Map([['10.0.0.1', true]]));
    const sub = h.checker.subscribe({ frontend: false });
    h.checker.start();
    await h.clock.advance(0);
    const [ev] = sub.drain();
    expect(ev).toMatchObject({
      type: 'backend',
      backend: 'a',
      info: { name: 'a', state: 'up', enabled: true, lastProbe: { ok: true, code: 'L7OK' } },
    });
  });

  it('never blocks on a slow subscriber: it loses the oldest events and learns how many; others get all', async () => {
    const answers = new Map([['10.0.0.1', true]]);
    h = createHarness(testConfig({ checks: [{ rise: 1, fall: 1 }], backends: ['a'] }));
    h.probers.autoRespond = (t) => (answers.get(t.address) ? pass : fail);
    const slow = h.checker.subscribe({ capacity: 5, initialFrontendEvents: false, frontend: false });
    const fast = h.checker.subscribe({ initialFrontendEvents: false, frontend: false });
    const seenFast: SubscriptionItem[] = [];
    h.checker.start();
    // rise 1 / fall 1: every alternation is a transition of a.
    for (let i = 0; i < 40; i++) {
      answers.set('10.0.0.1', i % 2 === 1);
      await h.clock.advance(i % 2 === 1 ? 5000 : 1000);
      seenFast.push(...fast.drain());
    }
    const all = seenFast.map(describeItem);
    expect(all).toHaveLength(40);
    expect(all.slice(0, 3)).toEqual(['backend a unknown>down L7STS', 'backend a down>up L7OK', 'backend a up>down L7STS']);
    const got = slow.drain();
    expect(got).toHaveLength(6); // bounded: capacity + the marker
    expect(got[0]).toEqual({ type: 'dropped', count: 35 });
    expect(got.slice(1).map(describeItem)).toEqual(all.slice(35));
  });

  it('sends log records at the subscriber’s level and builds probe records only for a debug listener', async () => {
    const logger = createRecordingLogger('info');
    h = site(new Map([['10.0.0.1', true]]), logger);
    const info = h.checker.subscribe({ logLevel: 'info', backend: false, frontend: false });
    const none = h.checker.subscribe({ backend: false, frontend: false });
    h.checker.start();
    await h.clock.advance(0);
    expect(info.drain().map(describeItem)).toEqual([
      'log info backend-start',
      'log info backend-start',
      'log info backend-start',
      'log info backend-transition',
      'log info frontend-transition',
    ]);
    expect(none.drain()).toEqual([]);
    expect(logger.records.some((r) => r.level === 'debug')).toBe(false);
    expect(logger.records.find((r) => r.msg === 'backend-transition')?.attrs).toEqual({
      backend: 'a',
      from: 'unknown',
      to: 'up',
      code: 'L7OK',
      detail: 'HTTP 200',
    });

    const debug = h.checker.subscribe({ logLevel: 'debug', backend: false, frontend: false });
    await h.clock.advance(1000);
    const records = debug.drain().flatMap((i) => (i.type === 'log' && i.record.attrs.backend === 'a' ? [i.record] : []));
    expect(records.map((r) => r.msg)).toEqual(['probe-start', 'probe-done']);
    expect(records[1]?.attrs).toEqual({ backend: 'a', type: 'http', ok: 'true', code: 'L7OK', detail: 'HTTP 200', elapsed: '0ms' });
    expect(records[1]?.level).toBe('debug');
    expect(logger.records.some((r) => r.level === 'debug')).toBe(false); // the logger's own level holds
    debug.close();
    await h.clock.advance(1000);
    expect(info.drain().some((i) => i.type === 'log' && i.record.level === 'debug')).toBe(false);
  });

  it('gives the injected logger debug records when it asks for them, without subscribers', async () => {
    const logger = createRecordingLogger('debug');
    h = site(new Map([['10.0.0.1', true]]), logger);
    h.checker.start();
    await h.clock.advance(0);
    expect(logger.records.filter((r) => r.level === 'debug').map((r) => r.msg)).toEqual(['probe-start', 'probe-done']);
  });

  it('ends subscriptions, cancels timers and aborts probes on stop', async () => {
    h = site(new Map());
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const reading = (async () => {
      const got: SubscriptionItem[] = [];
      for await (const item of sub) got.push(item);
      return got;
    })();
    h.checker.start();
    await h.clock.advance(700); // a, b, c each have a probe in flight (nobody answers)
    expect(h.probers.pending()).toHaveLength(3);
    await h.checker.stop();
    expect(h.probers.probes.every((p) => p.aborted && p.settled)).toBe(true);
    expect(await reading).toEqual([]);
    expect(sub.closed).toBe(true);
    expect(h.clock.pending()).toBe(0);
    await h.clock.advance(10_000);
    expect(h.probers.probes).toHaveLength(3);
    expect(h.checker.subscribe().closed).toBe(true);
  });
});

describe('stop', () => {
  it('waits for a prober that ignores its abort signal at most its timeout plus a second', async () => {
    h = site(new Map());
    h.probers.ignoreAbort = true;
    h.checker.start();
    await h.clock.advance(0);
    let stopped = false;
    void h.checker.stop().then(() => (stopped = true));
    await h.clock.advance(60_000);
    expect(stopped).toBe(false);
    await h.clock.advance(1000);
    expect(stopped).toBe(true);
  });
});

describe('effective weights and frontend state through the checker', () => {
  it('follows pool failover with flush-on-down', async () => {
    h = site(new Map());
    const sub = h.checker.subscribe({ backend: false, initialFrontendEvents: false });
    h.checker.start();
    expect(h.checker.getFrontend('www')).toMatchObject({ state: 'unknown', activePool: -1 });
    await h.clock.advance(700); // a, b and c each have a probe in flight
    const answer = (address: string, ok: boolean) => {
      const p = h!.probers.pending(address)[0]!;
      if (ok) p.pass();
      else p.fail();
    };
    const weights = () =>
      h!.checker.getFrontend('www')!.pools.map((p) => p.backends.map((b) => `${b.name}:${b.effectiveWeight}${b.flush ? 'F' : ''}`));

    answer('10.0.0.3', true); // only the standby is up
    await h.clock.settle();
    expect(h.checker.getFrontend('www')).toMatchObject({ state: 'up', activePool: 1 });
    expect(weights()).toEqual([['a:0', 'b:0'], ['c:100']]);

    answer('10.0.0.1', false);
    answer('10.0.0.2', true);
    await h.clock.settle();
    expect(h.checker.getFrontend('www')).toMatchObject({ state: 'up', activePool: 0 });
    expect(weights()).toEqual([['a:0F', 'b:50'], ['c:0']]);

    h.checker.disable('b');
    expect(h.checker.getFrontend('www')?.activePool).toBe(1);
    expect(weights()).toEqual([['a:0F', 'b:0F'], ['c:100']]);

    await h.clock.advance(1000); // c's next probe is in flight
    answer('10.0.0.3', false);
    await h.clock.settle();
    expect(h.checker.getFrontend('www')).toMatchObject({ state: 'down', activePool: -1 });
    expect(weights()).toEqual([['a:0F', 'b:0F'], ['c:0F']]);
    expect(stateEvents(sub.drain())).toEqual(['frontend www unknown>up', 'frontend www up>down']);
  });
});
