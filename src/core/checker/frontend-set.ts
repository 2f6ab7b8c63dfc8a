import type { BackendState, FrontendInfo, FrontendState } from '../../shared/model';
import type { FrontendConfig } from '../config';
import { computeFrontendHealth, frontendStateFromCounts } from '../health';
import type { WeightedPool } from '../health';

/** Run-time view of one frontend: weights (with overrides) and member counts kept incrementally. */
export interface FrontendRuntime {
  readonly cfg: FrontendConfig;
  /** Per pool, per member: the configured weight, or the run-time override (until reload). */
  readonly weights: number[][];
  readonly poolUp: Int32Array;
  readonly poolUpWeighted: Int32Array;
  unknown: number;
  readonly members: number;
  state: FrontendState;
  activePool: number;
}

interface Membership {
  fe: FrontendRuntime;
  pool: number;
  member: number;
}

/** All frontends of one config, indexed by name and by member backend. */
export interface FrontendSet {
  /** In config order. */
  readonly list: readonly FrontendRuntime[];
  get(name: string): FrontendRuntime | undefined;
  /**
   * Updates the counts of every frontend the backend belongs to, O(its memberships), and calls
   * `changed` for each frontend whose state moved. A frontend of 10,000 members costs no more.
   */
  applyChange(backend: string, from: BackendState, to: BackendState, changed: (fe: FrontendRuntime, from: FrontendState) => void): void;
  /** Sets a member's run-time weight; returns the state before (the caller compares). */
  setWeight(fe: FrontendRuntime, pool: number, member: number, weight: number, state: BackendState): FrontendState;
}

/** Builds the frontend set from a config and the current backend states. */
export function createFrontendSet(
  frontends: readonly FrontendConfig[],
  stateOf: (backend: string) => BackendState,
): FrontendSet {
  const byName = new Map<string, FrontendRuntime>();
  const memberships = new Map<string, Membership[]>();
  const list = frontends.map((cfg) => {
    const fe = buildRuntime(cfg, stateOf);
    byName.set(cfg.name, fe);
    cfg.pools.forEach((pool, p) =>
      pool.backends.forEach((m, j) => {
        const list = memberships.get(m.backend) ?? [];
        list.push({ fe, pool: p, member: j });
        memberships.set(m.backend, list);
      }),
    );
    return fe;
  });

  const recompute = (fe: FrontendRuntime): FrontendState => {
    const before = fe.state;
    const next = frontendStateFromCounts(fe);
    fe.state = next.state;
    fe.activePool = next.activePool;
    return before;
  };

  return {
    list,
    get: (name) => byName.get(name),
    applyChange(backend, from, to, changed) {
      const ms = memberships.get(backend);
      if (!ms || from === to) return;
      for (const m of ms) count(m.fe, m.pool, m.fe.weights[m.pool]?.[m.member] ?? 0, from, -1);
      for (const m of ms) count(m.fe, m.pool, m.fe.weights[m.pool]?.[m.member] ?? 0, to, +1);
      // Memberships are built frontend by frontend, so one frontend's entries are adjacent and a
      // backend listed twice in a frontend reports it once.
      let prev: FrontendRuntime | null = null;
      for (const m of ms) {
        if (m.fe === prev) continue;
        prev = m.fe;
        const before = recompute(m.fe);
        if (before !== m.fe.state) changed(m.fe, before);
      }
    },
    setWeight(fe, pool, member, weight, state) {
      const row = fe.weights[pool] as number[];
      count(fe, pool, row[member] as number, state, -1);
      row[member] = weight;
      count(fe, pool, weight, state, +1);
      return recompute(fe);
    },
  };
}

function count(fe: FrontendRuntime, pool: number, weight: number, state: BackendState, delta: number): void {
  if (state === 'up') {
    fe.poolUp[pool] = (fe.poolUp[pool] as number) + delta;
    if (weight > 0) fe.poolUpWeighted[pool] = (fe.poolUpWeighted[pool] as number) + delta;
  } else if (state === 'unknown') fe.unknown += delta;
}

function buildRuntime(cfg: FrontendConfig, stateOf: (backend: string) => BackendState): FrontendRuntime {
  const fe: FrontendRuntime = {
    cfg,
    weights: cfg.pools.map((p) => p.backends.map((m) => m.weight)),
    poolUp: new Int32Array(cfg.pools.length),
    poolUpWeighted: new Int32Array(cfg.pools.length),
    unknown: 0,
    members: cfg.pools.reduce((n, p) => n + p.backends.length, 0),
    state: 'unknown',
    activePool: -1,
  };
  cfg.pools.forEach((pool, p) => pool.backends.forEach((m) => count(fe, p, m.weight, stateOf(m.backend), +1)));
  const s = frontendStateFromCounts(fe);
  fe.state = s.state;
  fe.activePool = s.activePool;
  return fe;
}

/** Builds the FrontendInfo DTO: configured (run-time) and effective weights, state, active pool. */
export function frontendInfo(fe: FrontendRuntime, stateOf: (backend: string) => BackendState): FrontendInfo {
  const pools: WeightedPool[] = fe.cfg.pools.map((p, i) => ({
    backends: p.backends.map((m, j) => ({ backend: m.backend, weight: fe.weights[i]?.[j] ?? m.weight })),
  }));
  const health = computeFrontendHealth(pools, fe.cfg.flushOnDown, stateOf);
  const { cfg } = fe;
  return {
    name: cfg.name,
    address: cfg.address,
    protocol: cfg.protocol,
    port: cfg.port,
    description: cfg.description,
    srcIpSticky: cfg.srcIpSticky,
    flushOnDown: cfg.flushOnDown,
    state: fe.state,
    activePool: health.activePool,
    pools: cfg.pools.map((p, i) => ({
      name: p.name,
      backends: p.backends.map((m, j) => ({
        name: m.backend,
        weight: pools[i]?.backends[j]?.weight ?? m.weight,
        effectiveWeight: health.pools[i]?.[j]?.effectiveWeight ?? 0,
        flush: health.pools[i]?.[j]?.flush ?? false,
      })),
    })),
  };
}
