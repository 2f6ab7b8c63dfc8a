import type { BackendConfig, Config, HealthCheckConfig } from '../config';
import type { BackendHealth, HealthParams, ProbeHistory } from '../health';
import type { ProberRegistry, ProbeTarget } from '../prober';
import type { Scheduler } from '../scheduler';
import type { Clock, RandomSource } from '../util';
import type { CheckerLog } from './checker-log';
import type { EventHub } from './event-hub';
import type { FrontendSet } from './frontend-set';
import type { RegexpCache } from './probe-target';

/** Instrumentation hooks (benchmarks); called on the hot path, so keep them cheap. */
export interface CheckerObserver {
  /** A probe starts `lateMs` after the time it was scheduled for. */
  probeStarted?(backend: string, lateMs: number): void;
}

/** What the last probe found (a prober outcome, or the operator's `disabled`). */
export interface LastProbe {
  readonly ok: boolean;
  readonly code: string;
  readonly detail: string;
  readonly durationMs: number;
}

/** One backend's worker: config, cached probe target, runtime health and the probe in flight. */
export interface Worker {
  readonly name: string;
  backend: BackendConfig;
  hc: HealthCheckConfig;
  /** Resolved once per (re)start; probes reuse it. */
  target: ProbeTarget;
  health: BackendHealth;
  params: HealthParams;
  enabled: boolean;
  readonly history: ProbeHistory;
  /** A probe is in flight and its result will count. */
  probing: boolean;
  /** Identifies the current probe; a result carrying an older number is stale and ignored. */
  probeSeq: number;
  /** Signals the probe in flight; reused by later probes until it has been aborted. */
  abort: AbortController | null;
  startedAt: number;
  /** When the pending (or current) probe was scheduled to start. */
  dueAt: number;
  last: LastProbe | null;
  lastAt: number;
  /** Bound once so that scheduling allocates nothing. The worker is its own scheduler key. */
  readonly fire: () => void;
  /** Fails the probe in flight if the prober overran its timeout (the entry while probing). */
  readonly onGuard: () => void;
}

/** The checker's mutable state, shared by its internal modules (never exported from the folder). */
export interface CheckerContext {
  config: Config;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly probers: ProberRegistry;
  readonly scheduler: Scheduler<object>;
  readonly hub: EventHub;
  readonly log: CheckerLog;
  readonly regexps: RegexpCache;
  /** Live workers by backend name (removed ones are forgotten). */
  readonly workers: Map<string, Worker>;
  frontends: FrontendSet;
  readonly historyCapacity: number;
  readonly observer: CheckerObserver | undefined;
  /** Probe promises not yet settled (stop waits for them). */
  unsettled: number;
  onSettled: (() => void) | null;
  /** Until `start()`, nothing is scheduled (a reload or an action before it only sets state). */
  started: boolean;
  stopped: boolean;
  /** Set during reload: transitions skip frontend updates, which reload redoes once at the end. */
  batching: boolean;
}
