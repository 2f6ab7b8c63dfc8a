// Test-only: awaiting a remote client's events instead of sleeping.
import type { ConnectionState } from '../../../shared/model';
import { createLogger, NULL_SINK } from '../../log';
import { createSystemClock } from '../../util';
import { createMaglevClient } from '../client';
import type { MaglevClient, MaglevClientOptions, RemoteEvent } from '../client-types';

/** Creates a client with test-sized timers (short keepalive, backoff and deadlines). */
export function testClient(address: string, extra: Partial<MaglevClientOptions> = {}): MaglevClient {
  return createMaglevClient({
    address,
    clock: createSystemClock(),
    random: () => 0.5,
    logger: createLogger('grpc.client.test', NULL_SINK),
    keepaliveMs: 1000,
    keepaliveTimeoutMs: 1000,
    deadlineMs: 3000,
    backoff: { initialMs: 20, maxMs: 200 },
    ...extra,
  });
}

/** Resolves when the client reports `state` (at once if it already is in it). */
export function waitForState(client: MaglevClient, state: ConnectionState): Promise<void> {
  if (client.status().state === state) return Promise.resolve();
  return waitForEvent(client, (e) => e.type === 'status' && e.status.state === state).then(() => undefined);
}

/** Resolves with the first event that matches. */
export function waitForEvent(client: MaglevClient, match: (e: RemoteEvent) => boolean): Promise<RemoteEvent> {
  return new Promise((resolve) => {
    const off = client.subscribe((e) => {
      if (!match(e)) return;
      off();
      resolve(e);
    });
  });
}

/** Records every event the client emits from now on. */
export function record(client: MaglevClient): RemoteEvent[] {
  const events: RemoteEvent[] = [];
  client.subscribe((e) => events.push(e));
  return events;
}
