import { describe, expect, it } from 'vitest';
import type { CheckerEvent } from '../../shared/model';
import { loadMaglevProto } from './proto';
import { sampleSite, T0 } from './testing/sample-site';
import {
  backendFromWire,
  backendToWire,
  eventFromWire,
  eventToWire,
  frontendFromWire,
  frontendToWire,
  healthCheckFromWire,
  healthCheckToWire,
  toBackendState,
} from './wire';

// Each value goes domain → wire object → protobuf bytes → wire object → domain, with the
// service's own (de)serializers, so the mapping is checked against the real encoding.
const methods = loadMaglevProto().packageDefinition['maglev.Maglev'] as unknown as Record<
  string,
  { responseSerialize(v: unknown): Buffer; responseDeserialize(b: Buffer): never }
>;
const viaBytes = <T>(rpc: string, v: T): never =>
  methods[rpc]!.responseDeserialize(methods[rpc]!.responseSerialize(v));

describe('wire mapping', () => {
  it('round-trips backends, frontends and health checks through protobuf bytes', () => {
    const site = sampleSite();
    for (const b of site.backends)
      expect(backendFromWire(viaBytes('GetBackend', backendToWire(b)))).toEqual(b);
    for (const h of site.healthchecks)
      expect(healthCheckFromWire(viaBytes('GetHealthCheck', healthCheckToWire(h)))).toEqual(h);
    for (const f of site.frontends) {
      const back = frontendFromWire(viaBytes('GetFrontend', frontendToWire(f)));
      expect({ ...back, activePool: f.activePool }).toEqual(f);
    }
  });

  it('round-trips every event kind through the stream encoding', () => {
    const site = sampleSite();
    const events: CheckerEvent[] = [
      {
        type: 'backend',
        backend: 'web-a',
        transition: site.backends[0]!.transitions[0]!,
        info: site.backends[0]!,
      },
      { type: 'frontend', frontend: 'www', from: 'unknown', to: 'up', atMs: T0 },
      {
        type: 'log',
        record: { atMs: T0, level: 'debug', msg: 'probe-done', attrs: { backend: 'web-a', ok: 'true' } },
      },
    ];
    for (const e of events) expect(eventFromWire(viaBytes('WatchEvents', eventToWire(e)))).toEqual(e);
  });

  it('maps unknown states and an absent last probe safely', () => {
    expect(toBackendState('exploded')).toBe('unknown');
    const b = { ...sampleSite().backends[0]!, lastProbe: null };
    expect(backendFromWire(viaBytes('GetBackend', backendToWire(b))).lastProbe).toBeNull();
    expect(eventFromWire({ event: undefined } as never)).toBeNull();
  });
});
