import type { z } from 'zod';
import type { LogLevel } from '../../shared/model';
import type { OperationName, Operations, OpResponse } from '../../shared/ipc';
import { operations } from '../../shared/ipc';
import type { Clock, Result } from '../util';
import { err, ok } from '../util';
import type { RequestContext, Site } from './types';
import type { SiteManager } from './manager-types';
import { exportTransitions } from './transitions-export';
import { createConfigHandlers } from './service-config-handlers';
import type { ConfigHistoryStore } from './config-history';
import type { ConfigThread } from './config-thread';
import type { Logger } from '../log';

/** A request after the contract's schema parsed it. */
export type OpInput<K extends OperationName> = z.output<Operations[K]['request']>;
/** Carries out one operation; expected failures are values. */
export type Handler<K extends OperationName> = (req: OpInput<K>, ctx: RequestContext) => Promise<Result<OpResponse<K>>>;
/** One handler per operation of the contract: the compiler checks that none is missing. */
export type Handlers = { [K in OperationName]: Handler<K> };

/** What the operation handlers share. */
export interface HandlerDeps {
  manager: SiteManager;
  clock: Clock;
  readOnly: boolean;
  version: string;
  sitesPath: string;
  host: 'electron' | 'web';
  user: string;
  /** Log levels pushed per site (`logs:subscribe`). */
  logLevels: Map<string, LogLevel>;
  /** Reads the audit log back (`audit:list`); without it the list is empty. */
  auditReader?: AuditReader;
  /** Keeps every config applied through `config:apply` (`config:history`). */
  configHistory?: ConfigHistoryStore;
  configThread?: ConfigThread;
  logger?: Logger;
}

/** Reads the newest audit records, newest first (the host's audit sink). */
export interface AuditReader {
  list(limit: number): Promise<readonly object[]>;
}

const DEFAULT_AUDIT_LIMIT = 1000;

/** Answers `audit:list`: lines that do not match the contract (hand-edited, older format) are skipped. */
async function listAudit(reader: AuditReader | undefined, limit: number | undefined): Promise<Result<OpResponse<'audit:list'>>> {
  if (!reader) return ok([]);
  const entry = operations['audit:list'].response.element;
  const rows = await reader.list(limit ?? DEFAULT_AUDIT_LIMIT);
  return ok(rows.flatMap((r) => {
    const parsed = entry.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  }));
}

const notFound = (what: string, name: string) => err({ code: 'NOT_FOUND', message: `no ${what} named ${JSON.stringify(name)}` });

/** Returns `value`, or NOT_FOUND naming what was missing. */
export function found<T>(value: T | undefined, what: string, name: string): Result<T> {
  return value === undefined ? notFound(what, name) : ok(value);
}

/** Runs `fn` on the site `id`, or answers NOT_FOUND. */
export async function onSite<T>(manager: SiteManager, id: string, fn: (site: Site) => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
  const site = manager.get(id);
  if (!site) return err({ code: 'NOT_FOUND', message: `no site ${JSON.stringify(id)}` });
  return fn(site);
}

/** Builds the handlers of every operation of the contract. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { manager } = deps;
  const site = <T>(id: string, fn: (s: Site) => Result<T> | Promise<Result<T>>) => onSite(manager, id, fn);
  return {
    'app:info': async (_req, ctx) =>
      ok({
        version: deps.version,
        readOnly: deps.readOnly || ctx.readOnly,
        sitesPath: deps.sitesPath,
        host: deps.host,
        user: ctx.user || deps.user,
      }),
    'sites:list': async () => ok(manager.list().map((s) => s.summary())),
    'sites:get': async (req) => site(req.site, (s) => ok(s.summary())),
    'sites:add': async (req) => {
      const r = await manager.add(req.spec);
      return r.ok ? ok(r.value.summary()) : r;
    },
    'sites:edit': async (req) => {
      const r = await manager.edit(req.site, req.spec);
      if (!r.ok) return r;
      // A rename gives the site a new id; a log subscription follows it.
      const level = deps.logLevels.get(req.site);
      if (level && r.value.id !== req.site) {
        deps.logLevels.delete(req.site);
        deps.logLevels.set(r.value.id, level);
      }
      return ok(r.value.summary());
    },
    'sites:remove': async (req) => {
      const r = await manager.remove(req.site);
      if (r.ok) deps.logLevels.delete(req.site);
      return r;
    },
    'sites:specs': async () => ok(manager.specs()),
    'frontends:list': async (req) => site(req.site, (s) => ok(s.listFrontends())),
    'frontends:get': async (req) => site(req.site, (s) => found(s.getFrontend(req.name), 'frontend', req.name)),
    'backends:list': async (req) => site(req.site, (s) => ok(s.listBackends())),
    'backends:get': async (req) => site(req.site, (s) => found(s.getBackend(req.name), 'backend', req.name)),
    'healthchecks:list': async (req) => site(req.site, (s) => ok(s.listHealthChecks())),
    'healthchecks:get': async (req) => site(req.site, (s) => found(s.getHealthCheck(req.name), 'healthcheck', req.name)),
    'history:range': async (req) => site(req.site, (s) => ok(s.history(req.backends, req.fromMs, req.toMs))),
    'transitions:range': async ({ site: id, ...query }) => site(id, (s) => ok(s.transitions(query))),
    'transitions:export': async ({ site: id, format, ...query }) =>
      site(id, (s) => ok(exportTransitions(s.transitions(query), format, id, deps.clock.now()))),
    'backends:pause': async (req) => site(req.site, (s) => s.pause(req.backend)),
    'backends:resume': async (req) => site(req.site, (s) => s.resume(req.backend)),
    'backends:enable': async (req) => site(req.site, (s) => s.enable(req.backend)),
    'backends:disable': async (req) => site(req.site, (s) => s.disable(req.backend)),
    'backends:set-weight': async (req) => site(req.site, (s) => s.setWeight(req.frontend, req.pool, req.backend, req.weight)),
    ...createConfigHandlers(deps),
    'logs:recent': async (req) => site(req.site, (s) => ok(s.recentLogs(req.level, req.limit))),
    'logs:subscribe': async (req) =>
      site(req.site, () => {
        if (req.level === null) deps.logLevels.delete(req.site);
        else deps.logLevels.set(req.site, req.level);
        return ok({ level: req.level });
      }),
    'audit:list': async (req) => listAudit(deps.auditReader, req.limit),
  };
}
