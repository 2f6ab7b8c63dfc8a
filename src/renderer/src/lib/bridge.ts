import {
  WS_PATH,
  methodPath,
  type Envelope,
  type EventName,
  type EventPayload,
  type MaglevApi,
  type OperationName,
  type OpRequest,
  type OpResponse,
} from '../../../shared/ipc';
import { createListenerMap } from './listeners';

/** An error answer from the host, typed so that TanStack Query and the UI can show its code. */
export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export type BridgeConnection = 'connecting' | 'open' | 'closed';

/** Everything the renderer asks of the host; Electron IPC, WebSocket and mock implement it. */
export interface Bridge {
  readonly kind: 'electron' | 'web' | 'mock';
  invoke<K extends OperationName>(op: K, request: OpRequest<K>): Promise<OpResponse<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (state: BridgeConnection) => void): () => void;
}

/** Unwraps an envelope or throws a BridgeError. */
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new BridgeError(env.error.code, env.error.message);
}

/** Creates a bridge over the preload's `window.maglev`. */
export function createElectronBridge(api: MaglevApi): Bridge {
  return {
    kind: 'electron',
    async invoke(op, request) {
      const [domain, verb] = methodPath(op);
      const fn = (api as unknown as Record<string, Record<string, (r: unknown) => Promise<Envelope<never>>>>)[domain]?.[verb];
      if (!fn) throw new BridgeError('UNKNOWN_OPERATION', `the app does not offer ${op}`);
      return unwrap(await fn(request));
    },
    on: (event, listener) => api.on(event, listener),
    onConnection: (listener) => {
      listener('open');
      return () => {};
    },
  };
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** What the WebSocket bridge needs from the page; tests pass fakes. */
export interface WsBridgeDeps {
  createSocket: (url: string) => WebSocket;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

const PAGE_DEPS: WsBridgeDeps = {
  createSocket: (url) => new WebSocket(url),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
};

/** Creates a bridge over the web host's WebSocket; reconnects with backoff and fails calls while closed. */
export function createWsBridge(url: string, deps: WsBridgeDeps = PAGE_DEPS): Bridge {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let state: BridgeConnection = 'connecting';
  let retryMs = 500;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = createListenerMap();
  const connListeners = new Set<(s: BridgeConnection) => void>();
  const setState = (s: BridgeConnection): void => {
    state = s;
    for (const l of connListeners) l(s);
  };
  const onMessage = (data: unknown): void => {
    let msg: { id?: number; result?: Envelope<unknown>; event?: string; payload?: unknown };
    try {
      msg = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof msg.id === 'number' && msg.result) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.result.ok) p.resolve(msg.result.value);
      else p.reject(new BridgeError(msg.result.error.code, msg.result.error.message));
    } else if (typeof msg.event === 'string') {
      listeners.emit(msg.event, msg.payload);
    }
  };
  const connect = (): void => {
    setState('connecting');
    const sock = deps.createSocket(url);
    ws = sock;
    sock.onopen = () => {
      retryMs = 500;
      setState('open');
      for (const frame of queue.splice(0)) sock.send(frame);
    };
    sock.onmessage = (m) => onMessage(m.data);
    sock.onclose = () => {
      ws = null;
      // Every waiting call fails now, including those queued while closed: their frames are dropped so
      // that an action the user saw fail is never sent later by a reconnect.
      queue.length = 0;
      for (const p of pending.values()) p.reject(new BridgeError('UNAVAILABLE', 'connection to the monitor host lost'));
      pending.clear();
      setState('closed');
      deps.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };
  connect();
  return {
    kind: 'web',
    invoke(op, request) {
      const id = nextId++;
      const frame = JSON.stringify({ id, op, payload: request });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        if (ws && state === 'open') ws.send(frame);
        else queue.push(frame);
      });
    },
    on: (event, listener) => listeners.add(event, listener as (p: unknown) => void),
    onConnection(listener) {
      connListeners.add(listener);
      listener(state);
      return () => connListeners.delete(listener);
    },
  };
}

/** Picks the bridge for this page: Electron's preload API when present, else the web host's WebSocket. */
export function pickBridge(win: Window & { maglev?: MaglevApi }, deps: WsBridgeDeps = PAGE_DEPS): Bridge {
  if (win.maglev) return createElectronBridge(win.maglev);
  const token = new URLSearchParams(win.location.search).get('token');
  const proto = win.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const q = token ? `?token=${encodeURIComponent(token)}` : '';
  return createWsBridge(`${proto}//${win.location.host}${WS_PATH}${q}`, deps);
}
