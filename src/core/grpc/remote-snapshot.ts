import type {
  BackendEvent,
  BackendInfo,
  FrontendInfo,
  FrontendState,
  HealthCheckInfo,
  Transition,
} from '../../shared/model';

/** Identity of a transition for merging: the same change at the same instant is the same record. */
function transitionKey(t: Transition): string {
  return `${t.atMs}|${t.from}|${t.to}|${t.code}`;
}

/**
 * Merges `incoming` into `existing` (both newest first) without duplicates, keeping at most
 * `limit` entries. Returns the merged list and the incoming records that were not known.
 */
export function mergeTransitions(
  existing: readonly Transition[],
  incoming: readonly Transition[],
  limit: number,
): { merged: Transition[]; added: Transition[] } {
  const known = new Set(existing.map(transitionKey));
  const added: Transition[] = [];
  for (const t of incoming) {
    const k = transitionKey(t);
    if (known.has(k)) continue;
    known.add(k);
    added.push(t);
  }
  if (added.length === 0) return { merged: existing.slice(0, limit), added };
  // Stable sort: records with equal times keep the daemon's order.
  const merged = [...added, ...existing].sort((a, b) => b.atMs - a.atMs).slice(0, limit);
  return { merged, added };
}

/** What one full resync read from the daemon, in config order. */
export interface ResyncData {
  frontends: FrontendInfo[];
  backends: BackendInfo[];
  healthchecks: HealthCheckInfo[];
}

/** A remote site's last known state: what the client serves while the daemon is (un)reachable. */
export interface RemoteSnapshot {
  /**
   * Replaces everything with a resync. Histories are merged, not replaced; returns the transitions
   * of already-known backends that this resync taught us (missed while disconnected), oldest first.
   */
  replace(data: ResyncData): BackendEvent[];
  /** Applies a streamed backend event; false when its transition was already known (a replay). */
  applyBackendEvent(e: BackendEvent): boolean;
  /** Updates a backend from an action reply; the history only grows from events and resyncs. */
  setBackend(info: BackendInfo): void;
  setFrontend(info: FrontendInfo): void;
  setFrontendState(name: string, state: FrontendState): void;
  hasFrontend(name: string): boolean;
  hasBackend(name: string): boolean;
  /** Frontends that have `backend` in a pool. */
  frontendsOf(backend: string): string[];
  listFrontends(): string[];
  getFrontend(name: string): FrontendInfo | undefined;
  listBackends(): string[];
  /** The backend with its merged transition history (newest first, longer than the daemon's). */
  getBackend(name: string): BackendInfo | undefined;
  listHealthChecks(): string[];
  getHealthCheck(name: string): HealthCheckInfo | undefined;
}

/** Creates an empty snapshot that keeps up to `historyLimit` transitions per backend. */
export function createRemoteSnapshot(historyLimit = 100): RemoteSnapshot {
  let frontends = new Map<string, FrontendInfo>();
  let backends = new Map<string, BackendInfo>();
  let checks = new Map<string, HealthCheckInfo>();
  let history = new Map<string, Transition[]>();

  const withHistory = (b: BackendInfo): BackendInfo => ({
    ...b,
    transitions: history.get(b.name) ?? b.transitions,
  });
  // The wire has no active pool; derive it from the backends' current states (health.md).
  const activePool = (f: FrontendInfo): number =>
    f.pools.findIndex((p) => p.backends.some((m) => backends.get(m.name)?.state === 'up'));

  return {
    replace(data) {
      const learned: BackendEvent[] = [];
      const nextHistory = new Map<string, Transition[]>();
      for (const b of data.backends) {
        const before = history.get(b.name);
        const { merged, added } = mergeTransitions(before ?? [], b.transitions, historyLimit);
        nextHistory.set(b.name, merged);
        if (before)
          for (const t of added) learned.push({ type: 'backend', backend: b.name, transition: t, info: b });
      }
      frontends = new Map(data.frontends.map((f) => [f.name, f]));
      backends = new Map(data.backends.map((b) => [b.name, b]));
      checks = new Map(data.healthchecks.map((h) => [h.name, h]));
      history = nextHistory;
      return learned.sort((a, b) => a.transition.atMs - b.transition.atMs);
    },
    applyBackendEvent(e) {
      const before = history.get(e.backend) ?? [];
      const { merged, added } = mergeTransitions(before, [e.transition], historyLimit);
      if (added.length === 0) return false;
      // An event older than the newest known transition was overtaken by a resync: keep that info.
      const newest = before[0];
      if (!newest || e.transition.atMs >= newest.atMs) {
        if (e.transition.to === 'removed') backends.delete(e.backend);
        else backends.set(e.backend, e.info);
      }
      if (backends.has(e.backend)) history.set(e.backend, merged);
      else history.delete(e.backend);
      return true;
    },
    setBackend(info) {
      if (backends.has(info.name)) backends.set(info.name, info);
    },
    setFrontend(info) {
      frontends.set(info.name, info);
    },
    setFrontendState(name, state) {
      const f = frontends.get(name);
      if (f) frontends.set(name, { ...f, state });
    },
    hasFrontend: (n) => frontends.has(n),
    hasBackend: (n) => backends.has(n),
    frontendsOf: (backend) =>
      [...frontends.values()]
        .filter((f) => f.pools.some((p) => p.backends.some((m) => m.name === backend)))
        .map((f) => f.name),
    listFrontends: () => [...frontends.keys()],
    getFrontend(name) {
      const f = frontends.get(name);
      return f && { ...f, activePool: activePool(f) };
    },
    listBackends: () => [...backends.keys()],
    getBackend(name) {
      const b = backends.get(name);
      return b && withHistory(b);
    },
    listHealthChecks: () => [...checks.keys()],
    getHealthCheck: (name) => checks.get(name),
  };
}
