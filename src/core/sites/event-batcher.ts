import type { BackendInfo, BackendRow, FrontendInfo, LogLevel, LogRecord, SiteSummary, TransitionRecord } from '../../shared/model';
import { logLevelRank } from '../../shared/model';
import type { EventName, EventPayload } from '../../shared/ipc';
import { WEIGHT_SET_LOG } from '../checker';
import type { Clock, TimerHandle } from '../util';
import type { SiteEvent } from './types';
import type { ManagerEvent, SiteManager } from './manager-types';

/** Shortest time between two batches. */
export const BATCH_INTERVAL_MS = 100;
/** Rows per site per batch; more wait for the next batch, so that one payload stays bounded. */
export const MAX_ROWS_PER_BATCH = 2_000;
/** Transitions per site per batch; beyond it the oldest are dropped and the batch says `resync`. */
export const MAX_TRANSITIONS_PER_BATCH = 1_000;
/** Log records per site per batch; beyond it the oldest are dropped. */
export const MAX_LOGS_PER_BATCH = 1_000;

/** Emits one batched event. */
export type BatchEmit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

interface Pending {
  /** Backend → the info its last event carried (used when the site no longer knows the backend). */
  backends: Map<string, BackendInfo | null>;
  frontends: Set<string>;
  transitions: TransitionRecord[];
  resync: boolean;
  logs: LogRecord[];
}

/** What a batcher reads from and writes to. */
export interface EventBatcherOptions {
  manager: SiteManager;
  clock: Clock;
  emit: BatchEmit;
  /** The log level pushed for a site (`logs:subscribe`), null for none. */
  logLevelOf: (site: string) => LogLevel | null;
  intervalMs?: number;
}

/** Coalesces site events into at most one batch per interval. */
export interface EventBatcher {
  /** Starts or stops collecting (nothing is collected while nobody listens). */
  setActive(active: boolean): void;
  /** Emits what is pending now (tests, shutdown). */
  flush(): void;
  dispose(): void;
}

/** Keeps the newest transitions of a batch; losing some tells the renderer to refetch (`resync`). */
function trimmed(list: TransitionRecord[], p: Pending): TransitionRecord[] {
  if (list.length <= MAX_TRANSITIONS_PER_BATCH) return list;
  p.resync = true;
  return list.slice(-MAX_TRANSITIONS_PER_BATCH);
}

const emptyPending = (): Pending => ({ backends: new Map(), frontends: new Set(), transitions: [], resync: false, logs: [] });

/** Creates a batcher subscribed to the manager's events. */
export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const { manager, clock, emit } = options;
  const interval = options.intervalMs ?? BATCH_INTERVAL_MS;
  const pending = new Map<string, Pending>();
  /** Per site: backend → frontends using it, so that a backend change refreshes their effective weights. */
  const usedBy = new Map<string, Map<string, string[]>>();
  /** Summaries are rebuilt only for sites that had news; a site's summary walks all its backends. */
  const summaries = new Map<string, SiteSummary>();
  const dirtySummaries = new Set<string>();
  let allDirty = false;
  let lastSummaries = '';
  let timer: TimerHandle | null = null;
  let active = false;

  const pendingOf = (site: string): Pending => {
    let p = pending.get(site);
    if (!p) pending.set(site, (p = emptyPending()));
    return p;
  };

  function frontendsUsing(site: string, backend: string): readonly string[] {
    let index = usedBy.get(site);
    if (!index) {
      index = new Map();
      for (const f of manager.get(site)?.listFrontends() ?? []) {
        for (const pool of f.pools) for (const b of pool.backends) index.set(b.name, [...(index.get(b.name) ?? []), f.name]);
      }
      usedBy.set(site, index);
    }
    return index.get(backend) ?? [];
  }

  function onSiteEvent(site: string, event: SiteEvent): void {
    const p = pendingOf(site);
    switch (event.type) {
      case 'backend': {
        p.backends.set(event.backend, event.info);
        for (const f of frontendsUsing(site, event.backend)) p.frontends.add(f);
        p.transitions.push({ backend: event.backend, ...event.transition });
        // Trimmed in bulk (amortised): a flood must not cost a splice per event.
        if (p.transitions.length >= 2 * MAX_TRANSITIONS_PER_BATCH) p.transitions = trimmed(p.transitions, p);
        dirtySummaries.add(site);
        break;
      }
      case 'frontend':
        p.frontends.add(event.frontend);
        dirtySummaries.add(site);
        break;
      case 'probing':
        if (!p.backends.has(event.backend)) p.backends.set(event.backend, null);
        break;
      case 'log': {
        // A run-time weight change moves no state, so the checker sends no frontend event for it; its
        // `weight-set` record is the news (other windows' config tabs show runtime vs file weights).
        const weightOf = event.record.msg === WEIGHT_SET_LOG ? event.record.attrs['frontend'] : undefined;
        if (typeof weightOf === 'string') {
          p.frontends.add(weightOf);
          schedule();
        }
        const level = options.logLevelOf(site);
        if (level === null || logLevelRank(event.record.level) < logLevelRank(level)) return;
        p.logs.push(event.record);
        if (p.logs.length >= 2 * MAX_LOGS_PER_BATCH) p.logs = p.logs.slice(-MAX_LOGS_PER_BATCH);
        break;
      }
      case 'resync':
        usedBy.delete(site);
        p.resync = true;
        dirtySummaries.add(site);
        break;
      case 'status':
        dirtySummaries.add(site);
        break;
    }
    schedule();
  }

  function onManagerEvent(event: ManagerEvent): void {
    if (!active) return;
    if (event.type === 'site') return onSiteEvent(event.site, event.event);
    usedBy.clear();
    allDirty = true;
    schedule();
  }

  function schedule(): void {
    if (timer !== null) return;
    // The batch opens with its first event and closes one interval later: ≤ 1 batch per interval.
    timer = clock.setTimeout(() => {
      timer = null;
      flush();
    }, interval);
  }

  function rowOf(site: string, name: string, fallback: BackendInfo | null): BackendRow | null {
    const row = manager.get(site)?.getBackend(name);
    if (row) return row;
    return fallback ? { ...fallback, probing: false } : null;
  }

  function flushSite(site: string, p: Pending): void {
    if (!manager.get(site)) {
      p.backends.clear();
      return;
    }
    const rows: BackendRow[] = [];
    for (const [name, info] of p.backends) {
      if (rows.length >= MAX_ROWS_PER_BATCH) break;
      p.backends.delete(name);
      const row = rowOf(site, name, info);
      if (row) rows.push(row);
    }
    const frontends: FrontendInfo[] = [];
    for (const name of p.frontends) {
      const f = manager.get(site)?.getFrontend(name);
      if (f) frontends.push(f);
    }
    p.frontends.clear();
    const transitions = trimmed(p.transitions, p);
    if (rows.length > 0 || frontends.length > 0 || transitions.length > 0 || p.resync) {
      emit('health:changed', { site, backends: rows, frontends, transitions, resync: p.resync });
    }
    p.transitions = [];
    p.resync = false;
    if (p.logs.length > 0) emit('logs:appended', { site, records: p.logs.slice(-MAX_LOGS_PER_BATCH) });
    p.logs = [];
  }

  function flushSummaries(): void {
    if (!allDirty && dirtySummaries.size === 0) return;
    const list: SiteSummary[] = manager.list().map((s) => {
      const cached = summaries.get(s.id);
      if (cached && !allDirty && !dirtySummaries.has(s.id)) return cached;
      const fresh = s.summary();
      summaries.set(s.id, fresh);
      return fresh;
    });
    if (allDirty) for (const id of summaries.keys()) if (!manager.get(id)) summaries.delete(id);
    allDirty = false;
    dirtySummaries.clear();
    const key = JSON.stringify(list);
    if (key === lastSummaries) return;
    lastSummaries = key;
    emit('sites:changed', list);
  }

  function flush(): void {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    for (const [site, p] of pending) {
      flushSite(site, p);
      if (p.backends.size === 0) pending.delete(site);
    }
    flushSummaries();
    // Rows beyond the per-batch bound wait for the next batch.
    if (pending.size > 0) schedule();
  }

  const unsubscribe = manager.subscribe(onManagerEvent);
  return {
    setActive(next) {
      active = next;
      if (!next) {
        pending.clear();
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
      } else {
        // Cached summaries may be stale after a pause in listening.
        summaries.clear();
        lastSummaries = '';
      }
    },
    flush,
    dispose() {
      unsubscribe();
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}
