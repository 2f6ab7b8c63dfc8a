import type * as grpc from '@grpc/grpc-js';
import type { LogLevel } from '../../shared/model';
import type { CheckerView, SubscribeOptions } from '../checker';
import type { Logger } from '../log';
import { createByteQueue } from './byte-queue';
import type { EventEncoder } from './event-bytes';
import type { WatchRequest__Output } from './generated/maglev/WatchRequest';
import { parseLogLevel } from './wire';

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

export interface WatchStreamDeps {
  checker: CheckerView;
  logger: Logger;
  /** Event bytes, shared by every stream of the server (event-bytes.ts). */
  encoder: EventEncoder;
  /** Per-subscriber bound in events (the checker's queue, and this stream's queue). */
  capacity?: number;
  /** Per-subscriber bound in bytes of queued encoded events (default 8 MiB). */
  queueBytes?: number;
  /** Bytes a stream may have written and not yet sent before it waits (default 256 KiB). */
  maxBufferedBytes?: number;
}

/** A WatchEvents call whose serializer takes pre-encoded Event bytes (withSharedEventBytes). */
export type WatchCall = grpc.ServerWritableStream<WatchRequest__Output, Buffer>;

const DEFAULT_QUEUE_BYTES = 8 * 1024 * 1024;
/** The stream's own queue is bounded by bytes; this count bound only matters when it is asked for. */
const DEFAULT_QUEUE_COUNT = 1 << 20;
const DEFAULT_MAX_BUFFERED_BYTES = 256 * 1024;

/**
 * Serves one WatchEvents call. Every time the checker has events, all of them move at once into
 * this stream's queue of encoded events (shared bytes, bounded by `queueBytes` and `capacity`;
 * overflow drops the oldest and is reported with an `events-dropped` notice before the next
 * event). The queue is written to the call while less than `maxBufferedBytes` of earlier writes
 * wait to be sent (grpc-js calls a write's callback once HTTP/2 took its bytes); write()'s boolean
 * (an object count) is ignored on purpose. A stalled client therefore pins at most its byte budget,
 * never blocks the checker and never delays another stream: each stream waits only on its own
 * writes, and HTTP/2 flow control is per stream. Returns a function that ends the stream cleanly.
 */
export function serveWatch(
  call: WatchCall,
  deps: WatchStreamDeps,
  onInvalid: (message: string) => void,
): () => void {
  const filter = watchFilter(call.request, deps.capacity);
  if (!filter.ok) {
    onInvalid(filter.message);
    return () => {};
  }
  const high = deps.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const low = high / 2;
  const queue = createByteQueue(deps.queueBytes ?? DEFAULT_QUEUE_BYTES, deps.capacity ?? DEFAULT_QUEUE_COUNT);
  const sub = deps.checker.subscribe(filter.options);
  let pendingDrops = 0;
  let buffered = 0;
  let done = false;
  let unregister: () => void = () => {};

  const finish = (end: boolean): void => {
    if (done) return;
    done = true;
    unregister();
    sub.close();
    queue.clear();
    if (end) call.end();
  };

  function flush(): void {
    while (!done && buffered < high) {
      pendingDrops += queue.takeDropped();
      let bytes: Buffer | undefined;
      if (pendingDrops > 0) {
        bytes = deps.encoder.encode({ type: 'dropped', count: pendingDrops });
        pendingDrops = 0;
      } else bytes = queue.shift();
      if (!bytes) break;
      buffered += bytes.length;
      call.write(bytes, written(bytes.length));
    }
    // A subscription the checker ended (stop) ends the stream once everything queued is written.
    if (!done && sub.closed && queue.length === 0 && pendingDrops === 0) finish(true);
  }

  const written = (bytes: number) => (): void => {
    buffered -= bytes;
    if (buffered <= low && (queue.length > 0 || pendingDrops > 0)) flush();
  };

  function take(): void {
    if (done) return;
    for (const item of sub.drain()) {
      if (item.type === 'dropped') {
        // The checker's own queue overflowed (this thread did not run for `capacity` events): what
        // is still queued here is older than the loss, so it goes too and the notice precedes
        // everything that follows.
        pendingDrops += item.count + queue.length;
        queue.clear();
      } else queue.push(deps.encoder.encode(item));
    }
    flush();
    // onReadable fires once: re-armed every time.
    if (!done && !sub.closed) unregister = sub.onReadable(take);
  }

  call.on('cancelled', () => finish(false));
  call.on('error', (e) => {
    deps.logger.debug('watch-error', { error: e });
    finish(false);
  });
  take();
  return () => finish(true);
}
