import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createHostClient } from './host-client';
import { serveSiteService } from './host-server';
import { createEndpointPair, nodePortEndpoint } from './endpoints';
import type { FromHostMessage, ToHostMessage } from './host-protocol';
import { createLogger, NULL_SINK } from '../../core/log';
import { createFakeSiteService, fakeSummary } from '../../../tests/fixtures/fake-site-service';
import { createFakeClock } from '../../../tests/fixtures/fake-clock';
import type { RequestContext } from '../../core/sites';

const logger = createLogger('test', NULL_SINK);
const ctx: RequestContext = { readOnly: false, user: 'u', host: 'h', origin: 'electron' };
const ports: MessagePort[] = [];

afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function overPorts() {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return [nodePortEndpoint<unknown, ToHostMessage>(port1), nodePortEndpoint<unknown, FromHostMessage>(port2)] as const;
}

describe('host client and server over a real MessagePort', () => {
  it('answers requests, forwards events and disposes the service', async () => {
    const [mainSide, hostSide] = overPorts();
    const service = createFakeSiteService();
    serveSiteService(hostSide, service, logger);
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });

    const info = await client.invoke('app:info', {}, ctx);
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ host: 'electron', user: 'u' }) });
    expect(await client.invoke('sites:list', { extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    const got = new Promise((resolve) => client.onEvent((event, payload) => resolve({ event, payload })));
    service.emit('sites:changed', [fakeSummary({ name: 'x' })]);
    expect(await got).toEqual({ event: 'sites:changed', payload: [fakeSummary({ name: 'x' })] });

    await client.dispose();
    expect(service.disposed).toBe(true);
    expect(await client.invoke('app:info', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('waits for a service that is still being created', async () => {
    const [mainSide, hostSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    let resolveService!: (s: ReturnType<typeof createFakeSiteService>) => void;
    serveSiteService(hostSide, new Promise((r) => (resolveService = r)), logger);
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });
    const answer = client.invoke('sites:list', {}, ctx);
    resolveService(createFakeSiteService());
    expect(await answer).toMatchObject({ ok: true, value: [{ id: 'demo' }] });
  });

  it('turns a service that throws into an INTERNAL value', async () => {
    const [mainSide, hostSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    const service = createFakeSiteService();
    service.invoke = () => Promise.reject(new Error('boom'));
    serveSiteService(hostSide, service, logger);
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });
    expect(await client.invoke('sites:list', {}, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('reports a service that cannot be created as UNAVAILABLE', async () => {
    const [mainSide, hostSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    serveSiteService(hostSide, Promise.reject(new Error('bad sites file')), logger);
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });
    const first = await client.invoke('sites:list', {}, ctx);
    expect(first.ok).toBe(false);
    expect(await client.invoke('sites:list', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'bad sites file' },
    });
  });
});

describe('host client failures', () => {
  it('times out a request the host never answers', async () => {
    const [mainSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    const clock = createFakeClock();
    const client = createHostClient(mainSide, { clock, logger, timeoutMs: 1000 });
    const answer = client.invoke('sites:list', {}, ctx);
    clock.advance(999);
    expect(client.pendingCount()).toBe(1);
    clock.advance(1);
    expect(await answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(client.pendingCount()).toBe(0);
  });

  it('fails pending requests when the transport is lost, and every later one', async () => {
    const [mainSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });
    const answer = client.invoke('sites:list', {}, ctx);
    client.fail('site host exited with code 9');
    expect(await answer).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'site host exited with code 9' } });
    expect(await client.invoke('sites:list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('answers an uncloneable payload with INVALID_REQUEST instead of throwing', async () => {
    const [mainSide] = createEndpointPair<ToHostMessage, FromHostMessage>();
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });
    const r = await client.invoke('sites:list', { f: () => 1 }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('drops garbled messages and keeps working', async () => {
    const [mainSide, hostSide] = createEndpointPair<ToHostMessage, unknown>();
    const client = createHostClient(mainSide, { clock: createFakeClock(), logger });
    hostSide.onMessage((m) => {
      if (m.kind !== 'invoke') return;
      hostSide.post({ kind: 'result', id: 'nope' });
      hostSide.post(42);
      hostSide.post({ kind: 'result', id: m.id, envelope: { ok: true, value: 7 } });
    });
    expect(await client.invoke('sites:list', {}, ctx)).toEqual({ ok: true, value: 7 });
  });
});
