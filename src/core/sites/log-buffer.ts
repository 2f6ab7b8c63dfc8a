import type { LogLevel, LogRecord } from '../../shared/model';
import { logLevelRank } from '../../shared/model';
import { createRing } from './ring';

/** Default records kept per tier (debug, and info and above). */
export const LOG_BUFFER_CAPACITY = 5_000;
const DEFAULT_RECENT_LIMIT = 500;

/** Recent log records of one site. */
export interface LogBuffer {
  add(record: LogRecord): void;
  /** The newest `limit` records at `level` and above, oldest first. */
  recent(level: LogLevel, limit?: number): LogRecord[];
}

/**
 * Creates a log buffer with two tiers: probe debug records arrive at thousands a second on big sites,
 * and they must not push the rare warnings out of the buffer.
 */
export function createLogBuffer(capacity = LOG_BUFFER_CAPACITY): LogBuffer {
  const debug = createRing<LogRecord>(capacity);
  const important = createRing<LogRecord>(capacity);
  return {
    add(record) {
      (record.level === 'debug' ? debug : important).push(record);
    },
    recent(level, limit = DEFAULT_RECENT_LIMIT) {
      const min = logLevelRank(level);
      const pick = (ring: typeof debug): LogRecord[] => {
        const out: LogRecord[] = [];
        ring.forEachNewest((r) => {
          if (logLevelRank(r.level) >= min) out.push(r);
          return out.length < limit;
        });
        return out;
      };
      const merged = level === 'debug' ? [...pick(debug), ...pick(important)] : pick(important);
      // Newest-first pieces merged by time, then the newest `limit` returned oldest first.
      merged.sort((a, b) => b.atMs - a.atMs);
      return merged.slice(0, limit).reverse();
    },
  };
}
