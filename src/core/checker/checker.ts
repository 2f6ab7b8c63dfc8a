import type { BackendState, CheckerEvent } from '../../shared/model';
import type { Config } from '../config';
import { DEFAULT_HISTORY_CAPACITY } from '../health';
import type { Logger } from '../log';
import type { ProberRegistry } from '../prober';
import { createScheduler } from '../scheduler';
import type { Clock, RandomSource } from '../util';
import { backendAction, setWeight } from './actions';
import { createCheckerLog } from './checker-log';
import type { CheckerContext, CheckerObserver } from './context';
import { createEventHub } from './event-hub';
import { createFrontendSet, frontendInfo } from './frontend-set';
import { backendInfo, healthCheckInfo } from './info';
import { createWorker, halt } from './probe-runner';
import { createRegexpCache } from './probe-target';
import { applyReload, backendsWithChecks, startStaggered } from './reload';
import type { Checker } from './types';

/** What a checker is built from; everything stateful or time-related is injected. */
export interface CheckerDeps {
  config: Config;
  probers: ProberRegistry;
  clock: Clock;
  random: RandomSource;
  logger?: Logger;
  /** Probe samples kept per backend for graphs (default 3600; 14 bytes each). */
  historyCapacity?: number;
  observer?: CheckerObserver;
}

/** Creates the health checker of one site (spec/health.md); call `start()` to begin probing. */
export function createChecker(deps: CheckerDeps): Checker {
  const { clock, logger } = deps;
  const hub = createEventHub();
  const log = createCheckerLog(hub, clock, logger);
  const ctx: CheckerContext = {
    config: deps.config,
    clock,
    random: deps.random,
    probers: deps.probers,
    scheduler: createScheduler<object>({
      clock,
      onError: (e) => log.write('error', 'checker-error', { error: e instanceof Error ? e.message : String(e) }),
    }),
    hub,
    log,
    regexps: createRegexpCache((source, e) =>
      log.write('error', 'bad-regexp', { regexp: source, error: e instanceof Error ? e.message : String(e) }),
    ),
    workers: new Map(),
    frontends: createFrontendSet([], () => 'unknown'),
    historyCapacity: deps.historyCapacity ?? DEFAULT_HISTORY_CAPACITY,
    observer: deps.observer,
    unsettled: 0,
    onSettled: null,
    started: false,
    stopped: false,
    batching: false,
  };
  const stateOf = (b: string): BackendState => ctx.workers.get(b)?.health.state ?? 'unknown';
  for (const { backend, hc } of backendsWithChecks(ctx.config)) ctx.workers.set(backend.name, createWorker(ctx, backend, hc));
  ctx.frontends = createFrontendSet(ctx.config.frontends, stateOf);
  let stopping: Promise<void> | null = null;

  const initialFrontendEvents = (): CheckerEvent[] =>
    ctx.frontends.list.map((fe) => ({ type: 'frontend', frontend: fe.cfg.name, from: fe.state, to: fe.state, atMs: clock.now() }));

  return {
    start() {
      if (ctx.started || ctx.stopped) return;
      ctx.started = true;
      startStaggered(ctx, [...ctx.workers.values()]);
    },
    reload(config) {
      const t0 = clock.now();
      const diff = applyReload(ctx, config);
      const elapsedMs = clock.now() - t0;
      if (log.wants('info')) {
        log.write('info', 'config-reload', {
          added: String(diff.backends.added.length),
          removed: String(diff.backends.removed.length),
          restarted: String(diff.backends.restarted.length),
          unchanged: String(diff.backends.unchanged.length),
          elapsed: `${Math.round(elapsedMs)}ms`,
        });
      }
      return { diff, elapsedMs };
    },
    pause: (name) => backendAction(ctx, 'pause', name),
    resume: (name) => backendAction(ctx, 'resume', name),
    enable: (name) => backendAction(ctx, 'enable', name),
    disable: (name) => backendAction(ctx, 'disable', name),
    setWeight: (frontend, pool, backend, weight) => setWeight(ctx, frontend, pool, backend, weight),
    stop() {
      if (!stopping) {
        ctx.stopped = true;
        for (const w of ctx.workers.values()) halt(ctx, w);
        ctx.scheduler.dispose();
        hub.endAll();
        stopping = waitSettled(ctx);
      }
      return stopping;
    },
    config: () => ctx.config,
    listFrontends: () => ctx.frontends.list.map((fe) => fe.cfg.name),
    getFrontend(name) {
      const fe = ctx.frontends.get(name);
      return fe && frontendInfo(fe, stateOf);
    },
    listBackends: () => ctx.config.backends.filter((b) => ctx.workers.has(b.name)).map((b) => b.name),
    getBackend(name) {
      const w = ctx.workers.get(name);
      return w && backendInfo(w);
    },
    listHealthChecks: () => ctx.config.healthchecks.map((h) => h.name),
    getHealthCheck(name) {
      const hc = ctx.config.healthchecks.find((h) => h.name === name);
      return hc && healthCheckInfo(hc);
    },
    isProbing: (name) => ctx.workers.get(name)?.probing ?? false,
    history(name, fromMs, toMs) {
      const w = ctx.workers.get(name);
      return w && { backend: name, ...w.history.query(fromMs, toMs) };
    },
    subscribe: (options = {}) => hub.subscribe(options, initialFrontendEvents),
  };
}

/**
 * Resolves once every probe promise has settled. Probers honour their abort signal, so this is
 * quick; a prober that ignores it is waited for at most its timeout plus a grace period.
 */
function waitSettled(ctx: CheckerContext): Promise<void> {
  if (ctx.unsettled === 0) return Promise.resolve();
  const bound = Math.max(0, ...ctx.config.healthchecks.map((h) => h.timeoutMs)) + 1000;
  return new Promise((resolve) => {
    const timer = ctx.clock.setTimeout(done, bound);
    function done(): void {
      ctx.clock.clearTimeout(timer);
      ctx.onSettled = null;
      resolve();
    }
    ctx.onSettled = done;
  });
}
