import type * as grpc from '@grpc/grpc-js';
import type { CheckerEvent } from '../../shared/model';
import type { SubscriptionItem } from '../checker';
import type { Event as WireEventIn } from './generated/maglev/Event';
import { msToNs } from './nanos';
import { eventToWire } from './wire';

// WatchEvents fan-out: the checker pushes the *same* event object to every subscriber, so its
// protobuf bytes are computed once and shared by all streams (at 1,000 transitions/s to 50
// subscribers, encoding per stream was most of the daemon's CPU: BackendInfo carries the recent
// transitions, each with int64 times). The bytes are exactly what grpc-js's own serializer makes
// of the same message: the wire contract does not change, only who calls the encoder and how often.

/** Encodes subscription items to Event bytes, each checker event at most once. */
export interface EventEncoder {
  encode(item: SubscriptionItem): Buffer;
}

const WATCH_EVENTS = 'WatchEvents';

/**
 * Returns a copy of the Maglev service definition whose WatchEvents serializer passes Buffers
 * through unchanged (bytes made by `encoder.encode`) and encodes anything else as before, and the
 * encoder that uses the original serializer.
 */
export function withSharedEventBytes(
  definition: grpc.ServiceDefinition,
  now: () => number,
): { definition: grpc.ServiceDefinition; encoder: EventEncoder } {
  const method = definition[WATCH_EVENTS];
  if (!method) throw new Error(`the service definition has no ${WATCH_EVENTS} method`);
  const serialize = method.responseSerialize as (value: WireEventIn) => Buffer;
  const passBytes = (value: Buffer | WireEventIn): Buffer =>
    Buffer.isBuffer(value) ? value : serialize(value);
  return {
    definition: { ...definition, [WATCH_EVENTS]: { ...method, responseSerialize: passBytes } },
    encoder: createEventEncoder(serialize, now),
  };
}

/**
 * Creates an encoder with a cache keyed by the event object: an entry lives as long as some
 * subscriber still holds the event in its queue (a WeakMap), so the cache needs no eviction.
 * Drop notices are per subscriber and encoded each time (they are rare).
 */
export function createEventEncoder(
  serialize: (value: WireEventIn) => Buffer,
  now: () => number,
): EventEncoder {
  const cache = new WeakMap<CheckerEvent, Buffer>();
  return {
    encode(item) {
      if (item.type === 'dropped') {
        return serialize({
          log: {
            atNs: msToNs(now()),
            level: 'warn',
            msg: 'events-dropped',
            attrs: { count: String(item.count) },
          },
        });
      }
      let bytes = cache.get(item);
      if (!bytes) {
        bytes = serialize(eventToWire(item));
        cache.set(item, bytes);
      }
      return bytes;
    },
  };
}
