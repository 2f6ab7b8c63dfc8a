import { z } from 'zod';

/** Backend states as they travel on the wire (grpc.md) and across IPC. */
export const BACKEND_STATES = ['unknown', 'up', 'down', 'paused', 'disabled', 'removed'] as const;
export const BackendStateSchema = z.enum(BACKEND_STATES);
export type BackendState = z.infer<typeof BackendStateSchema>;

export const FRONTEND_STATES = ['unknown', 'up', 'down'] as const;
export const FrontendStateSchema = z.enum(FRONTEND_STATES);
export type FrontendState = z.infer<typeof FrontendStateSchema>;

/** Probe result codes (HAProxy style) and operator codes, from spec/health.md. */
export const PROBE_CODES = [
  'L4OK',
  'L4TOUT',
  'L4CON',
  'L6OK',
  'L6TOUT',
  'L6RSP',
  'L7OK',
  'L7TOUT',
  'L7RSP',
  'L7STS',
  'L7BODY',
  'ICMPOK',
  'ICMPTOUT',
  'ICMPUNR',
  // Local failures that are not the backend's fault (no privilege, bad source address, netns).
  'INTERNAL',
] as const;
export type ProbeCode = (typeof PROBE_CODES)[number];

export const OPERATOR_CODES = ['paused', 'resumed', 'disabled', 'enabled', 'removed', 'config-changed'] as const;
export type OperatorCode = (typeof OPERATOR_CODES)[number];

/** A state change of one backend. Times are Unix milliseconds inside the app. */
export const TransitionSchema = z.object({
  from: BackendStateSchema,
  to: BackendStateSchema,
  atMs: z.number(),
  code: z.string(),
  detail: z.string(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const ProbeResultSchema = z.object({
  ok: z.boolean(),
  code: z.string(),
  detail: z.string(),
  atMs: z.number(),
  durationMs: z.number(),
});
export type ProbeResultInfo = z.infer<typeof ProbeResultSchema>;

export const BackendInfoSchema = z.object({
  name: z.string(),
  address: z.string(),
  state: BackendStateSchema,
  enabled: z.boolean(),
  healthcheck: z.string(),
  /** Newest first, at most `transition-history` entries. */
  transitions: z.array(TransitionSchema),
  lastProbe: ProbeResultSchema.nullable(),
});
export type BackendInfo = z.infer<typeof BackendInfoSchema>;

export const PoolBackendInfoSchema = z.object({
  name: z.string(),
  /** Configured weight 0-100 (run-time changes included). */
  weight: z.number().int(),
  effectiveWeight: z.number().int(),
  flush: z.boolean(),
});
export type PoolBackendInfo = z.infer<typeof PoolBackendInfoSchema>;

export const PoolInfoSchema = z.object({
  name: z.string(),
  backends: z.array(PoolBackendInfoSchema),
});
export type PoolInfo = z.infer<typeof PoolInfoSchema>;

export const FrontendInfoSchema = z.object({
  name: z.string(),
  address: z.string(),
  protocol: z.string(),
  port: z.number().int(),
  description: z.string(),
  srcIpSticky: z.boolean(),
  flushOnDown: z.boolean(),
  state: FrontendStateSchema,
  pools: z.array(PoolInfoSchema),
  /** Index of the active pool (first pool with an `up` backend), -1 when none. */
  activePool: z.number().int(),
});
export type FrontendInfo = z.infer<typeof FrontendInfoSchema>;

export const HttpParamsInfoSchema = z.object({
  path: z.string(),
  host: z.string(),
  responseCodeMin: z.number().int(),
  responseCodeMax: z.number().int(),
  responseRegexp: z.string(),
  serverName: z.string(),
  insecureSkipVerify: z.boolean(),
});
export const TcpParamsInfoSchema = z.object({
  ssl: z.boolean(),
  serverName: z.string(),
  insecureSkipVerify: z.boolean(),
});

export const HealthCheckInfoSchema = z.object({
  name: z.string(),
  type: z.string(),
  port: z.number().int(),
  intervalMs: z.number(),
  fastIntervalMs: z.number(),
  downIntervalMs: z.number(),
  timeoutMs: z.number(),
  rise: z.number().int(),
  fall: z.number().int(),
  http: HttpParamsInfoSchema.nullable(),
  tcp: TcpParamsInfoSchema.nullable(),
});
export type HealthCheckInfo = z.infer<typeof HealthCheckInfoSchema>;
