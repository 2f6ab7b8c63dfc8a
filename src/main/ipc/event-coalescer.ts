/**
 * A safety coalescer between the site host and the windows: the site service already batches, but main
 * fans out to every window and must never forward more than one batch per interval, whatever the host
 * does. Latest row per backend/frontend wins; transitions and log records are kept in order, bounded.
 * When transitions had to be dropped, the batch says `resync` so that the renderer refetches.
 */
import { events, type EventName, type EventPayload } from '../../shared/ipc';
import type { Clock, TimerHandle } from '../../core/util';

type Health = EventPayload<'health:changed'>;
type Logs = EventPayload<'logs:appended'>;

export interface EventCoalescerOptions {
  clock: Clock;
  send<E extends EventName>(event: E, payload: EventPayload<E>): void;
  intervalMs?: number;
  maxTransitions?: number;
  maxLogRecords?: number;
}

export interface EventCoalescer {
  /** Queues an event from the host; names outside the contract are dropped. */
  push(event: string, payload: unknown): void;
  /** Sends whatever is queued now. */
  flush(): void;
  dispose(): void;
}

/** Tells whether a string names a contract event. */
export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

function mergeByName<T extends { name: string }>(into: Map<string, T>, rows: readonly T[]): void {
  for (const r of rows) into.set(r.name, r);
}

interface HealthAcc {
  backends: Map<string, Health['backends'][number]>;
  frontends: Map<string, Health['frontends'][number]>;
  transitions: Health['transitions'];
  resync: boolean;
}

/** Creates a coalescer that sends at most one batch every `intervalMs`. */
export function createEventCoalescer(options: EventCoalescerOptions): EventCoalescer {
  const { clock } = options;
  const intervalMs = options.intervalMs ?? 100;
  const maxTransitions = options.maxTransitions ?? 5_000;
  const maxLogRecords = options.maxLogRecords ?? 1_000;
  let sites: EventPayload<'sites:changed'> | null = null;
  const health = new Map<string, HealthAcc>();
  const logs = new Map<string, Logs['records']>();
  let timer: TimerHandle | null = null;
  let lastFlush = -Infinity;

  const addHealth = (p: Health): void => {
    let acc = health.get(p.site);
    if (!acc) {
      acc = { backends: new Map(), frontends: new Map(), transitions: [], resync: false };
      health.set(p.site, acc);
    }
    mergeByName(acc.backends, p.backends);
    mergeByName(acc.frontends, p.frontends);
    acc.transitions.push(...p.transitions);
    if (acc.transitions.length > maxTransitions) {
      acc.transitions.splice(0, acc.transitions.length - maxTransitions);
      acc.resync = true;
    }
    acc.resync ||= p.resync;
  };

  const addLogs = (p: Logs): void => {
    const list = logs.get(p.site) ?? [];
    list.push(...p.records);
    if (list.length > maxLogRecords) list.splice(0, list.length - maxLogRecords);
    logs.set(p.site, list);
  };

  const flush = (): void => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    lastFlush = clock.now();
    if (sites) options.send('sites:changed', sites);
    for (const [site, a] of health) {
      options.send('health:changed', {
        site,
        backends: [...a.backends.values()],
        frontends: [...a.frontends.values()],
        transitions: a.transitions,
        resync: a.resync,
      });
    }
    for (const [site, records] of logs) options.send('logs:appended', { site, records });
    sites = null;
    health.clear();
    logs.clear();
  };

  return {
    push(event, payload) {
      if (!isEventName(event)) return;
      if (event === 'sites:changed') sites = payload as EventPayload<'sites:changed'>;
      else if (event === 'health:changed') addHealth(payload as Health);
      else addLogs(payload as Logs);
      timer ??= clock.setTimeout(flush, Math.max(0, lastFlush + intervalMs - clock.now()));
    },
    flush,
    dispose() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      health.clear();
      logs.clear();
      sites = null;
    },
  };
}
