import type { BackendState, OperatorCode, Transition } from '../../shared/model';
import type {
  BackendHealth,
  HealthEvent,
  HealthParams,
  HealthStep,
  IntervalParams,
  OperatorEvent,
  OperatorEventType,
  ProbeEvent,
  RiseFall,
} from './types';

/** Every state change the machine may make, from → allowed targets (spec/health.md). */
export const ALLOWED_TRANSITIONS: Readonly<Record<BackendState, readonly BackendState[]>> = {
  // unknown → unknown is a restart after a config change (the counter is reset, history notes it).
  unknown: ['up', 'down', 'paused', 'disabled', 'removed', 'unknown'],
  up: ['down', 'paused', 'disabled', 'removed', 'unknown'],
  down: ['up', 'paused', 'disabled', 'removed', 'unknown'],
  paused: ['unknown', 'disabled', 'removed'],
  disabled: ['unknown', 'removed'],
  removed: [],
};

/**
 * Operator and lifecycle events: state → next state. A missing entry means the event does not apply
 * in that state (a no-op; the checker decides whether that is an error for the caller).
 */
export const OPERATOR_TRANSITIONS: Readonly<
  Record<OperatorEventType, Readonly<Partial<Record<BackendState, BackendState>>>>
> = {
  pause: { unknown: 'paused', up: 'paused', down: 'paused' },
  resume: { paused: 'unknown' },
  disable: { unknown: 'disabled', up: 'disabled', down: 'disabled', paused: 'disabled' },
  enable: { disabled: 'unknown' },
  remove: { unknown: 'removed', up: 'removed', down: 'removed', paused: 'removed', disabled: 'removed' },
  // A paused or disabled backend keeps its state; the new check applies when it probes again.
  'config-changed': { unknown: 'unknown', up: 'unknown', down: 'unknown' },
};

/** The transition code each operator event records. */
export const OPERATOR_EVENT_CODES: Readonly<Record<OperatorEventType, OperatorCode>> = {
  pause: 'paused',
  resume: 'resumed',
  enable: 'enabled',
  disable: 'disabled',
  remove: 'removed',
  'config-changed': 'config-changed',
};

/** Returns the counter's maximum, `rise + fall - 1` (fully up). */
export function maxCounter(p: RiseFall): number {
  return p.rise + p.fall - 1;
}

/** Tells whether probe results count in this state (they are ignored while paused, disabled, removed). */
export function isProbingState(state: BackendState): boolean {
  return state === 'unknown' || state === 'up' || state === 'down';
}

/** Creates the runtime health of a backend that starts `unknown` (or `disabled` when disabled in config). */
export function createBackendHealth(initial: 'unknown' | 'disabled', p: RiseFall): BackendHealth {
  return { state: initial, counter: p.rise - 1, transitions: [] };
}

/** Computes the next health and the transition (if the state changed) for one event. Pure. */
export function nextHealth(health: BackendHealth, event: HealthEvent, params: HealthParams): HealthStep {
  return event.type === 'probe-pass' || event.type === 'probe-fail'
    ? applyProbe(health, event as ProbeEvent, params)
    : applyOperator(health, event as OperatorEvent, params);
}

/**
 * HAProxy's counter: a pass adds one and, on reaching `rise`, jumps to the maximum (up); a failure
 * takes one and, on falling below `rise`, drops to 0 (down). So going up takes `rise` consecutive
 * passes from fully down, going down `fall` consecutive failures from fully up, and a backend that
 * alternates pass/fail does not flap. `unknown` sits at rise-1: one pass → up, one failure → down.
 */
function applyProbe(h: BackendHealth, e: ProbeEvent, p: HealthParams): HealthStep {
  if (!isProbingState(h.state)) return { health: h, transition: null };
  const max = maxCounter(p);
  let counter: number;
  if (e.type === 'probe-pass') {
    counter = Math.min(h.counter + 1, max);
    if (counter >= p.rise) counter = max;
  } else {
    counter = Math.max(h.counter - 1, 0);
    if (counter < p.rise) counter = 0;
  }
  const state: BackendState = counter >= p.rise ? 'up' : 'down';
  if (state === h.state) {
    return counter === h.counter ? { health: h, transition: null } : { health: { ...h, counter }, transition: null };
  }
  return withTransition(h, state, counter, e.atMs, e.code, e.detail, p.historyLimit);
}

function applyOperator(h: BackendHealth, e: OperatorEvent, p: HealthParams): HealthStep {
  const to = OPERATOR_TRANSITIONS[e.type][h.state];
  if (to === undefined) return { health: h, transition: null };
  const counter = to === 'unknown' ? p.rise - 1 : h.counter;
  return withTransition(h, to, counter, e.atMs, OPERATOR_EVENT_CODES[e.type], e.detail ?? '', p.historyLimit);
}

function withTransition(
  h: BackendHealth,
  to: BackendState,
  counter: number,
  atMs: number,
  code: string,
  detail: string,
  limit: number,
): HealthStep {
  const transition: Transition = { from: h.state, to, atMs, code, detail };
  return { health: { state: to, counter, transitions: prependCapped(h.transitions, transition, limit) }, transition };
}

/** Returns `list` with `item` in front, keeping at most `limit` entries (newest first). */
export function prependCapped<T>(list: readonly T[], item: T, limit: number): T[] {
  const n = Math.max(1, Math.min(list.length + 1, limit));
  const out = new Array<T>(n);
  out[0] = item;
  for (let i = 1; i < n; i++) out[i] = list[i - 1] as T;
  return out;
}

/** Returns `health` with its history cut to `limit` (after `transition-history` shrinks on reload). */
export function trimHistory(health: BackendHealth, limit: number): BackendHealth {
  return health.transitions.length <= limit ? health : { ...health, transitions: health.transitions.slice(0, limit) };
}

/**
 * Picks the delay before the next probe: `interval` when fully up, `down-interval` when fully down,
 * `fast-interval` in between and while `unknown`. Jitter is the caller's (it owns the random source).
 */
export function nextIntervalMs(health: BackendHealth, hc: IntervalParams): number {
  if (health.state === 'unknown') return hc.fastIntervalMs;
  if (health.counter >= maxCounter(hc)) return hc.intervalMs;
  if (health.counter <= 0) return hc.downIntervalMs;
  return hc.fastIntervalMs;
}

/** Applies the jitter factor in [0.9, 1.1) drawn from `random()` in [0, 1). */
export function jitterMs(ms: number, random: () => number): number {
  return ms * (0.9 + 0.2 * random());
}
