import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { startUtilityHost, type ForkedChild } from './utility-host';
import { serveSiteService } from './host-server';
import { createEndpointPair } from './endpoints';
import type { FromHostMessage, ToHostMessage } from './host-protocol';
import { createLogger, NULL_SINK } from '../../core/log';
import { createFakeSiteService, fakeSummary, type FakeSiteService } from '../../../tests/fixtures/fake-site-service';
import { createFakeClock } from '../../../tests/fixtures/fake-clock';
import type { RequestContext } from '../../core/sites';

const logger = createLogger('test', NULL_SINK);
const ctx: RequestContext = { readOnly: false, user: 'u', host: 'h', origin: 'electron' };

/** A fake utilityProcess: an EventEmitter child whose host runs a fake site service in-process. */
function fakeFork() {
  const services: FakeSiteService[] = [];
  const children: (ForkedChild & { crash(code: number): void })[] = [];
  const fork = (): ForkedChild => {
    const [mainSide, hostSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    const service = createFakeSiteService();
    services.push(service);
    serveSiteService(hostSide, service, logger);
    const ee = new EventEmitter();
    mainSide.onMessage((m) => ee.emit('message', m));
    let alive = true;
    const child = Object.assign(ee, {
      postMessage: (m: unknown) => mainSide.post(m as ToHostMessage),
      kill: () => {
        if (!alive) return false;
        alive = false;
        queueMicrotask(() => ee.emit('exit', 0));
        return true;
      },
      crash: (code: number) => {
        alive = false;
        ee.emit('exit', code);
      },
    }) as unknown as ForkedChild & { crash(code: number): void };
    children.push(child);
    return child;
  };
  return { fork, services, children };
}

describe('startUtilityHost', () => {
  it('restarts a crashed host with backoff and resyncs the sites', async () => {
    const f = fakeFork();
    const clock = createFakeClock();
    const host = startUtilityHost({ fork: f.fork, clock, logger, systemContext: ctx });
    const events: [string, unknown][] = [];
    const waiters: (() => void)[] = [];
    host.onEvent((e, p) => {
      events.push([e, p]);
      waiters.splice(0).forEach((w) => w());
    });
    const eventCount = async (n: number): Promise<void> => {
      while (events.length < n) await new Promise<void>((r) => waiters.push(r));
    };
    expect(await host.invoke('sites:list', {}, ctx)).toMatchObject({ ok: true });

    f.children[0]!.crash(3);
    expect(await host.invoke('sites:list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    clock.advance(999);
    expect(f.children).toHaveLength(1);
    clock.advance(1);
    expect(f.children).toHaveLength(2);
    await eventCount(1);
    expect(events[0]).toEqual(['sites:changed', [fakeSummary()]]);
    expect(await host.invoke('app:info', {}, ctx)).toMatchObject({ ok: true });

    f.services[1]!.emit('sites:changed', []);
    await eventCount(2);
    expect(events[1]).toEqual(['sites:changed', []]);
    await host.dispose();
    expect(f.services[1]!.disposed).toBe(true);
  });

  it('gives up after maxRestarts', async () => {
    const f = fakeFork();
    const clock = createFakeClock();
    const host = startUtilityHost({ fork: f.fork, clock, logger, systemContext: ctx, maxRestarts: 1 });
    f.children[0]!.crash(1);
    clock.advance(1_000);
    f.children[1]!.crash(1);
    clock.advance(60_000);
    expect(f.children).toHaveLength(2);
    expect(await host.invoke('sites:list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    await host.dispose();
  });

  it('does not restart after dispose', async () => {
    const f = fakeFork();
    const clock = createFakeClock();
    const host = startUtilityHost({ fork: f.fork, clock, logger, systemContext: ctx });
    await host.dispose();
    clock.advance(60_000);
    expect(f.children).toHaveLength(1);
    expect(f.services[0]!.disposed).toBe(true);
  });
});
