import type { BackendState, Transition } from '../../shared/model';

/**
 * Runtime health of one backend: the only input and output of the state machine.
 * Counters live here, never on the parsed config (design.md §6).
 */
export interface BackendHealth {
  readonly state: BackendState;
  /** HAProxy single counter in [0, rise+fall-1]; meaningful while probing (unknown, up, down). */
  readonly counter: number;
  /** Newest first, at most `historyLimit` entries. */
  readonly transitions: readonly Transition[];
}

/** The rise/fall pair of a check. */
export interface RiseFall {
  readonly rise: number;
  readonly fall: number;
}

/** What `nextHealth` needs besides the state and the event. */
export interface HealthParams extends RiseFall {
  /** The config's `transition-history`: transitions kept per backend. */
  readonly historyLimit: number;
}

/** A probe result as the state machine sees it. */
export interface ProbeEvent {
  readonly type: 'probe-pass' | 'probe-fail';
  readonly code: string;
  readonly detail: string;
  readonly atMs: number;
}

/** The operator and lifecycle events the state machine knows. */
export type OperatorEventType = 'pause' | 'resume' | 'enable' | 'disable' | 'remove' | 'config-changed';

/** An operator action or a lifecycle change (reload). */
export interface OperatorEvent {
  readonly type: OperatorEventType;
  readonly atMs: number;
  readonly detail?: string;
}

/** Anything that can move a backend's state: a probe result or an operator event. */
export type HealthEvent = ProbeEvent | OperatorEvent;

/** The result of one step: the next health and, when the state changed, the transition appended. */
export interface HealthStep {
  readonly health: BackendHealth;
  readonly transition: Transition | null;
}

/** The three intervals of a check plus rise/fall, which decide the next interval. */
export interface IntervalParams extends RiseFall {
  readonly intervalMs: number;
  readonly fastIntervalMs: number;
  readonly downIntervalMs: number;
}
