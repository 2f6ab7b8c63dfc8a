import { basename } from 'node:path';
import type { BackendRow, BackendState, ProbeSamplesDto, SiteSpec } from '../../shared/model';
import type { Checker, EventSubscription, SubscriptionItem } from '../checker';
import { createChecker } from '../checker';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { ProberRegistry } from '../prober';
import { createProberRegistry } from '../prober';
import type { Clock, RandomSource } from '../util';
import type { Site, SiteEvent, SiteStatus } from './types';
import { formatIssues, loadFile } from './config-adapter';
import { createEmitter } from './emitter';
import { createLogBuffer } from './log-buffer';
import { createLocalConfigOps } from './local-config-ops';
import type { LocalRuntime } from './local-config-ops';
import { buildSummary } from './site-summary';
import { createTransitionLog } from './transition-log';

/** What a local site is built from; the probers are optional so that a host can share them. */
export interface LocalSiteOptions {
  id: string;
  spec: SiteSpec;
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** Probers to use (the caller keeps ownership); by default the site creates and disposes its own. */
  probers?: ProberRegistry;
  /** Probe samples kept per backend (default: the checker's, one hour at 1 s). */
  historyCapacity?: number;
  transitionCapacity?: number;
  demo?: boolean;
}

/** Events a site's checker subscription may buffer before it loses some (then it resyncs). */
const SUBSCRIPTION_CAPACITY = 65_536;
/** Errors named in an offline site's lastError. */
const ERRORS_IN_STATUS = 3;

/**
 * Creates a site that runs the health checker in this process on a config file. A config that does
 * not load at start leaves the site `offline` with the errors as its last error; `reloadConfig` (or
 * `applyConfig`) starts it once the file is valid.
 */
export async function createLocalSite(options: LocalSiteOptions): Promise<Site> {
  const { id, spec, clock, logger } = options;
  if (spec.kind !== 'local') throw new Error(`site ${spec.name} is not a local site`);
  const path = spec.config;
  const events = createEmitter<SiteEvent>(logger, `site ${id}`);
  const log = createTransitionLog(options.transitionCapacity);
  const logs = createLogBuffer();
  let checker: Checker | null = null;
  let probers: ProberRegistry | null = null;
  let subscription: EventSubscription | null = null;
  let status: SiteStatus = { state: 'connecting', lastError: null, lastContactMs: null };
  let disposed = false;

  const setStatus = (next: Omit<SiteStatus, 'lastContactMs'>): void => {
    if (next.state === status.state && next.lastError === status.lastError) return;
    status = { ...next, lastContactMs: null };
    events.emit({ type: 'status', status: { ...status } });
  };

  /** Copies every backend's recent transitions into the site log (it de-duplicates). */
  const learnAll = (c: Checker): void => {
    for (const name of c.listBackends()) for (const t of c.getBackend(name)?.transitions ?? []) log.add({ backend: name, ...t });
  };

  function onItem(item: SubscriptionItem): void {
    if (item.type === 'dropped') {
      logger.warn('site-events-dropped', { site: id, count: item.count });
      if (checker) learnAll(checker);
      return events.emit({ type: 'resync' });
    }
    if (item.type === 'backend') log.add({ backend: item.backend, ...item.transition });
    if (item.type === 'log') {
      logs.add(item.record);
      const { msg, attrs } = item.record;
      if (attrs.backend && (msg === 'probe-start' || msg === 'probe-done')) {
        events.emit({ type: 'probing', backend: attrs.backend, probing: msg === 'probe-start' });
      }
    }
    events.emit(item);
  }

  function listen(c: Checker): void {
    // Debug records carry probe-start/probe-done: the heartbeat the tables show.
    const sub = c.subscribe({ backend: true, frontend: true, logLevel: 'debug', capacity: SUBSCRIPTION_CAPACITY, initialFrontendEvents: false });
    subscription = sub;
    const pump = (): void => {
      if (subscription !== sub) return;
      for (const item of sub.drain()) onItem(item);
      if (!sub.closed) sub.onReadable(pump);
    };
    sub.onReadable(pump);
  }

  const runtime: LocalRuntime = {
    path,
    fileName: basename(path),
    clock,
    checker: () => checker,
    start(config: Config) {
      probers = options.probers ?? createProberRegistry({ netns: config.healthchecker.netns, logger });
      const c = createChecker({ config, probers, clock, random: options.random, logger, historyCapacity: options.historyCapacity });
      checker = c;
      listen(c);
      c.start();
      learnAll(c);
      setStatus({ state: 'ready', lastError: null });
      events.emit({ type: 'resync' });
    },
    reloaded() {
      if (checker) learnAll(checker);
      events.emit({ type: 'resync' });
    },
    failed(message: string) {
      if (!checker) setStatus({ state: 'offline', lastError: message });
    },
    isDisposed: () => disposed,
  };
  const configOps = createLocalConfigOps(runtime, logger);

  const first = await loadFile(path);
  if (first.ok) runtime.start(first.config);
  else {
    const message = formatIssues(basename(path), first.issues, ERRORS_IN_STATUS);
    logger.error('site-config-invalid', { site: id, path, errors: first.issues.length });
    setStatus({ state: 'offline', lastError: message });
  }

  const row = (c: Checker, name: string): BackendRow | undefined => {
    const info = c.getBackend(name);
    return info && { ...info, probing: c.isProbing(name) };
  };
  const backendsOf = (frontend: string): ReadonlySet<string> | undefined => {
    const f = checker?.getFrontend(frontend);
    return f && new Set(f.pools.flatMap((p) => p.backends.map((b) => b.name)));
  };
  const frontends = () => (checker ? checker.listFrontends().flatMap((n) => checker?.getFrontend(n) ?? []) : []);
  const backendRows = () => (checker ? checker.listBackends().flatMap((n) => (checker && row(checker, n)) ?? []) : []);

  return {
    id,
    spec,
    demo: options.demo ?? false,
    status: () => ({ ...status }),
    summary: () => buildSummary({ id, spec, demo: options.demo ?? false, status, frontends: frontends(), backends: backendRows() }),
    listFrontends: frontends,
    getFrontend: (name) => checker?.getFrontend(name),
    listBackends: backendRows,
    getBackend: (name) => (checker ? row(checker, name) : undefined),
    listHealthChecks: () => (checker ? checker.listHealthChecks().flatMap((n) => checker?.getHealthCheck(n) ?? []) : []),
    getHealthCheck: (name) => checker?.getHealthCheck(name),
    history: (names, fromMs, toMs) =>
      names.flatMap((n): ProbeSamplesDto[] => {
        const h = checker?.history(n, fromMs, toMs);
        return h ? [{ ...h, state: h.state as BackendState[] }] : [];
      }),
    transitions: (q) => log.query(q, backendsOf),
    recentLogs: (level, limit) => logs.recent(level, limit),
    pause: async (b) => (checker ? checker.pause(b) : configOps.notRunning()),
    resume: async (b) => (checker ? checker.resume(b) : configOps.notRunning()),
    enable: async (b) => (checker ? checker.enable(b) : configOps.notRunning()),
    disable: async (b) => (checker ? checker.disable(b) : configOps.notRunning()),
    setWeight: async (f, p, b, w) => (checker ? checker.setWeight(f, p, b, w) : configOps.notRunning()),
    ...configOps.ops,
    subscribe: (listener) => events.subscribe(listener),
    async dispose() {
      if (disposed) return;
      disposed = true;
      await configOps.idle();
      subscription?.close();
      subscription = null;
      events.clear();
      await checker?.stop();
      checker = null;
      if (probers && !options.probers) await probers.dispose();
    },
  };
}
