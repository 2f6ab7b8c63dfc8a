import { describe, expect, it, vi } from 'vitest';
import { WS_PATH, type MaglevApi } from '../../../shared/ipc';
import { BridgeError, createElectronBridge, createWsBridge, pickBridge, unwrap, type BridgeConnection, type WsBridgeDeps } from './bridge';

/** A WebSocket stand-in the test drives: it records frames and opens, answers and closes on demand. */
class FakeSocket {
  sent: { id: number; op: string; payload: unknown }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(frame: string) {
    this.sent.push(JSON.parse(frame));
  }
  open() {
    this.onopen?.();
  }
  answer(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
  push(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ event, payload }) });
  }
  drop() {
    this.onclose?.();
  }
}

function fakeDeps() {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const deps: WsBridgeDeps = {
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s as unknown as WebSocket;
    },
    setTimeout: (fn) => timers.push(fn),
  };
  return { deps, sockets, timers, last: () => sockets[sockets.length - 1]! };
}

describe('unwrap', () => {
  it('returns the value of an ok envelope and throws a coded BridgeError otherwise', () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    const e = (() => {
      try {
        unwrap({ ok: false, error: { code: 'READ_ONLY', message: 'no' } });
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(BridgeError);
    expect(e).toMatchObject({ code: 'READ_ONLY', message: 'no' });
  });
});

describe('createElectronBridge', () => {
  it('calls the named preload method and unwraps its envelope', async () => {
    const setWeight = vi.fn(async () => ({ ok: true as const, value: { name: 'www' } }));
    const pause = vi.fn(async () => ({ ok: false as const, error: { code: 'NOT_FOUND', message: 'no backend b9' } }));
    const api = { backends: { setWeight, pause }, on: vi.fn(() => () => {}) } as unknown as MaglevApi;
    const bridge = createElectronBridge(api);
    const req = { site: 's', frontend: 'www', pool: 'p', backend: 'b', weight: 5 };
    await expect(bridge.invoke('backends:set-weight', req)).resolves.toEqual({ name: 'www' });
    expect(setWeight).toHaveBeenCalledWith(req);
    await expect(bridge.invoke('backends:pause', { site: 's', backend: 'b9' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(bridge.invoke('sites:list', {})).rejects.toMatchObject({ code: 'UNKNOWN_OPERATION' });
  });
});

describe('createWsBridge', () => {
  it('queues calls until the socket opens, then resolves and rejects them from the answers', async () => {
    const { deps, last } = fakeDeps();
    const bridge = createWsBridge('ws://h/api/ws?token=t', deps);
    const a = bridge.invoke('sites:list', {});
    const b = bridge.invoke('backends:pause', { site: 's', backend: 'x' });
    expect(last().sent).toHaveLength(0);
    last().open();
    expect(last().sent.map((f) => f.op)).toEqual(['sites:list', 'backends:pause']);
    last().answer(last().sent[0]!.id, { ok: true, value: [] });
    last().answer(last().sent[1]!.id, { ok: false, error: { code: 'READ_ONLY', message: 'read-only host' } });
    await expect(a).resolves.toEqual([]);
    await expect(b).rejects.toBeInstanceOf(BridgeError);
  });

  it('delivers pushed events to their listeners only', () => {
    const { deps, last } = fakeDeps();
    const bridge = createWsBridge('ws://h/x', deps);
    last().open();
    const sites = vi.fn();
    const health = vi.fn();
    bridge.on('sites:changed', sites);
    const off = bridge.on('health:changed', health);
    last().push('sites:changed', [{ id: 'a' }]);
    off();
    last().push('health:changed', { site: 'a' });
    expect(sites).toHaveBeenCalledWith([{ id: 'a' }]);
    expect(health).not.toHaveBeenCalled();
  });

  it('fails waiting calls when the connection drops, reconnects, and never replays a failed call', async () => {
    const { deps, sockets, timers, last } = fakeDeps();
    const bridge = createWsBridge('ws://h/x', deps);
    const states: BridgeConnection[] = [];
    bridge.onConnection((s) => states.push(s));
    last().open();
    const inFlight = bridge.invoke('sites:list', {});
    last().drop();
    await expect(inFlight).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // Closed: a call is queued, and the next attempt fails too.
    timers.shift()!();
    const queued = bridge.invoke('backends:pause', { site: 's', backend: 'b1' });
    last().drop();
    await expect(queued).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    timers.shift()!();
    last().open();
    expect(sockets).toHaveLength(3);
    expect(last().sent).toEqual([]);
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
  });
});

describe('pickBridge', () => {
  it('uses the preload API when present, else the same-origin WebSocket with the page token', () => {
    const { deps, last } = fakeDeps();
    const api = { on: () => () => {} } as unknown as MaglevApi;
    expect(pickBridge({ maglev: api } as unknown as Window, deps).kind).toBe('electron');
    const win = { location: { protocol: 'http:', host: '127.0.0.1:5174', search: '?token=a%2Bb' } } as unknown as Window;
    expect(pickBridge(win, deps).kind).toBe('web');
    expect(last().url).toBe(`ws://127.0.0.1:5174${WS_PATH}?token=a%2Bb`);
  });
});
