// Test-only: a real remote client (createMaglevClient) with a record of everything it announced.
import { createMaglevClient, type MaglevClient, type MaglevClientOptions } from '../../../src/core/grpc';
import { createLogger, NULL_SINK } from '../../../src/core/log';
import { createSystemClock } from '../../../src/core/util';
import type { ConnectionState, Transition } from '../../../src/shared/model';
import { transitionKey } from './transitions';
import type { Trigger } from './wait';

export interface RemoteRecorder {
  client: MaglevClient;
  /** Backend transitions the client announced to subscribers, per backend, in announcement order. */
  announced: Map<string, Transition[]>;
  /** Every status it went through, with the local time it was announced. */
  statuses: { state: ConnectionState; atMs: number; error: string | null }[];
  /** Full resyncs announced so far. */
  readonly resyncs: number;
  /**
   * Each backend's history at the first resync: the initial load, which the client does not announce
   * transition by transition (later resyncs announce what they teach).
   */
  initial: Map<string, Transition[]>;
  /** Fires on every event of the client. */
  onEvent: Trigger;
  /** The client's merged history of `backend` (newest first), [] when unknown. */
  history(backend: string): Transition[];
}

/** Connects a recorded client to `address` (tuning from `options`: keepalive, backoff, deadlines). */
export function startRemoteRecorder(
  address: string,
  options: Partial<Omit<MaglevClientOptions, 'address' | 'clock' | 'random' | 'logger'>> = {},
): RemoteRecorder {
  const client = createMaglevClient({
    address,
    clock: createSystemClock(),
    random: Math.random,
    logger: createLogger('faults.remote', NULL_SINK),
    logLevel: null,
    ...options,
  });
  const announced = new Map<string, Transition[]>();
  const statuses: RemoteRecorder['statuses'] = [];
  let resyncs = 0;
  const initial = new Map<string, Transition[]>();
  client.subscribe((e) => {
    if (e.type === 'backend') {
      const list = announced.get(e.backend) ?? [];
      list.push(e.transition);
      announced.set(e.backend, list);
    } else if (e.type === 'status') {
      statuses.push({ state: e.status.state, atMs: performance.now(), error: e.status.lastError });
    } else if (e.type === 'resync') {
      // Events buffered during the first sync are announced before its `resync`: they are not initial.
      if (resyncs++ === 0) {
        for (const b of client.listBackends()) {
          const told = new Set((announced.get(b) ?? []).map(transitionKey));
          initial.set(b, (client.getBackend(b)?.transitions ?? []).filter((t) => !told.has(transitionKey(t))));
        }
      }
    }
  });
  return {
    client,
    announced,
    statuses,
    initial,
    get resyncs() {
      return resyncs;
    },
    onEvent: (notify) => client.subscribe(() => notify()),
    history: (backend) => client.getBackend(backend)?.transitions ?? [],
  };
}
