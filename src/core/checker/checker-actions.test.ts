import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, probeTimes, stateEvents } from './checker-harness';
import type { Harness } from './checker-harness';
import { testConfig } from './test-config';

let h: Harness | undefined;
afterEach(async () => {
  await h?.checker.stop();
  h = undefined;
});

function upAndRunning(): Harness {
  const harness = createHarness(
    testConfig({
      backends: ['a', 'b'],
      frontends: [{ name: 'www', pools: [{ name: 'primary', backends: ['a', ['b', 50]] }] }],
    }),
  );
  harness.probers.autoRespond = () => ({ ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 });
  harness.checker.start();
  return harness;
}

describe('operator actions', () => {
  it('pauses: stops probing, aborts the probe in flight, emits `paused`; resume restarts at unknown', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    h.probers.autoRespond = null;
    await h.clock.advance(400); // a's probe at 1000 is now in flight
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const inFlight = h.probers.pending('10.0.0.1')[0]!;
    const paused = h.checker.pause('a');
    expect(paused).toMatchObject({ ok: true, value: { state: 'paused' } });
    expect(paused.ok && paused.value.transitions[0]).toMatchObject({ from: 'up', to: 'paused', code: 'paused' });
    expect(inFlight.aborted).toBe(true);
    expect(h.checker.isProbing('a')).toBe(false);
    const before = h.probers.calls('10.0.0.1');
    await h.clock.advance(10_000);
    expect(h.probers.calls('10.0.0.1')).toBe(before);
    h.probers.autoRespond = () => ({ ok: true, code: 'L7OK', detail: 'HTTP 200', durationMs: 1 });
    const resumed = h.checker.resume('a');
    expect(resumed.ok && resumed.value.state).toBe('unknown');
    await h.clock.advance(0);
    expect(h.probers.calls('10.0.0.1')).toBe(before + 1); // probed again at once
    expect(h.checker.getBackend('a')?.transitions.map((t) => t.code)).toEqual(['L7OK', 'resumed', 'paused', 'L7OK']);
    // (b's probes hang meanwhile and take it and the frontend down; only a matters here.)
    expect(stateEvents(sub.drain()).filter((e) => e.startsWith('backend a'))).toEqual([
      'backend a up>paused paused',
      'backend a paused>unknown resumed',
      'backend a unknown>up L7OK',
    ]);
  });

  it('treats a repeated action as a no-op that returns the current info', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    h.checker.pause('a');
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    expect(h.checker.pause('a')).toMatchObject({ ok: true, value: { state: 'paused' } });
    expect(h.checker.resume('b')).toMatchObject({ ok: true, value: { state: 'up' } });
    expect(h.checker.enable('b')).toMatchObject({ ok: true, value: { state: 'up', enabled: true } });
    h.checker.disable('b');
    expect(h.checker.disable('b')).toMatchObject({ ok: true, value: { state: 'disabled' } });
    expect(stateEvents(sub.drain())).toEqual(['backend b up>disabled disabled', 'frontend www up>down']);
  });

  it('disables with probe code `disabled`, refuses pause/resume while disabled, enables to unknown', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    const d = h.checker.disable('a');
    expect(d).toMatchObject({
      ok: true,
      value: { state: 'disabled', enabled: false, lastProbe: { ok: false, code: 'disabled' } },
    });
    expect(h.checker.pause('a')).toEqual({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('"a"') },
    });
    expect(h.checker.resume('a')).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    const before = h.probers.calls('10.0.0.1');
    await h.clock.advance(5000);
    expect(h.probers.calls('10.0.0.1')).toBe(before);
    const e = h.checker.enable('a');
    expect(e).toMatchObject({ ok: true, value: { state: 'unknown', enabled: true } });
    await h.clock.advance(0);
    const info = h.checker.getBackend('a');
    expect(info?.state).toBe('up');
    expect(info?.transitions.map((t) => t.code)).toEqual(['L7OK', 'enabled', 'disabled', 'L7OK']);
  });

  it('disables a paused backend', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    h.checker.pause('a');
    const r = h.checker.disable('a');
    expect(r.ok && r.value.transitions[0]).toMatchObject({ from: 'paused', to: 'disabled', code: 'disabled' });
  });

  it('answers NOT_FOUND naming the backend and INVALID_ARGUMENT for an empty name', () => {
    h = upAndRunning();
    for (const act of ['pause', 'resume', 'enable', 'disable'] as const) {
      expect(h.checker[act]('nope')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'backend "nope" not found' } });
      expect(h.checker[act]('')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });
});

describe('setWeight', () => {
  it('changes the configured weight until reload, with no transition', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    const r = h.checker.setWeight('www', 'primary', 'b', 20);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pools[0]?.backends).toEqual([
      { name: 'a', weight: 100, effectiveWeight: 100, flush: false },
      { name: 'b', weight: 20, effectiveWeight: 20, flush: false },
    ]);
    expect(sub.drain()).toEqual([]);
    expect(h.checker.getFrontend('www')?.pools[0]?.backends[1]?.weight).toBe(20);
  });

  it('emits a frontend event when weights take the frontend down and back up', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    const sub = h.checker.subscribe({ initialFrontendEvents: false });
    h.checker.setWeight('www', 'primary', 'a', 0);
    h.checker.setWeight('www', 'primary', 'b', 0);
    expect(h.checker.getFrontend('www')).toMatchObject({ state: 'down', activePool: 0 });
    h.checker.setWeight('www', 'primary', 'b', 1);
    expect(stateEvents(sub.drain())).toEqual(['frontend www up>down', 'frontend www down>up']);
  });

  it('validates its arguments', () => {
    h = upAndRunning();
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
    expect(code(h.checker.setWeight('www', 'primary', 'a', 101))).toBe('INVALID_ARGUMENT');
    expect(code(h.checker.setWeight('www', 'primary', 'a', -1))).toBe('INVALID_ARGUMENT');
    expect(code(h.checker.setWeight('www', 'primary', 'a', 1.5))).toBe('INVALID_ARGUMENT');
    expect(code(h.checker.setWeight('', 'primary', 'a', 1))).toBe('INVALID_ARGUMENT');
    expect(h.checker.setWeight('nope', 'primary', 'a', 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('"nope"') } });
    expect(h.checker.setWeight('www', 'standby', 'a', 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('"standby"') } });
    expect(h.checker.setWeight('www', 'primary', 'zz', 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('"zz"') } });
    expect(code(h.checker.setWeight('www', 'primary', 'a', 0))).toBe('OK');
    expect(code(h.checker.setWeight('www', 'primary', 'a', 100))).toBe('OK');
  });

  it('does not disturb probing', async () => {
    h = upAndRunning();
    await h.clock.advance(600);
    h.checker.setWeight('www', 'primary', 'a', 0);
    await h.clock.advance(2000);
    expect(probeTimes(h, '10.0.0.1')).toEqual([0, 1000, 2000]);
  });
});
