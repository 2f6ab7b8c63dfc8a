import type { ConfigDiff, FrontendState } from '../../shared/model';
import { diffConfigs } from '../config';
import type { BackendConfig, Config, HealthCheckConfig } from '../config';
import { isProbingState, trimHistory } from '../health';
import type { CheckerContext, Worker } from './context';
import { createFrontendSet } from './frontend-set';
import { createWorker, disabledProbe, halt, healthParams, scheduleAt } from './probe-runner';
import { resolveProbeTarget } from './probe-target';
import { applyEvent, emitFrontend } from './transitions';

/** Returns each backend of `config` with its check, in config order. */
export function backendsWithChecks(config: Config): { backend: BackendConfig; hc: HealthCheckConfig }[] {
  const checks = new Map(config.healthchecks.map((h) => [h.name, h]));
  const out: { backend: BackendConfig; hc: HealthCheckConfig }[] = [];
  for (const backend of config.backends) {
    const hc = checks.get(backend.healthcheck);
    if (hc) out.push({ backend, hc });
  }
  return out;
}

/** Schedules the first probe of each enabled worker at `interval * pos / total` (the stagger). */
export function startStaggered(ctx: CheckerContext, workers: readonly Worker[]): void {
  if (!ctx.started) return; // start() staggers every worker
  const live = workers.filter((w) => isProbingState(w.health.state));
  const now = ctx.clock.now();
  live.forEach((w, pos) => {
    scheduleAt(ctx, w, now + (w.hc.intervalMs * pos) / live.length);
    if (ctx.log.wants('info')) ctx.log.write('info', 'backend-start', { backend: w.name, type: w.hc.type });
  });
}

/**
 * Applies a new config (spec/health.md §Reload) by the config module's diff, so the restart criteria
 * are the ones the editor shows: removed backends go `removed` and are forgotten,
 * new ones start staggered, changed ones restart at once keeping their history, unchanged ones are
 * not touched at all (their pending probe stays where it was). Frontends are rebuilt afterwards,
 * which drops run-time weight overrides, and a frontend event goes out for each state that moved.
 */
export function applyReload(ctx: CheckerContext, next: Config): ConfigDiff {
  const prev = ctx.config;
  const diff = diffConfigs(prev, next);
  const prevStates = new Map<string, FrontendState>(ctx.frontends.list.map((fe) => [fe.cfg.name, fe.state]));
  const entries = new Map(backendsWithChecks(next).map((e) => [e.backend.name, e]));
  ctx.config = next;
  ctx.batching = true;
  try {
    for (const name of diff.backends.removed) removeWorker(ctx, name);
    for (const name of diff.backends.restarted) {
      const w = ctx.workers.get(name);
      const e = entries.get(name);
      if (w && e) restartWorker(ctx, w, e.backend, e.hc);
    }
    for (const name of diff.backends.unchanged) {
      const w = ctx.workers.get(name);
      const e = entries.get(name);
      if (w && e) refreshWorker(ctx, w, e.backend, e.hc);
    }
    const added: Worker[] = [];
    for (const name of diff.backends.added) {
      const e = entries.get(name);
      if (!e) continue;
      const w = createWorker(ctx, e.backend, e.hc);
      ctx.workers.set(name, w);
      added.push(w);
    }
    startStaggered(ctx, added);
  } finally {
    ctx.batching = false;
  }
  ctx.frontends = createFrontendSet(next.frontends, (b) => ctx.workers.get(b)?.health.state ?? 'unknown');
  for (const fe of ctx.frontends.list) {
    const before = prevStates.get(fe.cfg.name);
    // A new frontend is announced once, from `unknown`, so that subscribers learn it exists.
    if (before === undefined || before !== fe.state) emitFrontend(ctx, fe, before ?? 'unknown');
  }
  ctx.regexps.retain(next.healthchecks.flatMap((h) => (h.http?.responseRegexp != null ? [h.http.responseRegexp] : [])));
  return diff;
}

function removeWorker(ctx: CheckerContext, name: string): void {
  const w = ctx.workers.get(name);
  if (!w) return;
  halt(ctx, w);
  applyEvent(ctx, w, { type: 'remove', atMs: ctx.clock.now(), detail: 'removed from config' });
  if (ctx.log.wants('info')) ctx.log.write('info', 'backend-stop', { backend: name });
  ctx.workers.delete(name);
}

/** Restarts a worker on its new check at once (no stagger); history and state machine carry on. */
function restartWorker(ctx: CheckerContext, w: Worker, backend: BackendConfig, hc: HealthCheckConfig): void {
  halt(ctx, w);
  const wasEnabled = w.backend.enabled;
  w.backend = backend;
  w.hc = hc;
  w.target = resolveProbeTarget(backend, hc, ctx.config.healthchecker, ctx.regexps);
  w.params = healthParams(hc, ctx.config.healthchecker.transitionHistory);
  w.health = trimHistory(w.health, w.params.historyLimit);
  const now = ctx.clock.now();
  if (ctx.log.wants('info')) ctx.log.write('info', 'backend-restart', { backend: w.name, type: hc.type });
  if (!backend.enabled) {
    setDisabled(ctx, w, 'disabled in config');
  } else if (!wasEnabled && w.health.state === 'disabled') {
    w.enabled = true;
    applyEvent(ctx, w, { type: 'enable', atMs: now, detail: 'enabled in config' });
  } else {
    applyEvent(ctx, w, { type: 'config-changed', atMs: now });
  }
  if (isProbingState(w.health.state)) scheduleAt(ctx, w, now);
}

/** Swaps in the new (equal) config objects; the schedule and the probe in flight stay as they are. */
function refreshWorker(ctx: CheckerContext, w: Worker, backend: BackendConfig, hc: HealthCheckConfig): void {
  w.backend = backend;
  w.hc = hc;
  const limit = ctx.config.healthchecker.transitionHistory;
  if (limit !== w.params.historyLimit) {
    w.params = healthParams(hc, limit);
    w.health = trimHistory(w.health, limit);
  }
}

/** Puts a worker into `disabled` (operator or config); probing stops. */
export function setDisabled(ctx: CheckerContext, w: Worker, detail: string): void {
  halt(ctx, w);
  w.enabled = false;
  const now = ctx.clock.now();
  w.last = disabledProbe(detail);
  w.lastAt = now;
  applyEvent(ctx, w, { type: 'disable', atMs: now, detail });
}
