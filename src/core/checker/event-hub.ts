import { logLevelRank } from '../../shared/model';
import type { CheckerEvent } from '../../shared/model';
import { createSubscriptionQueue, DEFAULT_SUBSCRIPTION_CAPACITY } from './subscription';
import type { SubscriptionQueue } from './subscription';
import type { EventSubscription, SubscribeOptions } from './types';

/** Fans events out to subscribers, in emit order, without ever blocking. */
export interface EventHub {
  /** Adds a subscriber; `initial` events are queued first (the synthetic frontend states). */
  subscribe(options: SubscribeOptions, initial: () => CheckerEvent[]): EventSubscription;
  emit(event: CheckerEvent): void;
  /** Lowest log-level rank any subscriber wants; Infinity when none wants logs. */
  readonly minLogRank: number;
  /** Tells whether any subscriber wants backend (or frontend) events. */
  wants(type: 'backend' | 'frontend'): boolean;
  /** Ends every subscription (queued events stay readable); later subscriptions start ended. */
  endAll(): void;
}

interface Subscriber {
  queue: SubscriptionQueue;
  backend: boolean;
  frontend: boolean;
  logRank: number;
}

/** Creates the hub; the lowest wanted log level is kept up to date so callers can test it for free. */
export function createEventHub(): EventHub {
  const subs = new Set<Subscriber>();
  let minLogRank = Infinity;
  let backendCount = 0;
  let frontendCount = 0;
  let ended = false;

  const recount = (): void => {
    minLogRank = Infinity;
    backendCount = 0;
    frontendCount = 0;
    for (const s of subs) {
      minLogRank = Math.min(minLogRank, s.logRank);
      if (s.backend) backendCount++;
      if (s.frontend) frontendCount++;
    }
  };

  return {
    subscribe(options, initial) {
      const sub: Subscriber = {
        queue: createSubscriptionQueue(options.capacity ?? DEFAULT_SUBSCRIPTION_CAPACITY, () => {
          subs.delete(sub);
          recount();
        }),
        backend: options.backend !== false,
        frontend: options.frontend !== false,
        logRank: options.logLevel ? logLevelRank(options.logLevel) : Infinity,
      };
      if (ended) {
        sub.queue.end();
        return sub.queue;
      }
      if (sub.frontend && options.initialFrontendEvents !== false) for (const e of initial()) sub.queue.push(e);
      subs.add(sub);
      recount();
      return sub.queue;
    },
    emit(event) {
      if (subs.size === 0) return;
      const rank = event.type === 'log' ? logLevelRank(event.record.level) : 0;
      for (const s of subs) {
        if (event.type === 'log' ? rank >= s.logRank : event.type === 'backend' ? s.backend : s.frontend) {
          s.queue.push(event);
        }
      }
    },
    get minLogRank() {
      return minLogRank;
    },
    wants: (type) => (type === 'backend' ? backendCount : frontendCount) > 0,
    endAll() {
      ended = true;
      const all = [...subs];
      subs.clear();
      recount();
      for (const s of all) s.queue.end();
    },
  };
}
