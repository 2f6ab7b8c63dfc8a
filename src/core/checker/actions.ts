import type { BackendInfo, FrontendInfo } from '../../shared/model';
import type { CheckerContext, Worker } from './context';
import { frontendInfo } from './frontend-set';
import { backendInfo } from './info';
import { halt, scheduleAt } from './probe-runner';
import { setDisabled } from './reload';
import { applyEvent, emitFrontend } from './transitions';
import type { ActionError, ActionResult } from './types';

/** The log record of a run-time weight change (attrs: frontend, pool, backend, weight); it moves no state. */
export const WEIGHT_SET_LOG = 'weight-set';

type BackendAction = 'pause' | 'resume' | 'enable' | 'disable';

const fail = (code: ActionError['code'], message: string): ActionResult<never> => ({ ok: false, error: { code, message } });

/**
 * Runs an operator action on a backend with grpc.md semantics: unknown name → NOT_FOUND, pause or
 * resume of a disabled backend → FAILED_PRECONDITION, an action that changes nothing → the current
 * info. Every change emits a transition with the operator code.
 */
export function backendAction(ctx: CheckerContext, action: BackendAction, name: string): ActionResult<BackendInfo> {
  if (!name) return fail('INVALID_ARGUMENT', 'backend name is empty');
  const w = ctx.workers.get(name);
  if (!w) return fail('NOT_FOUND', `backend "${name}" not found`);
  const state = w.health.state;
  if ((action === 'pause' || action === 'resume') && state === 'disabled') {
    return fail('FAILED_PRECONDITION', `backend "${name}" is disabled; enable it first`);
  }
  const now = ctx.clock.now();
  switch (action) {
    case 'pause':
      if (state !== 'paused') {
        halt(ctx, w);
        applyEvent(ctx, w, { type: 'pause', atMs: now, detail: 'paused by operator' });
        logAction(ctx, 'backend-pause', w);
      }
      break;
    case 'resume':
      if (state === 'paused') {
        applyEvent(ctx, w, { type: 'resume', atMs: now, detail: 'resumed by operator' });
        scheduleAt(ctx, w, now);
        logAction(ctx, 'backend-resume', w);
      }
      break;
    case 'disable':
      if (state !== 'disabled') {
        setDisabled(ctx, w, 'disabled by operator');
        logAction(ctx, 'backend-disable', w);
      }
      break;
    case 'enable':
      if (state === 'disabled') {
        w.enabled = true;
        applyEvent(ctx, w, { type: 'enable', atMs: now, detail: 'enabled by operator' });
        scheduleAt(ctx, w, now);
        logAction(ctx, 'backend-enable', w);
      }
      break;
  }
  return { ok: true, value: backendInfo(w) };
}

function logAction(ctx: CheckerContext, msg: string, w: Worker): void {
  if (ctx.log.wants('info')) ctx.log.write('info', msg, { backend: w.name, state: w.health.state });
}

/** Changes a member's weight until the next reload; emits a frontend event only if its state moves. */
export function setWeight(
  ctx: CheckerContext,
  frontend: string,
  pool: string,
  backend: string,
  weight: number,
): ActionResult<FrontendInfo> {
  if (!frontend || !pool || !backend) return fail('INVALID_ARGUMENT', 'frontend, pool and backend names are required');
  if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
    return fail('INVALID_ARGUMENT', `weight ${weight} is outside 0-100`);
  }
  const fe = ctx.frontends.get(frontend);
  if (!fe) return fail('NOT_FOUND', `frontend "${frontend}" not found`);
  const p = fe.cfg.pools.findIndex((x) => x.name === pool);
  if (p < 0) return fail('NOT_FOUND', `pool "${pool}" not found in frontend "${frontend}"`);
  const m = (fe.cfg.pools[p]?.backends ?? []).findIndex((x) => x.backend === backend);
  if (m < 0) return fail('NOT_FOUND', `backend "${backend}" not found in pool "${pool}" of frontend "${frontend}"`);
  const stateOf = (b: string) => ctx.workers.get(b)?.health.state ?? 'unknown';
  const before = ctx.frontends.setWeight(fe, p, m, weight, stateOf(backend));
  if (ctx.log.wants('info')) {
    ctx.log.write('info', WEIGHT_SET_LOG, { frontend, pool, backend, weight: String(weight) });
  }
  if (before !== fe.state) emitFrontend(ctx, fe, before);
  return { ok: true, value: frontendInfo(fe, stateOf) };
}
