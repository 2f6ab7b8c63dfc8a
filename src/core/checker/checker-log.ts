import { logLevelRank } from '../../shared/model';
import type { LogLevel } from '../../shared/model';
import type { Logger } from '../log';
import type { Clock } from '../util';
import type { EventHub } from './event-hub';

/** The checker's structured log: records go to subscribers that admit them and to the logger. */
export interface CheckerLog {
  /** Tells, cheaply, whether anyone would receive a record at `level`; build records only then. */
  wants(level: LogLevel): boolean;
  write(level: LogLevel, msg: string, attrs: Record<string, string>): void;
}

/** Creates the checker's log over the event hub and an optional injected logger. */
export function createCheckerLog(hub: EventHub, clock: Clock, logger?: Logger): CheckerLog {
  const toLogger = (level: LogLevel, msg: string, attrs: Record<string, string>): void => {
    if (!logger || !logger.isEnabled(level)) return;
    logger[level](msg, attrs);
  };
  return {
    wants(level) {
      return logLevelRank(level) >= hub.minLogRank || (logger?.isEnabled(level) ?? false);
    },
    write(level, msg, attrs) {
      if (logLevelRank(level) >= hub.minLogRank) {
        hub.emit({ type: 'log', record: { atMs: clock.now(), level, msg, attrs } });
      }
      toLogger(level, msg, attrs);
    },
  };
}
