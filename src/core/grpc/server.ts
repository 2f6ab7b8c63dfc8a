import * as grpc from '@grpc/grpc-js';
import type { Checker, ActionResult } from '../checker';
import type { Logger } from '../log';
import type { MaglevHandlers } from './generated/maglev/Maglev';
import type { MaglevProto } from './proto';
import { withSharedEventBytes } from './event-bytes';
import { serveWatch, type WatchCall } from './watch-stream';
import { backendToWire, frontendToWire, healthCheckToWire } from './wire';

/** What a disk check or reload found: ok, or the formatted issues of one kind. */
export type ConfigOutcome = { ok: true } | { ok: false; kind: 'parse' | 'semantic'; message: string };

export interface MaglevServerDeps {
  checker: Checker;
  /** Validates the config file on disk and, only when valid, applies it (ReloadConfig, SIGHUP). */
  reloadFromDisk: () => Promise<ConfigOutcome>;
  /** Validates the config file on disk without applying it (CheckConfig). */
  checkDisk: () => Promise<ConfigOutcome>;
  logger: Logger;
  proto: MaglevProto;
  /** Current time in Unix ms (for synthetic log events). */
  now: () => number;
  /** Per-WatchEvents-subscriber queue bound in events. */
  watchCapacity?: number;
  /** Per-WatchEvents-subscriber queue bound in bytes of encoded events (default 8 MiB). */
  watchQueueBytes?: number;
}

/** The Maglev service, ready for `server.addService(definition, implementation)`. */
export interface MaglevService {
  definition: grpc.ServiceDefinition;
  implementation: MaglevHandlers;
  /** Ends every open WatchEvents stream with OK (shutdown); returns how many were open. */
  endStreams(): number;
  /** Open WatchEvents streams now. */
  openStreams(): number;
}

type Reply<T> = { ok: true; value: T } | { ok: false; code: grpc.status; message: string };

const VPP_DISABLED: Reply<never> = {
  ok: false,
  code: grpc.status.UNAVAILABLE,
  message: 'VPP integration disabled',
};

function fail(code: grpc.status, message: string): Reply<never> {
  return { ok: false, code, message };
}

const ACTION_STATUS = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
} as const;

function fromAction<T, W>(r: ActionResult<T>, map: (v: T) => W): Reply<W> {
  return r.ok ? { ok: true, value: map(r.value) } : fail(ACTION_STATUS[r.error.code], r.error.message);
}

/** Requires a non-empty name; the message names the kind of thing. */
function named<T>(kind: string, name: string, then: (name: string) => Reply<T>): Reply<T> {
  return name === '' ? fail(grpc.status.INVALID_ARGUMENT, `${kind} name is empty`) : then(name);
}

function found<T, W>(kind: string, name: string, value: T | undefined, map: (v: T) => W): Reply<W> {
  return value === undefined
    ? fail(grpc.status.NOT_FOUND, `no ${kind} named "${name}"`)
    : { ok: true, value: map(value) };
}

function outcomeToWire(o: ConfigOutcome): { ok: boolean; parseError: string; semanticError: string } {
  if (o.ok) return { ok: true, parseError: '', semanticError: '' };
  return {
    ok: false,
    parseError: o.kind === 'parse' ? o.message : '',
    semanticError: o.kind === 'semantic' ? o.message : '',
  };
}

/** Creates the Maglev gRPC service over a checker: all 18 RPCs of spec/grpc.md. */
export function createMaglevServer(deps: MaglevServerDeps): MaglevService {
  const { checker, logger } = deps;
  const streams = new Set<() => void>();
  const { definition, encoder } = withSharedEventBytes(deps.proto.maglev.Maglev.service, deps.now);

  // Every handler runs inside this wrapper: an unexpected throw becomes INTERNAL for that call
  // only (logged here), never a crashed daemon.
  function unary<Req, Res>(
    rpc: string,
    fn: (req: Req) => Reply<Res> | Promise<Reply<Res>>,
  ): grpc.handleUnaryCall<Req, Res> {
    return (call, callback) => {
      Promise.resolve()
        .then(() => fn(call.request))
        .then(
          (r) => (r.ok ? callback(null, r.value) : callback({ code: r.code, details: r.message })),
          (e: unknown) => {
            logger.error('rpc-failed', { rpc, error: e instanceof Error ? e.message : String(e) });
            callback({ code: grpc.status.INTERNAL, details: `${rpc} failed` });
          },
        );
    };
  }

  const backendAction = (
    rpc: string,
    act: (name: string) => ActionResult<Parameters<typeof backendToWire>[0]>,
  ) =>
    unary(rpc, (req: { name: string }) =>
      named('backend', req.name, (n) => fromAction(act(n), backendToWire)),
    );

  const implementation: MaglevHandlers = {
    ListFrontends: unary('ListFrontends', () => ({ ok: true, value: { names: checker.listFrontends() } })),
    GetFrontend: unary('GetFrontend', (req) =>
      named('frontend', req.name, (n) => found('frontend', n, checker.getFrontend(n), frontendToWire)),
    ),
    ListBackends: unary('ListBackends', () => ({ ok: true, value: { names: checker.listBackends() } })),
    GetBackend: unary('GetBackend', (req) =>
      named('backend', req.name, (n) => found('backend', n, checker.getBackend(n), backendToWire)),
    ),
    PauseBackend: backendAction('PauseBackend', (n) => checker.pause(n)),
    ResumeBackend: backendAction('ResumeBackend', (n) => checker.resume(n)),
    EnableBackend: backendAction('EnableBackend', (n) => checker.enable(n)),
    DisableBackend: backendAction('DisableBackend', (n) => checker.disable(n)),
    ListHealthChecks: unary('ListHealthChecks', () => ({
      ok: true,
      value: { names: checker.listHealthChecks() },
    })),
    GetHealthCheck: unary('GetHealthCheck', (req) =>
      named('healthcheck', req.name, (n) =>
        found('healthcheck', n, checker.getHealthCheck(n), healthCheckToWire),
      ),
    ),
    SetFrontendPoolBackendWeight: unary('SetFrontendPoolBackendWeight', (req) => {
      for (const [kind, v] of [
        ['frontend', req.frontend],
        ['pool', req.pool],
        ['backend', req.backend],
      ] as const) {
        if (v === '') return fail(grpc.status.INVALID_ARGUMENT, `${kind} name is empty`);
      }
      if (!Number.isInteger(req.weight) || req.weight < 0 || req.weight > 100) {
        return fail(grpc.status.INVALID_ARGUMENT, `weight ${req.weight} is outside 0-100`);
      }
      return fromAction(checker.setWeight(req.frontend, req.pool, req.backend, req.weight), frontendToWire);
    }),
    WatchEvents: (call) => {
      // grpc-js ends a server stream with a status when the handler emits 'error' on it.
      // The definition's WatchEvents serializer takes the shared Event bytes (event-bytes.ts).
      const end = serveWatch(
        call as unknown as WatchCall,
        { checker, logger, encoder, capacity: deps.watchCapacity, queueBytes: deps.watchQueueBytes },
        (details) => call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details }),
      );
      streams.add(end);
      const forget = (): void => void streams.delete(end);
      call.once('finish', forget);
      call.once('cancelled', forget);
      call.once('close', forget);
    },
    CheckConfig: unary('CheckConfig', async () => ({
      ok: true,
      value: outcomeToWire(await deps.checkDisk()),
    })),
    ReloadConfig: unary('ReloadConfig', async () => ({
      ok: true,
      value: outcomeToWire(await deps.reloadFromDisk()),
    })),
    GetVPPInfo: unary('GetVPPInfo', () => VPP_DISABLED),
    GetVPPLBState: unary('GetVPPLBState', () => VPP_DISABLED),
    SyncVPPLBState: unary('SyncVPPLBState', () => VPP_DISABLED),
    GetVPPLBCounters: unary('GetVPPLBCounters', () => VPP_DISABLED),
  };

  return {
    definition,
    implementation,
    endStreams: () => {
      const n = streams.size;
      for (const end of [...streams]) end();
      streams.clear();
      return n;
    },
    openStreams: () => streams.size,
  };
}
