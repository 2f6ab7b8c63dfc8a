/**
 * Runs the site host in a separate process (Electron's utilityProcess) so that probing, config parsing
 * and gRPC never stall the window. Restarts it with capped backoff when it dies, and after a restart
 * pushes a fresh `sites:changed` so that the renderer resynchronises.
 */
import type { RequestContext } from '../../core/sites';
import type { Clock, TimerHandle } from '../../core/util';
import type { Logger } from '../../core/log';
import { createHostClient, type HostClient, type SiteHost } from './host-client';
import { childEndpoint, type ChildLike } from './endpoints';
import type { ToHostMessage } from './host-protocol';

/** A forked host process (the part of Electron's UtilityProcess used here). */
export interface ForkedChild extends ChildLike {
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface UtilityHostDeps {
  fork(): ForkedChild;
  clock: Clock;
  logger: Logger;
  /** Context of the requests main makes on its own (the resync after a restart). */
  systemContext: RequestContext;
  maxRestarts?: number;
  requestTimeoutMs?: number;
}

/** Starts the site host process and returns a SiteHost that survives its crashes. */
export function startUtilityHost(deps: UtilityHostDeps): SiteHost {
  const { clock, logger } = deps;
  const maxRestarts = deps.maxRestarts ?? 5;
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let child: ForkedChild | null = null;
  let client: HostClient | null = null;
  let restarts = 0;
  let restartTimer: TimerHandle | null = null;
  let disposed = false;

  const emit = (event: string, payload: unknown): void => {
    for (const l of listeners) l(event, payload);
  };

  const start = (): void => {
    const c = deps.fork();
    const cl = createHostClient(childEndpoint<unknown, ToHostMessage>(c), {
      clock,
      logger,
      ...(deps.requestTimeoutMs !== undefined && { timeoutMs: deps.requestTimeoutMs }),
    });
    cl.onEvent(emit);
    child = c;
    client = cl;
    c.once('exit', (code) => onExit(c, cl, code));
  };

  const onExit = (c: ForkedChild, cl: HostClient, code: number): void => {
    cl.fail(`site host exited with code ${code}`);
    if (disposed || child !== c) return;
    child = null;
    if (restarts >= maxRestarts) {
      logger.error('site host keeps exiting; giving up', { code, restarts });
      return;
    }
    const delay = Math.min(30_000, 1_000 * 2 ** restarts);
    restarts += 1;
    logger.warn('site host exited; restarting', { code, delayMs: delay, attempt: restarts });
    restartTimer = clock.setTimeout(() => {
      restartTimer = null;
      if (disposed) return;
      start();
      void resync();
    }, delay);
  };

  const resync = async (): Promise<void> => {
    const r = await client?.invoke('sites:list', {}, deps.systemContext);
    if (r?.ok) emit('sites:changed', r.value);
  };

  start();

  return {
    invoke(name, payload, ctx) {
      if (!client) return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'site host is restarting' } });
      return client.invoke(name, payload, ctx);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      disposed = true;
      if (restartTimer !== null) clock.clearTimeout(restartTimer);
      const c = child;
      await client?.dispose();
      // The host exits on its own after `disposed`; kill covers a host that hangs.
      c?.kill();
      listeners.clear();
    },
  };
}
