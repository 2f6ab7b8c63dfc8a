import { describe, expect, it } from 'vitest';
import type { CheckerEvent } from '../../shared/model';
import { withSharedEventBytes } from './event-bytes';
import { loadMaglevProto } from './proto';
import { sampleSite, T0 } from './testing/sample-site';
import { eventToWire } from './wire';

const proto = loadMaglevProto();
const original = proto.maglev.Maglev.service['WatchEvents']!;
const backendEvent = (): CheckerEvent => {
  const info = sampleSite().backends[0]!;
  return {
    type: 'backend',
    backend: info.name,
    transition: { from: 'up', to: 'down', atMs: T0 + 0.25, code: 'L7STS', detail: 'HTTP 503' },
    info,
  };
};

describe('shared WatchEvents bytes', () => {
  it('encodes an event exactly as grpc-js would, once, however many streams ask', () => {
    const { encoder } = withSharedEventBytes(proto.maglev.Maglev.service, () => T0);
    const events: CheckerEvent[] = [
      backendEvent(),
      { type: 'frontend', frontend: 'www', from: 'up', to: 'down', atMs: T0 + 1 },
      {
        type: 'log',
        record: { atMs: T0 + 2, level: 'debug', msg: 'probe-done', attrs: { backend: 'web-a', ok: 'true' } },
      },
    ];
    for (const e of events) {
      const bytes = encoder.encode(e);
      expect(bytes.equals(original.responseSerialize(eventToWire(e)))).toBe(true);
      expect(encoder.encode(e)).toBe(bytes);
    }
    // An equal but distinct event object is encoded on its own (the cache is by identity).
    const a = backendEvent();
    expect(encoder.encode(a)).not.toBe(encoder.encode(backendEvent()));
  });

  it('encodes drop notices per call with the count and the current time', () => {
    let now = T0;
    const { encoder } = withSharedEventBytes(proto.maglev.Maglev.service, () => now);
    const first = encoder.encode({ type: 'dropped', count: 7 });
    now += 5;
    const decoded = original.responseDeserialize(encoder.encode({ type: 'dropped', count: 7 }));
    expect(decoded).toMatchObject({
      event: 'log',
      log: { level: 'warn', msg: 'events-dropped', attrs: { count: '7' } },
    });
    expect(first.equals(encoder.encode({ type: 'dropped', count: 7 }))).toBe(false);
  });

  it("passes bytes through the definition's serializer and still encodes plain messages", () => {
    const { definition, encoder } = withSharedEventBytes(proto.maglev.Maglev.service, () => T0);
    const method = definition['WatchEvents']!;
    const e = backendEvent();
    const bytes = encoder.encode(e);
    expect(method.responseSerialize(bytes)).toBe(bytes);
    expect(method.responseSerialize(eventToWire(e)).equals(bytes)).toBe(true);
    // Every other method is untouched.
    expect(definition['GetBackend']).toBe(proto.maglev.Maglev.service['GetBackend']);
  });
});
