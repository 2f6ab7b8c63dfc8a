/**
 * The one IPC contract: every operation the renderer can ask for (`domain:verb`, request and response
 * schemas) and every event pushed to it. Electron IPC (preload + main), the WebSocket web host and the
 * renderer's bridges are all derived from this file; nothing restates these types by hand.
 */
import { z } from 'zod';
import {
  BackendInfoSchema,
  BackendRowSchema,
  BackendStateSchema,
  ConfigDiffSchema,
  ConfigEditSchema,
  ConfigHistoryEntrySchema,
  ConfigIssueSchema,
  FrontendInfoSchema,
  HealthCheckInfoSchema,
  LogLevelSchema,
  LogRecordSchema,
  ProbeSamplesSchema,
  SiteSpecSchema,
  SiteSummarySchema,
  TransitionRecordSchema,
} from '../model';

const Empty = z.object({}).strict();
const SiteRef = z.object({ site: z.string().min(1) });
const Name = z.string().min(1).max(256);
const SiteName = SiteRef.extend({ name: Name });
const BackendRef = SiteRef.extend({ backend: Name });
/** Config text is bounded so that a hostile renderer cannot make main parse gigabytes. */
const ConfigText = z.string().max(16 * 1024 * 1024);

const TransitionQuery = SiteRef.extend({
  frontend: Name.optional(),
  backend: Name.optional(),
  states: z.array(BackendStateSchema).optional(),
  fromMs: z.number().optional(),
  toMs: z.number().optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});

const ValidateResult = z.object({
  ok: z.boolean(),
  kind: z.enum(['ok', 'parse', 'semantic']),
  issues: z.array(ConfigIssueSchema),
  warnings: z.array(ConfigIssueSchema),
  legacy: z.boolean(),
});

const DaemonConfigResult = z.object({
  ok: z.boolean(),
  parseError: z.string(),
  semanticError: z.string(),
});

/** One audited admin action (core/sites AuditRecord as the audit log stores it). */
const AuditEntry = z.object({
  atMs: z.number(),
  user: z.string(),
  host: z.string(),
  origin: z.string(),
  op: z.string(),
  site: z.string().nullable(),
  args: z.unknown(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** Declares one operation. */
function op<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, mutates = false) {
  return { request, response, mutates } as const;
}

export const operations = {
  'app:info': op(
    Empty,
    z.object({
      version: z.string(),
      readOnly: z.boolean(),
      sitesPath: z.string(),
      host: z.enum(['electron', 'web']),
      user: z.string(),
    }),
  ),

  'sites:list': op(Empty, z.array(SiteSummarySchema)),
  'sites:get': op(SiteRef, SiteSummarySchema),
  'sites:add': op(z.object({ spec: SiteSpecSchema }), SiteSummarySchema, true),
  'sites:edit': op(SiteRef.extend({ spec: SiteSpecSchema }), SiteSummarySchema, true),
  'sites:remove': op(SiteRef, z.object({ site: z.string() }), true),
  'sites:specs': op(Empty, z.array(z.object({ id: z.string(), spec: SiteSpecSchema }))),

  'frontends:list': op(SiteRef, z.array(FrontendInfoSchema)),
  'frontends:get': op(SiteName, FrontendInfoSchema),
  'backends:list': op(SiteRef, z.array(BackendRowSchema)),
  'backends:get': op(SiteName, BackendRowSchema),
  'healthchecks:list': op(SiteRef, z.array(HealthCheckInfoSchema)),
  'healthchecks:get': op(SiteName, HealthCheckInfoSchema),

  'history:range': op(
    SiteRef.extend({
      backends: z.array(Name).max(10_000),
      fromMs: z.number().optional(),
      toMs: z.number().optional(),
    }),
    z.array(ProbeSamplesSchema),
  ),
  'transitions:range': op(TransitionQuery, z.array(TransitionRecordSchema)),
  'transitions:export': op(
    TransitionQuery.extend({ format: z.enum(['csv', 'json']) }),
    z.object({ filename: z.string(), mime: z.string(), content: z.string() }),
  ),

  'backends:pause': op(BackendRef, BackendInfoSchema, true),
  'backends:resume': op(BackendRef, BackendInfoSchema, true),
  'backends:enable': op(BackendRef, BackendInfoSchema, true),
  'backends:disable': op(BackendRef, BackendInfoSchema, true),
  'backends:set-weight': op(
    SiteRef.extend({
      frontend: Name,
      pool: Name,
      backend: Name,
      weight: z.number().int().min(0).max(100),
    }),
    FrontendInfoSchema,
    true,
  ),

  /** The site's config file as text (local: the file; remote: not available, editable=false). */
  'config:read': op(
    SiteRef,
    z.object({ path: z.string(), text: z.string(), editable: z.boolean(), legacy: z.boolean() }),
  ),
  /** Runs the project's validator on text; never changes anything. */
  'config:validate': op(z.object({ text: ConfigText, fileName: z.string().optional() }), ValidateResult),
  /** What applying `text` to the site's running config would do. */
  'config:diff': op(
    SiteRef.extend({ text: ConfigText }),
    z.object({ validation: ValidateResult, diff: ConfigDiffSchema.nullable() }),
  ),
  /** Local sites: validate → save atomically → reload. Refused (nothing changes) when invalid. */
  'config:apply': op(
    SiteRef.extend({ text: ConfigText }),
    z.object({ diff: ConfigDiffSchema, elapsedMs: z.number(), savedTo: z.string() }),
    true,
  ),
  /**
   * Applies structured edits (the visual editor's) to config text and returns the new text, keeping
   * comments, key order and formatting outside the edited nodes. Pure: nothing is saved or applied;
   * all edits apply or none (NOT_FOUND, INVALID_ARGUMENT, YAML_INVALID say which one failed).
   */
  'config:edit': op(
    z.object({ text: ConfigText, edits: z.array(ConfigEditSchema).min(1).max(200) }),
    z.object({ text: z.string() }),
  ),
  /** Local sites: the configs applied from this host, newest first (at most 50 kept). */
  'config:history': op(SiteRef, z.array(ConfigHistoryEntrySchema)),
  /** One applied config of the history, with its text (to view, diff or restore through Apply). */
  'config:history-get': op(
    SiteRef.extend({ id: z.string().min(1).max(64) }),
    z.object({ entry: ConfigHistoryEntrySchema, text: z.string() }),
  ),
  /** Validates the config file where the site runs (remote: the daemon's CheckConfig). */
  'config:check': op(SiteRef, DaemonConfigResult),
  /** Reloads the config file where the site runs (remote: the daemon's ReloadConfig). */
  'config:reload': op(SiteRef, DaemonConfigResult, true),

  /** Recent log records kept for the site, at `level` and above. */
  'logs:recent': op(SiteRef.extend({ level: LogLevelSchema, limit: z.number().int().min(1).max(10_000).optional() }), z.array(LogRecordSchema)),
  /** Sets the level of the log records pushed as `logs:appended` for this site (null: none). */
  'logs:subscribe': op(SiteRef.extend({ level: LogLevelSchema.nullable() }), z.object({ level: LogLevelSchema.nullable() })),

  /** The newest admin actions of the audit log, newest first (empty when the host keeps no audit log). */
  'audit:list': op(z.object({ limit: z.number().int().min(1).max(10_000).optional() }), z.array(AuditEntry)),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpRequest<K extends OperationName> = z.input<Operations[K]['request']>;
export type OpResponse<K extends OperationName> = z.output<Operations[K]['response']>;

/** Events pushed from the host to the renderer, batched (at most every 100 ms). */
export const events = {
  /** Site summaries changed (connection state, counts). */
  'sites:changed': z.array(SiteSummarySchema),
  /** Coalesced health updates of one site: latest row per backend/frontend, plus new transitions. */
  'health:changed': z.object({
    site: z.string(),
    backends: z.array(BackendRowSchema),
    frontends: z.array(FrontendInfoSchema),
    transitions: z.array(TransitionRecordSchema),
    /** The site's snapshot changed wholesale (reload, resync): refetch lists. */
    resync: z.boolean(),
  }),
  /** New log records of one site at the subscribed level. */
  'logs:appended': z.object({ site: z.string(), records: z.array(LogRecordSchema) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

/** Error codes that cross the bridge. */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_OPERATION',
  'FORBIDDEN',
  'READ_ONLY',
  'NOT_FOUND',
  'INVALID_ARGUMENT',
  'FAILED_PRECONDITION',
  'UNAVAILABLE',
  'CONFIG_INVALID',
  'YAML_INVALID',
  'INTERNAL',
] as const;
export const BridgeErrorSchema = z.object({ code: z.string(), message: z.string() });
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

/** What every operation returns across a process or network boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Electron IPC channels carry this prefix; the preload and main check it. */
export const CHANNEL_PREFIX = 'maglev:';
/** Returns the IPC channel of an operation or event. */
export function channelOf(name: OperationName | EventName): string {
  return CHANNEL_PREFIX + name;
}

/** Tells whether a string names a known operation. */
export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** Splits `domain:verb` into the preload's method path: `backends:set-weight` → ['backends', 'setWeight']. */
export function methodPath(name: OperationName): [string, string] {
  const [domain, verb] = name.split(':') as [string, string];
  return [domain, verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
}

type CamelVerb<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<CamelVerb<B>>}` : S;
type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
type VerbOf<K> = K extends `${string}:${infer V}` ? V : never;

/** The typed API object built from the contract: `api.backends.setWeight(req)`. */
export type MaglevApi = {
  [D in DomainOf<OperationName>]: {
    [K in OperationName as DomainOf<K> extends D ? CamelVerb<VerbOf<K>> : never]: (
      request: OpRequest<K>,
    ) => Promise<Envelope<OpResponse<K>>>;
  };
} & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
