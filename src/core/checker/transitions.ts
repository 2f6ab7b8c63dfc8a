import type { FrontendState, Transition } from '../../shared/model';
import { nextHealth } from '../health';
import type { HealthEvent } from '../health';
import type { CheckerContext, Worker } from './context';
import type { FrontendRuntime } from './frontend-set';
import { backendInfo } from './info';

/**
 * Feeds one event to a worker's state machine and, when its state changes, tells everyone:
 * subscribers (backend event), the frontends it belongs to (frontend events), the log.
 */
export function applyEvent(ctx: CheckerContext, w: Worker, event: HealthEvent): Transition | null {
  const step = nextHealth(w.health, event, w.params);
  w.health = step.health;
  const t = step.transition;
  if (t) announce(ctx, w, t);
  return t;
}

function announce(ctx: CheckerContext, w: Worker, t: Transition): void {
  // BackendInfo is built only when someone will read it.
  if (ctx.hub.wants('backend')) ctx.hub.emit({ type: 'backend', backend: w.name, transition: t, info: backendInfo(w) });
  if (ctx.log.wants('info')) {
    ctx.log.write('info', 'backend-transition', {
      backend: w.name,
      from: t.from,
      to: t.to,
      code: t.code,
      detail: t.detail,
    });
  }
  if (!ctx.batching) ctx.frontends.applyChange(w.name, t.from, t.to, (fe, from) => emitFrontend(ctx, fe, from));
}

/** Emits a frontend event (and its log record) for a frontend whose state moved from `from`. */
export function emitFrontend(ctx: CheckerContext, fe: FrontendRuntime, from: FrontendState): void {
  ctx.hub.emit({ type: 'frontend', frontend: fe.cfg.name, from, to: fe.state, atMs: ctx.clock.now() });
  if (ctx.log.wants('info')) {
    ctx.log.write('info', 'frontend-transition', { frontend: fe.cfg.name, from, to: fe.state });
  }
}
