import type { LogLevel, LogRecord } from '../../shared/model';
import { logLevelRank } from '../../shared/model';

/** Where log records go: a process writer, a checker's subscribers, a test array. */
export interface LogSink {
  /** The lowest level any consumer wants; records below it are never built. */
  minLevel(): LogLevel;
  write(record: LogRecord): void;
}

export interface Logger {
  readonly module: string;
  isEnabled(level: LogLevel): boolean;
  debug(msg: string, attrs?: Record<string, unknown>): void;
  info(msg: string, attrs?: Record<string, unknown>): void;
  warn(msg: string, attrs?: Record<string, unknown>): void;
  error(msg: string, attrs?: Record<string, unknown>): void;
}

/** Creates a module-named logger that writes key=value facts to `sink`. */
export function createLogger(module: string, sink: LogSink, now: () => number = Date.now): Logger {
  const emit = (level: LogLevel, msg: string, attrs?: Record<string, unknown>): void => {
    if (logLevelRank(level) < logLevelRank(sink.minLevel())) return;
    const out: Record<string, string> = { module };
    if (attrs) for (const [k, v] of Object.entries(attrs)) out[k] = v instanceof Error ? v.message : String(v);
    sink.write({ atMs: now(), level, msg, attrs: out });
  };
  return {
    module,
    isEnabled: (level) => logLevelRank(level) >= logLevelRank(sink.minLevel()),
    debug: (m, a) => emit('debug', m, a),
    info: (m, a) => emit('info', m, a),
    warn: (m, a) => emit('warn', m, a),
    error: (m, a) => emit('error', m, a),
  };
}

/** Formats a record as one `time level msg key=value …` line. */
export function formatLogLine(r: LogRecord): string {
  const attrs = Object.entries(r.attrs)
    .map(([k, v]) => `${k}=${/[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v}`)
    .join(' ');
  return `${new Date(r.atMs).toISOString()} ${r.level.toUpperCase().padEnd(5)} ${r.msg}${attrs ? ' ' + attrs : ''}`;
}

/** Creates a sink that writes formatted lines to a stream (stderr by default) at or above `level`. */
export function createStreamSink(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): LogSink {
  return { minLevel: () => level, write: (r) => write(formatLogLine(r)) };
}

/** Creates a sink that fans out to several sinks; its level is the lowest of theirs. */
export function createTeeSink(sinks: readonly LogSink[]): LogSink {
  return {
    minLevel: () => {
      let best: LogLevel = 'error';
      for (const s of sinks) if (logLevelRank(s.minLevel()) < logLevelRank(best)) best = s.minLevel();
      return best;
    },
    write: (r) => {
      for (const s of sinks) if (logLevelRank(r.level) >= logLevelRank(s.minLevel())) s.write(r);
    },
  };
}

/** A sink that drops everything (tests, quiet tools). */
export const NULL_SINK: LogSink = { minLevel: () => 'error', write: () => {} };
