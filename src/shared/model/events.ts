import { z } from 'zod';
import { BackendInfoSchema, FrontendStateSchema, TransitionSchema } from './health';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const LogLevelSchema = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** A structured log record (grpc.md LogEvent). */
export const LogRecordSchema = z.object({
  atMs: z.number(),
  level: LogLevelSchema,
  msg: z.string(),
  attrs: z.record(z.string(), z.string()),
});
export type LogRecord = z.infer<typeof LogRecordSchema>;

export const BackendEventSchema = z.object({
  type: z.literal('backend'),
  backend: z.string(),
  transition: TransitionSchema,
  /** State after the transition. */
  info: BackendInfoSchema,
});
export type BackendEvent = z.infer<typeof BackendEventSchema>;

export const FrontendEventSchema = z.object({
  type: z.literal('frontend'),
  frontend: z.string(),
  from: FrontendStateSchema,
  to: FrontendStateSchema,
  atMs: z.number(),
});
export type FrontendEvent = z.infer<typeof FrontendEventSchema>;

export const LogEventSchema = z.object({ type: z.literal('log'), record: LogRecordSchema });
export type LogEvent = z.infer<typeof LogEventSchema>;

/** What a checker (local or remote) emits to its subscribers. */
export const CheckerEventSchema = z.discriminatedUnion('type', [
  BackendEventSchema,
  FrontendEventSchema,
  LogEventSchema,
]);
export type CheckerEvent = z.infer<typeof CheckerEventSchema>;

/** Orders log levels so that filters can compare them. */
export function logLevelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}
