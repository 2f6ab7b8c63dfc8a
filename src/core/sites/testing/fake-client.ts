import type { BackendInfo, ConnectionState, FrontendInfo, LogRecord } from '../../../shared/model';
import type { MaglevClient, RemoteEvent, RemoteStatus } from '../../grpc';
import { err, ok } from '../../util';

/** An in-memory MaglevClient: the test sets the snapshot and pushes the events a daemon would send. */
export interface FakeClient extends MaglevClient {
  setBackend(info: BackendInfo): void;
  setFrontend(info: FrontendInfo): void;
  push(event: RemoteEvent): void;
  setState(state: ConnectionState, lastError?: string | null): void;
  log(atMs: number, msg: string, attrs: Record<string, string>): void;
  readonly closed: boolean;
  readonly calls: string[];
}

/** Creates a fake client in state `ready` with an empty snapshot. */
export function createFakeClient(): FakeClient {
  const backends = new Map<string, BackendInfo>();
  const frontends = new Map<string, FrontendInfo>();
  const listeners = new Set<(e: RemoteEvent) => void>();
  let status: RemoteStatus = { state: 'ready', lastError: null, lastContactMs: 1 };
  let closed = false;
  const calls: string[] = [];
  const push = (e: RemoteEvent) => listeners.forEach((l) => l(e));
  const action = (name: string) => async (backend: string) => {
    calls.push(`${name} ${backend}`);
    const b = backends.get(backend);
    return b ? ok(b) : err({ code: 'NOT_FOUND', message: `backend ${backend} not found` });
  };
  return {
    status: () => status,
    listFrontends: () => [...frontends.keys()],
    getFrontend: (n) => frontends.get(n),
    listBackends: () => [...backends.keys()],
    getBackend: (n) => backends.get(n),
    listHealthChecks: () => [],
    getHealthCheck: () => undefined,
    vpp: () => null,
    refreshVpp: async () => ok(null),
    pause: action('pause'),
    resume: action('resume'),
    enable: action('enable'),
    disable: action('disable'),
    setWeight: async (f) => {
      calls.push(`set-weight ${f}`);
      const fe = frontends.get(f);
      return fe ? ok(fe) : err({ code: 'NOT_FOUND', message: 'no frontend' });
    },
    checkConfig: async () => (calls.push('check'), ok({ ok: false, parseError: '', semanticError: 'maglev.yaml:3:5: bad' })),
    reloadConfig: async () => (calls.push('reload'), ok({ ok: true, parseError: '', semanticError: '' })),
    setLogLevel: () => undefined,
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    close: async () => {
      closed = true;
      listeners.clear();
    },
    setBackend: (info) => void backends.set(info.name, info),
    setFrontend: (info) => void frontends.set(info.name, info),
    push,
    setState(state, lastError = null) {
      status = { ...status, state, lastError };
      push({ type: 'status', status });
    },
    log(atMs, msg, attrs) {
      const record: LogRecord = { atMs, level: 'debug', msg, attrs };
      push({ type: 'log', record });
    },
    get closed() {
      return closed;
    },
    calls,
  };
}
