import { PROBE_CODES } from '../../shared/model';
import type { BackendConfig, HealthCheckConfig } from '../config';
import {
  createBackendHealth,
  createProbeHistory,
  isProbingState,
  jitterMs,
  nextIntervalMs,
} from '../health';
import type { HealthParams } from '../health';
import type { ProbeOutcome } from '../prober';
import type { CheckerContext, LastProbe, Worker } from './context';
import { resolveProbeTarget } from './probe-target';
import { applyEvent } from './transitions';

// Probes share one AbortController per worker until it is used (creating one per probe was the
// checker's top cost in the null-prober profile); renewing it every so often bounds the damage of
// a prober that forgets to remove its abort listener.
const SIGNAL_REUSE = 256;

const KNOWN_CODES: ReadonlySet<string> = new Set(PROBE_CODES);
const OK_CODES: ReadonlySet<string> = new Set(['L4OK', 'L6OK', 'L7OK', 'ICMPOK']);

/** What `lastProbe` shows for a backend that is disabled (spec/grpc.md: probe code `disabled`). */
export function disabledProbe(detail: string): LastProbe {
  return { ok: false, code: 'disabled', detail, durationMs: 0 };
}

/** Returns the state-machine parameters of a check under a config's `transition-history`. */
export function healthParams(hc: HealthCheckConfig, historyLimit: number): HealthParams {
  return { rise: hc.rise, fall: hc.fall, historyLimit };
}

/** Creates a worker; it starts `unknown` (or `disabled` when disabled in config) and idle. */
export function createWorker(ctx: CheckerContext, backend: BackendConfig, hc: HealthCheckConfig): Worker {
  const w: Worker = {
    name: backend.name,
    backend,
    hc,
    target: resolveProbeTarget(backend, hc, ctx.config.healthchecker, ctx.regexps),
    health: createBackendHealth(backend.enabled ? 'unknown' : 'disabled', hc),
    params: healthParams(hc, ctx.config.healthchecker.transitionHistory),
    enabled: backend.enabled,
    history: createProbeHistory(ctx.historyCapacity),
    probing: false,
    probeSeq: 0,
    abort: null,
    startedAt: 0,
    dueAt: 0,
    last: backend.enabled ? null : disabledProbe('disabled in config'),
    lastAt: backend.enabled ? 0 : ctx.clock.now(),
    fire: () => startProbe(ctx, w),
    onGuard: () => onGuard(ctx, w),
  };
  return w;
}

/** Schedules the worker's next probe at `dueAt` (replacing any pending one). */
export function scheduleAt(ctx: CheckerContext, w: Worker, dueAt: number): void {
  if (!ctx.started) return;
  w.dueAt = dueAt;
  ctx.scheduler.schedule(w, dueAt, w.fire);
}

/** Stops the worker: no pending probe, and the one in flight (if any) is aborted and ignored. */
export function halt(ctx: CheckerContext, w: Worker): void {
  ctx.scheduler.cancel(w);
  if (w.probing) {
    w.probing = false;
    w.probeSeq++;
    w.abort?.abort();
    w.abort = null;
  }
}

/**
 * Starts one probe. It is bounded twice: the prober gets `timeoutMs`, and the worker's scheduler
 * entry becomes a guard that fails the probe shortly after that in case a prober overruns its own
 * limit. When the probe ends, that same entry moves to the next probe: one heap operation.
 */
function startProbe(ctx: CheckerContext, w: Worker): void {
  if (ctx.stopped || w.probing || !isProbingState(w.health.state)) return;
  const now = ctx.clock.now();
  ctx.observer?.probeStarted?.(w.name, now - w.dueAt);
  const seq = ++w.probeSeq;
  if (w.abort === null || seq % SIGNAL_REUSE === 0) w.abort = new AbortController();
  const ac = w.abort;
  w.probing = true;
  w.startedAt = now;
  if (ctx.log.wants('debug')) ctx.log.write('debug', 'probe-start', { backend: w.name, type: w.hc.type });
  const timeoutMs = w.hc.timeoutMs;
  ctx.scheduler.schedule(w, now + timeoutMs + guardGraceMs(timeoutMs), w.onGuard);
  ctx.unsettled++;
  let pending: Promise<ProbeOutcome>;
  try {
    pending = ctx.probers.get(w.target.kind).probe(w.target, { signal: ac.signal, timeoutMs });
  } catch (e) {
    pending = Promise.reject(e);
  }
  pending.then(
    (o) => settle(ctx, w, seq, o),
    (e: unknown) => settle(ctx, w, seq, { ok: false, code: 'INTERNAL', detail: errorText(e), durationMs: -1 }),
  );
}

function settle(ctx: CheckerContext, w: Worker, seq: number, outcome: unknown): void {
  if (--ctx.unsettled === 0) ctx.onSettled?.();
  if (seq !== w.probeSeq || !w.probing) return;
  complete(ctx, w, checkOutcome(outcome, ctx.clock.now() - w.startedAt));
}

function onGuard(ctx: CheckerContext, w: Worker): void {
  if (!w.probing) return;
  w.probeSeq++; // the late result, if it ever comes, is stale
  w.abort?.abort();
  w.abort = null;
  const elapsed = ctx.clock.now() - w.startedAt;
  complete(ctx, w, { ok: false, code: timeoutCode(w.hc), detail: `no result within ${w.hc.timeoutMs}ms`, durationMs: elapsed });
}

function complete(ctx: CheckerContext, w: Worker, o: LastProbe): void {
  w.probing = false;
  const now = ctx.clock.now();
  w.last = o;
  w.lastAt = w.startedAt;
  if (ctx.log.wants('debug')) {
    ctx.log.write('debug', 'probe-done', {
      backend: w.name,
      type: w.hc.type,
      ok: String(o.ok),
      code: o.code,
      detail: o.detail,
      elapsed: `${Math.round(now - w.startedAt)}ms`,
    });
  }
  applyEvent(ctx, w, { type: o.ok ? 'probe-pass' : 'probe-fail', code: o.code, detail: o.detail, atMs: now });
  w.history.record(w.startedAt, o.durationMs, o.ok, o.code, w.health.state);
  // The next probe counts from the end of this one, so probes of one backend never overlap.
  if (!ctx.stopped && isProbingState(w.health.state)) {
    scheduleAt(ctx, w, now + jitterMs(nextIntervalMs(w.health, w.hc), ctx.random));
  } else ctx.scheduler.cancel(w); // the guard

}

/** Validates what a prober returned (design.md §5): anything malformed is an INTERNAL failure. */
function checkOutcome(o: unknown, elapsedMs: number): LastProbe {
  const r = o as Partial<ProbeOutcome> | null;
  const valid =
    r !== null &&
    typeof r === 'object' &&
    typeof r.ok === 'boolean' &&
    typeof r.code === 'string' &&
    KNOWN_CODES.has(r.code) &&
    r.ok === OK_CODES.has(r.code) &&
    typeof r.detail === 'string' &&
    typeof r.durationMs === 'number' &&
    Number.isFinite(r.durationMs) &&
    r.durationMs >= 0;
  if (valid) return r as ProbeOutcome;
  const detail = r && typeof r === 'object' && r.code === 'INTERNAL' ? String(r.detail) : 'prober returned an invalid result';
  return { ok: false, code: 'INTERNAL', detail, durationMs: elapsedMs };
}

function timeoutCode(hc: HealthCheckConfig): string {
  if (hc.type === 'icmp') return 'ICMPTOUT';
  if (hc.type === 'tcp') return hc.tcp?.ssl ? 'L6TOUT' : 'L4TOUT';
  return 'L7TOUT';
}

// The prober's own timer should win; the guard only catches probers that overrun.
function guardGraceMs(timeoutMs: number): number {
  return Math.max(25, timeoutMs * 0.1);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
