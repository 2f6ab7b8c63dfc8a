import { z } from 'zod';
import { BACKEND_STATES, BackendInfoSchema, BackendStateSchema } from './health';

export const CONNECTION_STATES = ['connecting', 'ready', 'degraded', 'offline'] as const;
export const ConnectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const TlsSpecSchema = z.object({
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
  serverName: z.string().optional(),
});
export type TlsSpec = z.infer<typeof TlsSpecSchema>;

const SiteName = z.string().trim().min(1, 'a site needs a name').max(80);

/** One entry of sites.yaml (spec/app.md). */
export const SiteSpecSchema = z.discriminatedUnion('kind', [
  z.object({ name: SiteName, kind: z.literal('local'), config: z.string().min(1, 'config path is required') }),
  z.object({
    name: SiteName,
    kind: z.literal('remote'),
    address: z
      .string()
      .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'address must be host:port or [v6]:port'),
    /** null/absent = plaintext; an object (even empty) = TLS with the system roots unless `ca` is given. */
    tls: TlsSpecSchema.nullable().optional(),
  }),
]);
export type SiteSpec = z.infer<typeof SiteSpecSchema>;

export const BackendCountsSchema = z.record(BackendStateSchema, z.number().int());
export type BackendCounts = z.infer<typeof BackendCountsSchema>;

/** What the overview card of a site shows. */
export const SiteSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['local', 'remote']),
  /** True for the built-in demo site (embedded config, loopback demo backends). */
  demo: z.boolean(),
  /** The config path (local) or host:port (remote). */
  location: z.string(),
  state: ConnectionStateSchema,
  lastError: z.string().nullable(),
  lastContactMs: z.number().nullable(),
  frontendsUp: z.number().int(),
  frontendsTotal: z.number().int(),
  backends: BackendCountsSchema,
  /** The worst current problem in one line ("3 backends down in www-v4"), null when all is well. */
  worst: z.string().nullable(),
  /** Local sites can edit their config file; remote sites only check/reload on the daemon's host. */
  configEditable: z.boolean(),
  hasVpp: z.boolean(),
});
export type SiteSummary = z.infer<typeof SiteSummarySchema>;

/** A backend as the site tables show it. */
export const BackendRowSchema = BackendInfoSchema.extend({
  /** A probe is in flight now (heartbeat). */
  probing: z.boolean(),
});
export type BackendRow = z.infer<typeof BackendRowSchema>;

/** A transition with the backend it belongs to, for timelines. */
export const TransitionRecordSchema = z.object({
  backend: z.string(),
  from: BackendStateSchema,
  to: BackendStateSchema,
  atMs: z.number(),
  code: z.string(),
  detail: z.string(),
});
export type TransitionRecord = z.infer<typeof TransitionRecordSchema>;

/** Probe history of one backend for graphs; parallel arrays, ascending time. */
export const ProbeSamplesSchema = z.object({
  backend: z.string(),
  atMs: z.array(z.number()),
  durationMs: z.array(z.number()),
  ok: z.array(z.boolean()),
  code: z.array(z.string()),
  state: z.array(BackendStateSchema),
});
export type ProbeSamplesDto = z.infer<typeof ProbeSamplesSchema>;

/** Creates an all-zero count per backend state. */
export function emptyBackendCounts(): BackendCounts {
  return Object.fromEntries(BACKEND_STATES.map((s) => [s, 0])) as BackendCounts;
}
