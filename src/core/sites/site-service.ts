import type { z } from 'zod';
import type { LogLevel } from '../../shared/model';
import type { BridgeError, Envelope, EventName, EventPayload, OperationName, OpResponse } from '../../shared/ipc';
import { isOperationName, operations } from '../../shared/ipc';
import type { Logger } from '../log';
import { NULL_SINK, createLogger } from '../log';
import type { Clock, Result } from '../util';
import { toAppError } from '../util';
import type { RequestContext, SiteService } from './types';
import type { SiteManager } from './manager-types';
import { createEmitter } from './emitter';
import { createEventBatcher } from './event-batcher';
import type { ConfigHistoryStore } from './config-history';
import type { ConfigThread } from './config-thread';
import type { AuditReader, Handler } from './service-handlers';
import { createHandlers } from './service-handlers';

/** One audited mutating request (who did what, and how it ended). */
export interface AuditRecord {
  atMs: number;
  user: string;
  host: string;
  origin: RequestContext['origin'];
  op: OperationName;
  site: string | null;
  /** The request, with long strings (config texts) replaced by their length. */
  args: unknown;
  ok: boolean;
  error: BridgeError | null;
}

/** Receives audit records; persisting them is the host's job. */
export interface AuditSink {
  record(entry: AuditRecord): void;
}

/** What the site service is built from (the host owns the manager and disposes it). */
export interface SiteServiceOptions {
  manager: SiteManager;
  readOnly: boolean;
  version: string;
  sitesPath: string;
  host: 'electron' | 'web';
  user: string;
  clock: Clock;
  logger?: Logger;
  audit?: AuditSink;
  /** Reads the audit log back for `audit:list` (usually the same file sink as `audit`). */
  auditReader?: AuditReader;
  /** Keeps the configs applied through `config:apply` (issue 9: the last 50 per site). */
  configHistory?: ConfigHistoryStore;
  /** Parses and edits configs off the checker's thread (createConfigThread); default: on this thread. */
  configThread?: ConfigThread;
  /** Shortest time between event batches (default 100 ms). */
  batchIntervalMs?: number;
}

type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

const MAX_AUDIT_STRING = 200;

/** Shrinks long strings so that an audit record never carries a whole config file. */
function auditArgs(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_AUDIT_STRING ? `<${value.length} chars>` : value;
  if (Array.isArray(value)) return value.slice(0, 50).map(auditArgs);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).slice(0, 50).map(([k, v]) => [k, auditArgs(v)]));
  }
  return value;
}

/** Formats zod issues as `path: problem; …` for INVALID_REQUEST. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'payload'}: ${i.message}`)
    .join('; ');
}

function siteOf(op: OperationName, payload: unknown): string | null {
  if (payload === null || typeof payload !== 'object') return null;
  const p = payload as { site?: unknown; spec?: { name?: unknown } };
  if (typeof p.site === 'string') return p.site;
  if (op === 'sites:add' && typeof p.spec?.name === 'string') return p.spec.name;
  return null;
}

/** Creates the host side of the IPC contract over a site manager. */
export function createSiteService(options: SiteServiceOptions): SiteService {
  const { manager, clock } = options;
  const logger = options.logger ?? createLogger('sites.service', NULL_SINK);
  const logLevels = new Map<string, LogLevel>();
  const handlers = createHandlers({ ...options, logLevels });
  const listeners = createEmitter<{ event: EventName; payload: unknown }>(logger, 'site-service');
  const batcher = createEventBatcher({
    manager,
    clock,
    intervalMs: options.batchIntervalMs,
    logLevelOf: (site) => logLevels.get(site) ?? null,
    emit: (event, payload) => listeners.emit({ event, payload }),
  });

  async function dispatch(name: OperationName, payload: unknown, ctx: RequestContext): Promise<Result<unknown>> {
    const op = operations[name];
    const parsed = op.request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'INVALID_REQUEST', message: `${name}: ${describeIssues(parsed.error)}` } };
    if (op.mutates && (options.readOnly || ctx.readOnly)) {
      return { ok: false, error: { code: 'READ_ONLY', message: `${name} changes the site; this session is read-only` } };
    }
    const handler = handlers[name] as Handler<OperationName>;
    return handler(parsed.data as never, ctx);
  }

  function audit(name: OperationName, payload: unknown, ctx: RequestContext, atMs: number, result: Result<unknown>): void {
    if (!options.audit || !operations[name].mutates) return;
    try {
      options.audit.record({
        atMs,
        user: ctx.user,
        host: ctx.host,
        origin: ctx.origin,
        op: name,
        site: siteOf(name, payload),
        args: auditArgs(payload),
        ok: result.ok,
        error: result.ok ? null : result.error,
      });
    } catch (e) {
      logger.error('audit-failed', { op: name, error: toAppError(e).message });
    }
  }

  return {
    async invoke<K extends OperationName>(name: string, payload: unknown, ctx: RequestContext): Promise<Envelope<OpResponse<K>>> {
      if (!isOperationName(name)) {
        return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `unknown operation ${JSON.stringify(String(name).slice(0, 64))}` } };
      }
      const atMs = clock.now();
      let result: Result<unknown>;
      try {
        result = await dispatch(name, payload, ctx);
      } catch (e) {
        // A bug must still answer with a value: the message only, never a stack trace.
        const error = toAppError(e);
        logger.error('operation-failed', { op: name, error: error.message });
        result = { ok: false, error };
      }
      audit(name, payload, ctx, atMs, result);
      return (result.ok ? { ok: true, value: result.value } : { ok: false, error: { code: result.error.code, message: result.error.message } }) as Envelope<OpResponse<K>>;
    },
    onEvent(listener: EventListener) {
      const unsubscribe = listeners.subscribe(({ event, payload }) => listener(event, payload as never));
      batcher.setActive(true);
      return () => {
        unsubscribe();
        if (listeners.size === 0) batcher.setActive(false);
      };
    },
    async dispose() {
      batcher.dispose();
      listeners.clear();
    },
  };
}
