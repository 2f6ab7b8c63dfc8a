import type { BackendState, FrontendState } from '../../shared/model';

/** A pool member as the weight rules see it (the configured weight, run-time overrides applied). */
export interface WeightedMember {
  readonly backend: string;
  readonly weight: number;
}

/** An ordered pool of members. */
export interface WeightedPool {
  readonly backends: readonly WeightedMember[];
}

/** The weight decision for one member. */
export interface MemberWeight {
  readonly effectiveWeight: number;
  /** The decision asks the dataplane to flush the member's existing flows. */
  readonly flush: boolean;
}

/** Everything derived for one frontend from its members' states. */
export interface FrontendHealth {
  readonly state: FrontendState;
  /** Index of the first pool with an `up` member; -1 when none. */
  readonly activePool: number;
  /** Per pool, per member, in config order. */
  readonly pools: readonly (readonly MemberWeight[])[];
}

/** Counts from which a frontend's state follows; the checker keeps them incrementally. */
export interface FrontendCounts {
  /** Members `up`, per pool. */
  readonly poolUp: ArrayLike<number>;
  /** Members `up` with a weight above 0, per pool. */
  readonly poolUpWeighted: ArrayLike<number>;
  /** Members `unknown`, over all pools. */
  readonly unknown: number;
  /** Members over all pools. */
  readonly members: number;
}

const ZERO: MemberWeight = { effectiveWeight: 0, flush: false };
const ZERO_FLUSH: MemberWeight = { effectiveWeight: 0, flush: true };

/** Decides one member's effective weight and flush (spec/health.md §Effective weight). */
export function memberWeight(
  state: BackendState,
  weight: number,
  inActivePool: boolean,
  flushOnDown: boolean,
): MemberWeight {
  switch (state) {
    case 'up':
      return inActivePool ? { effectiveWeight: weight, flush: false } : ZERO;
    case 'down':
      return flushOnDown ? ZERO_FLUSH : ZERO;
    case 'disabled':
    case 'removed':
      return ZERO_FLUSH;
    default:
      return ZERO;
  }
}

/** Finds the active pool: the first with any member `up`, or -1. */
export function findActivePool(
  pools: readonly WeightedPool[],
  stateOf: (backend: string) => BackendState,
): number {
  for (let i = 0; i < pools.length; i++) {
    if ((pools[i] as WeightedPool).backends.some((m) => stateOf(m.backend) === 'up')) return i;
  }
  return -1;
}

/** Computes a frontend's state, active pool and every member's effective weight. Pure. */
export function computeFrontendHealth(
  pools: readonly WeightedPool[],
  flushOnDown: boolean,
  stateOf: (backend: string) => BackendState,
): FrontendHealth {
  const activePool = findActivePool(pools, stateOf);
  let anyWeight = false;
  let allUnknown = true;
  const out = pools.map((pool, i) =>
    pool.backends.map((m) => {
      const state = stateOf(m.backend);
      if (state !== 'unknown') allUnknown = false;
      const w = memberWeight(state, m.weight, i === activePool, flushOnDown);
      if (w.effectiveWeight > 0) anyWeight = true;
      return w;
    }),
  );
  const state: FrontendState = anyWeight ? 'up' : allUnknown ? 'unknown' : 'down';
  return { state, activePool, pools: out };
}

/** Derives state and active pool from member counts; agrees with `computeFrontendHealth`. Pure. */
export function frontendStateFromCounts(c: FrontendCounts): { state: FrontendState; activePool: number } {
  let activePool = -1;
  for (let i = 0; i < c.poolUp.length; i++) {
    if ((c.poolUp[i] as number) > 0) {
      activePool = i;
      break;
    }
  }
  if (activePool >= 0 && (c.poolUpWeighted[activePool] as number) > 0) return { state: 'up', activePool };
  return { state: c.unknown === c.members ? 'unknown' : 'down', activePool };
}
