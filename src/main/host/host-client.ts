/**
 * Main's side of the site-host protocol: turns `invoke` calls into messages, matches results by id,
 * fans events out, and turns every transport failure (timeout, host exit, garbled message) into an
 * error envelope, so that the window never waits forever and never sees a throw.
 */
import type { Envelope } from '../../shared/ipc';
import type { RequestContext } from '../../core/sites';
import type { Clock, TimerHandle } from '../../core/util';
import type { Logger } from '../../core/log';
import { isFromHostMessage, type FromHostMessage, type MessageEndpoint, type ToHostMessage } from './host-protocol';

/** What main needs from a site host, wherever it runs. A SiteService satisfies it structurally. */
export interface SiteHost {
  invoke(name: string, payload: unknown, ctx: RequestContext): Promise<Envelope<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  dispose(): Promise<void>;
}

export interface HostClient extends SiteHost {
  /** Fails every pending and future request (the transport is gone). */
  fail(reason: string): void;
  /** Requests waiting for an answer. */
  pendingCount(): number;
}

export interface HostClientOptions {
  clock: Clock;
  logger: Logger;
  /** How long one request may take before it fails with UNAVAILABLE. */
  timeoutMs?: number;
  /** How long dispose waits for the host to confirm. */
  disposeTimeoutMs?: number;
}

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
  timer: TimerHandle;
}

const unavailable = (message: string): Envelope<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

/** Creates the client half of the protocol over `endpoint`. */
export function createHostClient(
  endpoint: MessageEndpoint<unknown, ToHostMessage>,
  options: HostClientOptions,
): HostClient {
  const { clock, logger } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let nextId = 1;
  let failure: string | null = null;
  let onDisposed: (() => void) | null = null;

  const settle = (id: number, envelope: Envelope<unknown>): void => {
    const p = pending.get(id);
    if (!p) return; // late answer after a timeout: already settled
    pending.delete(id);
    clock.clearTimeout(p.timer);
    p.resolve(envelope);
  };

  const receive = (message: FromHostMessage): void => {
    switch (message.kind) {
      case 'result':
        settle(message.id, message.envelope);
        break;
      case 'event':
        for (const l of listeners) {
          try {
            l(message.event, message.payload);
          } catch (e) {
            logger.error('event listener threw', { event: message.event, err: e });
          }
        }
        break;
      case 'disposed':
        onDisposed?.();
        break;
      case 'fatal':
        logger.error('site host failed', { reason: message.message });
        fail(message.message);
        break;
      case 'ready':
        logger.info('site host ready');
        break;
    }
  };

  const unsubscribe = endpoint.onMessage((raw) => {
    if (isFromHostMessage(raw)) receive(raw);
    else logger.warn('dropped malformed message from site host');
  });

  function fail(reason: string): void {
    failure = reason;
    for (const id of [...pending.keys()]) settle(id, unavailable(reason));
  }

  return {
    invoke(name, payload, ctx) {
      if (failure !== null) return Promise.resolve(unavailable(failure));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = clock.setTimeout(() => settle(id, unavailable(`site host did not answer ${name} in ${timeoutMs} ms`)), timeoutMs);
        pending.set(id, { resolve, timer });
        try {
          endpoint.post({ kind: 'invoke', id, name, payload, ctx });
        } catch (e) {
          // Structured clone refuses functions and the like; the caller gets a value, not a throw.
          settle(id, { ok: false, error: { code: 'INVALID_REQUEST', message: `cannot send request: ${(e as Error).message}` } });
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fail,
    pendingCount: () => pending.size,
    async dispose() {
      if (failure === null) {
        await new Promise<void>((resolve) => {
          const timer = clock.setTimeout(resolve, options.disposeTimeoutMs ?? 5_000);
          onDisposed = () => {
            clock.clearTimeout(timer);
            resolve();
          };
          try {
            endpoint.post({ kind: 'dispose' });
          } catch {
            resolve();
          }
        });
      }
      fail('site host disposed');
      listeners.clear();
      unsubscribe();
    },
  };
}
