import type * as grpc from '@grpc/grpc-js';
import type { LogLevel } from '../../shared/model';
import type { CheckerView, SubscribeOptions, SubscriptionItem } from '../checker';
import type { Logger } from '../log';
import type { Event as WireEvent } from './generated/maglev/Event';
import type { WatchRequest__Output } from './generated/maglev/WatchRequest';
import { msToNs } from './nanos';
import { eventToWire, parseLogLevel } from './wire';

/** The subscription a WatchRequest asks for, or an INVALID_ARGUMENT message. */
export type WatchFilter = { ok: true; options: SubscribeOptions } | { ok: false; message: string };

/**
 * Turns a WatchRequest into subscription options. No filter set: backend + frontend + log at
 * `info`. Any of log/backend/frontend set: the unset ones are off. `log_level` alone implies
 * `log`; `log` without a level means `info`.
 */
export function watchFilter(req: WatchRequest__Output, capacity?: number): WatchFilter {
  let level: LogLevel = 'info';
  if (req.logLevel !== undefined && req.logLevel !== '') {
    const parsed = parseLogLevel(req.logLevel);
    if (!parsed)
      return { ok: false, message: `unknown log_level "${req.logLevel}" (want debug, info, warn or error)` };
    level = parsed;
  }
  const anySet = req.log !== undefined || req.backend !== undefined || req.frontend !== undefined;
  const levelGiven = req.logLevel !== undefined && req.logLevel !== '';
  const log = anySet ? (req.log ?? levelGiven) : true;
  const frontend = anySet ? req.frontend === true : true;
  const backend = anySet ? req.backend === true : true;
  return {
    ok: true,
    options: { backend, frontend, logLevel: log ? level : null, initialFrontendEvents: frontend, capacity },
  };
}

function droppedEvent(count: number, now: number): WireEvent {
  return {
    log: { atNs: msToNs(now), level: 'warn', msg: 'events-dropped', attrs: { count: String(count) } },
  };
}

function toWire(item: SubscriptionItem, now: () => number): WireEvent {
  return item.type === 'dropped' ? droppedEvent(item.count, now()) : eventToWire(item);
}

export interface WatchStreamDeps {
  checker: CheckerView;
  logger: Logger;
  now: () => number;
  /** Per-subscriber queue bound (the checker's default when absent). */
  capacity?: number;
}

/**
 * Serves one WatchEvents call: pumps the checker subscription into the call with flow control.
 * Items are written while `call.write()` returns true; on false the rest of the current batch
 * waits for 'drain', and meanwhile the checker's bounded queue absorbs (and on overflow counts)
 * events, so a slow client costs at most two queue lengths of memory and never blocks the
 * checker. Returns a function that ends the stream cleanly (server shutdown).
 */
export function serveWatch(
  call: grpc.ServerWritableStream<WatchRequest__Output, WireEvent>,
  deps: WatchStreamDeps,
  onInvalid: (message: string) => void,
): () => void {
  const filter = watchFilter(call.request, deps.capacity);
  if (!filter.ok) {
    onInvalid(filter.message);
    return () => {};
  }
  const sub = deps.checker.subscribe(filter.options);
  let pending: SubscriptionItem[] = [];
  let next = 0;
  let done = false;
  let unregister: () => void = () => {};

  const finish = (end: boolean): void => {
    if (done) return;
    done = true;
    unregister();
    sub.close();
    call.off('drain', pump);
    if (end) call.end();
  };

  function pump(): void {
    while (!done) {
      if (next === pending.length) {
        pending = sub.drain();
        next = 0;
      }
      if (pending.length === 0) {
        // Caught up. A subscription the checker ended (stop) ends the stream; otherwise wait for
        // the checker: onReadable fires once, so it is re-armed every time.
        if (sub.closed) return finish(true);
        unregister = sub.onReadable(pump);
        return;
      }
      while (next < pending.length) {
        const item = pending[next++]!;
        if (!call.write(toWire(item, deps.now))) {
          call.once('drain', pump);
          return;
        }
      }
    }
  }

  call.on('cancelled', () => finish(false));
  call.on('error', (e) => {
    deps.logger.debug('watch-error', { error: e });
    finish(false);
  });
  pump();
  return () => finish(true);
}
