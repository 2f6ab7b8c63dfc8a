import { describe, expect, it, vi } from 'vitest';
import { ipcMain } from 'electron';
import { channelOf, operations } from '../../shared/ipc';
import { createIpcDispatcher } from './ipc-dispatcher';
import { registerIpcHandlers, type IpcMainLike } from './register-ipc-handlers';
import { createSenderCheck } from './sender-check';
import { createLogger, NULL_SINK } from '../../core/log';
import { createFakeSiteService } from '../../../tests/fixtures/fake-site-service';
import type { RequestContext } from '../../core/sites';

const ctx: RequestContext = { readOnly: false, user: 'noc', host: 'ws1', origin: 'electron' };
const own = { senderFrame: { url: 'app://maglev/index.html' } };
const foreign = { senderFrame: { url: 'https://evil.example/' } };

function setup(context = ctx) {
  const service = createFakeSiteService();
  const dispatcher = createIpcDispatcher({
    host: service,
    isTrustedSender: createSenderCheck(['app://maglev']),
    context,
    logger: createLogger('test', NULL_SINK),
  });
  return { service, dispatcher };
}

describe('createIpcDispatcher', () => {
  it('forwards a valid request from the app page with the main context', async () => {
    const { service, dispatcher } = setup();
    const r = await dispatcher.handle('maglev:app:info', own, {});
    expect(r).toMatchObject({ ok: true, value: { host: 'electron', user: 'noc' } });
    expect(service.calls).toEqual([{ name: 'app:info', payload: {}, ctx }]);
  });

  it('refuses a foreign frame before looking at the payload', async () => {
    const { service, dispatcher } = setup();
    expect(await dispatcher.handle('maglev:sites:list', foreign, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatcher.handle('maglev:sites:list', { senderFrame: null }, {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(service.calls).toHaveLength(0);
  });

  it.each([['maglev:nope:op'], ['sites:list'], ['maglev:'], ['maglev:__proto__'], ['maglev:constructor']])(
    'answers the unknown channel %s with UNKNOWN_OPERATION',
    async (channel) => {
      const { service, dispatcher } = setup();
      expect(await dispatcher.handle(channel, own, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      expect(service.calls).toHaveLength(0);
    },
  );

  it.each([
    ['maglev:sites:get', undefined],
    ['maglev:sites:get', { site: '' }],
    ['maglev:sites:list', { extra: true }],
    ['maglev:backends:set-weight', { site: 'a', frontend: 'f', pool: 'p', backend: 'b', weight: 101 }],
    ['maglev:backends:pause', 'a string'],
    ['maglev:config:validate', { text: 'x'.repeat(16 * 1024 * 1024 + 1) }],
  ])('answers a malformed %s payload with INVALID_REQUEST', async (channel, payload) => {
    const { service, dispatcher } = setup();
    const r = await dispatcher.handle(channel, own, payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(service.calls).toHaveLength(0);
  });

  it('forwards the parsed payload, not the raw one', async () => {
    const { service, dispatcher } = setup();
    await dispatcher.handle('maglev:backends:pause', own, { site: 's', backend: 'b' });
    expect(service.calls[0]!.payload).toEqual({ site: 's', backend: 'b' });
  });

  it('refuses every mutating operation when read-only, and only those', async () => {
    const { service, dispatcher } = setup({ ...ctx, readOnly: true });
    for (const [name, op] of Object.entries(operations)) {
      if (!op.mutates) continue;
      const r = await dispatcher.handle(channelOf(name as keyof typeof operations), own, { site: 's', backend: 'b' });
      // Either the payload does not fit this op (INVALID_REQUEST) or it is refused: never forwarded.
      expect(r.ok).toBe(false);
    }
    expect(await dispatcher.handle('maglev:backends:pause', own, { site: 's', backend: 'b' })).toMatchObject({
      error: { code: 'READ_ONLY' },
    });
    expect(service.calls).toHaveLength(0);
    expect(await dispatcher.handle('maglev:sites:list', own, {})).toMatchObject({ ok: true });
  });

  it('turns a throwing host into an INTERNAL value', async () => {
    const dispatcher = createIpcDispatcher({
      host: { invoke: () => Promise.reject(new Error('gone')) },
      isTrustedSender: () => true,
      context: ctx,
      logger: createLogger('test', NULL_SINK),
    });
    expect(await dispatcher.handle('maglev:sites:list', own, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'gone' } });
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per operation on the mocked ipcMain and removes them', async () => {
    const handlers = (ipcMain as unknown as { __handlers: Map<string, (...a: unknown[]) => unknown> }).__handlers;
    const { dispatcher } = setup();
    const dispose = registerIpcHandlers(ipcMain as unknown as IpcMainLike, dispatcher);
    const expected = Object.keys(operations).map((n) => `maglev:${n}`).sort();
    expect([...handlers.keys()].sort()).toEqual(expected);
    const r = await handlers.get('maglev:sites:list')!(own, {}, 'ignored extra');
    expect(r).toMatchObject({ ok: true });
    expect(await handlers.get('maglev:sites:list')!(foreign, {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    dispose();
    expect(handlers.size).toBe(0);
    expect(vi.mocked(ipcMain.removeHandler)).toHaveBeenCalledTimes(expected.length);
  });
});
