import { describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from 'electron';
import { events, methodPath, operations, type OperationName } from '../shared/ipc';
import { buildMaglevApi, type PreloadIpc } from './build-api';

function fakeIpc() {
  const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>();
  const ipc: PreloadIpc & { fire(channel: string, payload: unknown): void } = {
    invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
    on: (c, l) => (listeners.get(c) ?? listeners.set(c, new Set()).get(c)!).add(l),
    removeListener: (c, l) => listeners.get(c)?.delete(l),
    fire: (c, p) => listeners.get(c)?.forEach((l) => l({ sender: 'the ipcRenderer itself' }, p)),
  };
  return ipc;
}

describe('buildMaglevApi', () => {
  it('exposes every operation as a named method on the contract channel, and nothing else', async () => {
    const ipc = fakeIpc();
    const api = buildMaglevApi(ipc) as unknown as Record<string, Record<string, (r: unknown) => Promise<unknown>>>;
    const expected = new Map<string, string[]>();
    for (const name of Object.keys(operations) as OperationName[]) {
      const [d, m] = methodPath(name);
      expected.set(d, [...(expected.get(d) ?? []), m]);
      expect(await api[d]![m]!({ a: 1 })).toEqual({ ok: true, value: { channel: `maglev:${name}`, payload: { a: 1 } } });
    }
    expect(Object.keys(api).sort()).toEqual([...expected.keys(), 'on'].sort());
    for (const [d, methods] of expected) expect(Object.keys(api[d]!).sort()).toEqual(methods.sort());
    expect(api.backends!.setWeight).toBeTypeOf('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('turns a rejected invoke into an UNAVAILABLE value without Electron internals', async () => {
    const ipc = fakeIpc();
    ipc.invoke = () => Promise.reject(new Error("Error invoking remote method 'maglev:sites:list': Error: No handler registered"));
    const r = await buildMaglevApi(ipc).sites.list({});
    expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'the app did not answer' } });
  });

  it('subscribes to contract events only, hands over only the payload, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = buildMaglevApi(ipc);
    const got: unknown[][] = [];
    const off = api.on('sites:changed', (...args: unknown[]) => got.push(args));
    ipc.fire('maglev:sites:changed', [1]);
    off();
    ipc.fire('maglev:sites:changed', [2]);
    expect(got).toEqual([[[1]]]);
    for (const e of Object.keys(events)) expect(() => api.on(e as never, () => {})).not.toThrow();
    expect(() => api.on('ipc:anything' as never, () => {})).toThrow(TypeError);
    expect(() => api.on('__proto__' as never, () => {})).toThrow(TypeError);
  });
});

describe('preload entry', () => {
  it('exposes exactly one global, `maglev`, built on ipcRenderer', async () => {
    vi.mocked(ipcRenderer.invoke).mockResolvedValue({ ok: true, value: 'x' });
    await import('./index');
    const calls = vi.mocked(contextBridge.exposeInMainWorld).mock.calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('maglev');
    const api = calls[0]![1] as ReturnType<typeof buildMaglevApi>;
    expect(await api.app.info({})).toEqual({ ok: true, value: 'x' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('maglev:app:info', {});
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });
});
