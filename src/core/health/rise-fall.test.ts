import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKEND_STATES } from '../../shared/model';
import type { BackendState } from '../../shared/model';
import {
  ALLOWED_TRANSITIONS,
  OPERATOR_TRANSITIONS,
  createBackendHealth,
  jitterMs,
  nextHealth,
  nextIntervalMs,
  trimHistory,
} from './rise-fall';
import type { BackendHealth, HealthEvent, HealthParams, OperatorEventType } from './types';

const P: HealthParams = { rise: 2, fall: 3, historyLimit: 5 };

type Step = [event: string, state: BackendState, counter: number, transition?: string];

let clock = 0;
function ev(name: string): HealthEvent {
  clock += 1000;
  if (name === 'pass') return { type: 'probe-pass', code: 'L7OK', detail: 'HTTP 200', atMs: clock };
  if (name === 'fail') return { type: 'probe-fail', code: 'L7STS', detail: 'HTTP 503', atMs: clock };
  return { type: name as OperatorEventType, atMs: clock };
}

/** Runs the steps from `start`, checking state, counter and transition after every event. */
function runSteps(steps: Step[], params: HealthParams = P, start?: BackendHealth): BackendHealth {
  let h = start ?? createBackendHealth('unknown', params);
  steps.forEach(([name, state, counter, transition], i) => {
    const step = nextHealth(h, ev(name), params);
    const where = `step ${i} (${name})`;
    expect(step.health.state, where).toBe(state);
    expect(step.health.counter, where).toBe(counter);
    const got = step.transition ? `${step.transition.from}>${step.transition.to}:${step.transition.code}` : undefined;
    expect(got, where).toBe(transition);
    if (!step.transition) expect(step.health.transitions, where).toBe(h.transitions);
    h = step.health;
  });
  return h;
}

describe('nextHealth: probe results (rise 2, fall 3, max 4)', () => {
  it('goes up from unknown after one pass (expedited unknown)', () => {
    runSteps([
      ['pass', 'up', 4, 'unknown>up:L7OK'],
      ['pass', 'up', 4],
    ]);
  });

  it('goes down from unknown on the first failure', () => {
    runSteps([['fail', 'down', 0, 'unknown>down:L7STS']]);
  });

  it('needs `fall` consecutive failures to go down from fully up', () => {
    runSteps([
      ['pass', 'up', 4, 'unknown>up:L7OK'],
      ['fail', 'up', 3],
      ['fail', 'up', 2],
      ['fail', 'down', 0, 'up>down:L7STS'],
      ['fail', 'down', 0],
    ]);
  });

  it('needs `rise` consecutive passes to come back up from down', () => {
    runSteps([
      ['fail', 'down', 0, 'unknown>down:L7STS'],
      ['pass', 'down', 1],
      ['pass', 'up', 4, 'down>up:L7OK'],
    ]);
  });

  it('has hysteresis: alternating results never flap either way', () => {
    runSteps([
      ['pass', 'up', 4, 'unknown>up:L7OK'],
      ['fail', 'up', 3],
      ['pass', 'up', 4],
      ['fail', 'up', 3],
      ['fail', 'up', 2],
      ['pass', 'up', 4],
      ['fail', 'up', 3],
      ['fail', 'up', 2],
      ['fail', 'down', 0, 'up>down:L7STS'],
      ['pass', 'down', 1],
      ['fail', 'down', 0],
      ['pass', 'down', 1],
      ['fail', 'down', 0],
      ['pass', 'down', 1],
      ['pass', 'up', 4, 'down>up:L7OK'],
    ]);
  });

  it('handles rise 1 / fall 1 (a single result decides)', () => {
    const p = { rise: 1, fall: 1, historyLimit: 5 };
    runSteps(
      [
        ['pass', 'up', 1, 'unknown>up:L7OK'],
        ['fail', 'down', 0, 'up>down:L7STS'],
        ['pass', 'up', 1, 'down>up:L7OK'],
      ],
      p,
    );
  });
});

describe('nextHealth: operator events', () => {
  it('pauses, ignores results while paused, resumes to unknown with counter rise-1', () => {
    runSteps([
      ['pass', 'up', 4, 'unknown>up:L7OK'],
      ['pause', 'paused', 4, 'up>paused:paused'],
      ['fail', 'paused', 4],
      ['pass', 'paused', 4],
      ['pause', 'paused', 4],
      ['resume', 'unknown', 1, 'paused>unknown:resumed'],
      ['fail', 'down', 0, 'unknown>down:L7STS'],
    ]);
  });

  it('disables from any probing or paused state and enables to unknown', () => {
    runSteps([
      ['fail', 'down', 0, 'unknown>down:L7STS'],
      ['disable', 'disabled', 0, 'down>disabled:disabled'],
      ['pass', 'disabled', 0],
      ['pause', 'disabled', 0],
      ['resume', 'disabled', 0],
      ['disable', 'disabled', 0],
      ['enable', 'unknown', 1, 'disabled>unknown:enabled'],
      ['pause', 'paused', 1, 'unknown>paused:paused'],
      ['disable', 'disabled', 1, 'paused>disabled:disabled'],
    ]);
  });

  it('starts disabled when disabled in config and ignores results', () => {
    runSteps([['pass', 'disabled', 1], ['enable', 'unknown', 1, 'disabled>unknown:enabled']], P, createBackendHealth('disabled', P));
  });

  it('removes from every state and then ignores everything', () => {
    runSteps([
      ['pass', 'up', 4, 'unknown>up:L7OK'],
      ['remove', 'removed', 4, 'up>removed:removed'],
      ['pass', 'removed', 4],
      ['enable', 'removed', 4],
      ['resume', 'removed', 4],
      ['config-changed', 'removed', 4],
    ]);
  });

  it('restarts to unknown on config-changed, keeping history', () => {
    const h = runSteps([
      ['pass', 'up', 4, 'unknown>up:L7OK'],
      ['config-changed', 'unknown', 1, 'up>unknown:config-changed'],
      ['config-changed', 'unknown', 1, 'unknown>unknown:config-changed'],
      ['pass', 'up', 4, 'unknown>up:L7OK'],
    ]);
    expect(h.transitions.map((t) => t.code)).toEqual(['L7OK', 'config-changed', 'config-changed', 'L7OK']);
  });

  it('leaves paused and disabled backends alone on config-changed', () => {
    runSteps([
      ['pause', 'paused', 1, 'unknown>paused:paused'],
      ['config-changed', 'paused', 1],
      ['disable', 'disabled', 1, 'paused>disabled:disabled'],
      ['config-changed', 'disabled', 1],
    ]);
  });
});

describe('transition history', () => {
  it('keeps the newest `transition-history` entries, newest first', () => {
    const p = { rise: 1, fall: 1, historyLimit: 3 };
    let h = createBackendHealth('unknown', p);
    const seq = ['pass', 'fail', 'pass', 'fail', 'pass'];
    for (const name of seq) h = nextHealth(h, ev(name), p).health;
    expect(h.transitions).toHaveLength(3);
    expect(h.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['down>up', 'up>down', 'down>up']);
    const times = h.transitions.map((t) => t.atMs);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(trimHistory(h, 1).transitions).toEqual([h.transitions[0]]);
    expect(trimHistory(h, 10)).toBe(h);
  });

  it('carries code, detail and time of the causing event', () => {
    const at = 1234;
    const step = nextHealth(createBackendHealth('unknown', P), { type: 'probe-fail', code: 'L4CON', detail: 'connection refused', atMs: at }, P);
    expect(step.transition).toEqual({ from: 'unknown', to: 'down', atMs: at, code: 'L4CON', detail: 'connection refused' });
    const pause = nextHealth(step.health, { type: 'pause', atMs: at + 1, detail: 'by operator' }, P);
    expect(pause.transition).toEqual({ from: 'down', to: 'paused', atMs: at + 1, code: 'paused', detail: 'by operator' });
  });
});

describe('the transition table', () => {
  it('lists every operator target as an allowed transition', () => {
    for (const [event, row] of Object.entries(OPERATOR_TRANSITIONS)) {
      for (const [from, to] of Object.entries(row)) {
        expect(ALLOWED_TRANSITIONS[from as BackendState], `${event}: ${from} → ${to}`).toContain(to);
      }
    }
  });

  it('only ever makes allowed transitions and keeps the counter in range (property)', () => {
    const names = ['pass', 'fail', 'pause', 'resume', 'enable', 'disable', 'remove', 'config-changed'];
    const arb = fc.record({
      rise: fc.integer({ min: 1, max: 6 }),
      fall: fc.integer({ min: 1, max: 6 }),
      limit: fc.integer({ min: 1, max: 8 }),
      events: fc.array(fc.constantFrom(...names), { maxLength: 60 }),
      start: fc.constantFrom<'unknown' | 'disabled'>('unknown', 'disabled'),
    });
    fc.assert(
      fc.property(arb, ({ rise, fall, limit, events, start }) => {
        const p = { rise, fall, historyLimit: limit };
        let h = createBackendHealth(start, p);
        for (const name of events) {
          const { health, transition } = nextHealth(h, ev(name), p);
          if (transition) {
            expect(ALLOWED_TRANSITIONS[transition.from]).toContain(transition.to);
            expect(transition.from).toBe(h.state);
            expect(transition.to).toBe(health.state);
            expect(health.transitions[0]).toBe(transition);
          } else expect(health.state).toBe(h.state);
          expect(BACKEND_STATES).toContain(health.state);
          expect(health.counter).toBeGreaterThanOrEqual(0);
          expect(health.counter).toBeLessThanOrEqual(rise + fall - 1);
          if (health.state === 'up') expect(health.counter).toBeGreaterThanOrEqual(rise);
          if (health.state === 'down') expect(health.counter).toBeLessThan(rise);
          expect(health.transitions.length).toBeLessThanOrEqual(limit);
          h = health;
        }
      }),
    );
  });
});

describe('nextIntervalMs', () => {
  const hc = { intervalMs: 1000, fastIntervalMs: 500, downIntervalMs: 5000, rise: 2, fall: 3 };
  const at = (state: BackendState, counter: number): BackendHealth => ({ state, counter, transitions: [] });

  it('picks interval at max, down-interval at 0, fast in between and while unknown', () => {
    expect(nextIntervalMs(at('up', 4), hc)).toBe(1000);
    expect(nextIntervalMs(at('up', 3), hc)).toBe(500);
    expect(nextIntervalMs(at('up', 2), hc)).toBe(500);
    expect(nextIntervalMs(at('down', 1), hc)).toBe(500);
    expect(nextIntervalMs(at('down', 0), hc)).toBe(5000);
    expect(nextIntervalMs(at('unknown', 1), hc)).toBe(500);
    expect(nextIntervalMs(at('unknown', 0), { ...hc, rise: 1 })).toBe(500);
  });

  it('jitters within [0.9, 1.1]', () => {
    expect(jitterMs(1000, () => 0)).toBe(900);
    expect(jitterMs(1000, () => 0.5)).toBe(1000);
    expect(jitterMs(1000, () => 0.999999)).toBeCloseTo(1100, 2);
  });
});
