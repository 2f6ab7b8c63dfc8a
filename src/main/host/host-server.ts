/**
 * The site host's side of the protocol: runs requests against a SiteService and forwards its events.
 * It runs in the utilityProcess (and in tests over an in-process or worker_threads pair).
 */
import type { SiteService } from '../../core/sites';
import type { Logger } from '../../core/log';
import { toAppError } from '../../core/util';
import { isToHostMessage, type FromHostMessage, type MessageEndpoint, type ToHostMessage } from './host-protocol';

export interface HostServer {
  /** Resolves once the service is disposed (by a `dispose` message or by this call). */
  dispose(): Promise<void>;
}

/** Serves `service` (or the service once it is created) over `endpoint`. */
export function serveSiteService(
  endpoint: MessageEndpoint<unknown, FromHostMessage>,
  servicePromise: SiteService | Promise<SiteService>,
  logger: Logger,
): HostServer {
  const service = Promise.resolve(servicePromise);
  let unsubscribeEvents: (() => void) | null = null;
  let unsubscribeFromMain: () => void = () => {};
  let disposing: Promise<void> | null = null;

  const post = (message: FromHostMessage): void => {
    try {
      endpoint.post(message);
    } catch (e) {
      logger.error('cannot post to main', { kind: message.kind, err: e });
    }
  };

  service.then(
    (s) => {
      if (disposing) return;
      unsubscribeEvents = s.onEvent((event, payload) => post({ kind: 'event', event, payload }));
      post({ kind: 'ready' });
    },
    (e: unknown) => post({ kind: 'fatal', message: toAppError(e).message }),
  );

  const invoke = async (message: Extract<ToHostMessage, { kind: 'invoke' }>): Promise<void> => {
    try {
      const s = await service;
      const envelope = await s.invoke(message.name, message.payload, message.ctx);
      post({ kind: 'result', id: message.id, envelope });
    } catch (e) {
      // The service returns errors as values; a throw here is a bug, reported without its stack.
      logger.error('site service threw', { op: message.name, err: e });
      post({ kind: 'result', id: message.id, envelope: { ok: false, error: toAppError(e) } });
    }
  };

  const dispose = (): Promise<void> => {
    disposing ??= (async () => {
      unsubscribeEvents?.();
      unsubscribeFromMain();
      try {
        await (await service).dispose();
      } catch (e) {
        logger.error('site service dispose failed', { err: e });
      }
      post({ kind: 'disposed' });
    })();
    return disposing;
  };

  unsubscribeFromMain = endpoint.onMessage((raw) => {
    if (!isToHostMessage(raw)) {
      logger.warn('dropped malformed message from main');
      return;
    }
    if (raw.kind === 'dispose') void dispose();
    else if (!disposing) void invoke(raw);
  });

  return { dispose };
}
