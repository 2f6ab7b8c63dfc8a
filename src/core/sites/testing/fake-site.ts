import type { BackendInfo, BackendRow, BackendState, FrontendInfo, SiteSpec, TransitionRecord } from '../../../shared/model';
import type { Result } from '../../util';
import { err, ok } from '../../util';
import type { Site, SiteEvent, SiteStatus } from '../types';
import { buildSummary } from '../site-summary';
import { createTransitionLog } from '../transition-log';

/** An in-memory site for manager and service tests: state is set by the test, events are emitted on demand. */
export interface FakeSite extends Site {
  /** Moves a backend to `to`, records and emits the transition. */
  transition(backend: string, to: BackendState, atMs: number, code?: string): void;
  emit(event: SiteEvent): void;
  setStatus(status: Partial<SiteStatus>): void;
  readonly disposed: boolean;
  /** Config texts applied, in order. */
  readonly applied: string[];
}

/** Creates a fake site with one frontend `www` over `backends` (all up). */
export function createFakeSite(id: string, spec: SiteSpec, backends: string[] = ['a', 'b'], demo = false): FakeSite {
  const rows = new Map<string, BackendRow>(
    backends.map((name) => [
      name,
      { name, address: '127.0.0.1', state: 'up', enabled: true, healthcheck: 'hc', transitions: [], lastProbe: null, probing: false },
    ]),
  );
  const frontend = (): FrontendInfo => ({
    name: 'www',
    address: '192.0.2.1',
    protocol: 'tcp',
    port: 80,
    description: '',
    srcIpSticky: false,
    flushOnDown: true,
    state: [...rows.values()].some((r) => r.state === 'up') ? 'up' : 'down',
    pools: [{ name: 'primary', backends: backends.map((name) => ({ name, weight: 100, effectiveWeight: rows.get(name)?.state === 'up' ? 100 : 0, flush: false })) }],
    activePool: 0,
  });
  const listeners = new Set<(e: SiteEvent) => void>();
  const log = createTransitionLog();
  let status: SiteStatus = { state: 'ready', lastError: null, lastContactMs: null };
  let disposed = false;
  const applied: string[] = [];
  const info = (name: string): BackendInfo => {
    const { probing: _p, ...rest } = rows.get(name)!;
    return rest;
  };
  const emit = (e: SiteEvent) => listeners.forEach((l) => l(e));
  const action = async (backend: string, to: BackendState, code: string): Promise<Result<BackendInfo>> => {
    if (!rows.has(backend)) return err({ code: 'NOT_FOUND', message: `no backend named "${backend}"` });
    site.transition(backend, to, Date.now(), code);
    return ok(info(backend));
  };
  const site: FakeSite = {
    id,
    spec,
    demo,
    status: () => status,
    summary: () => buildSummary({ id, spec, demo, status, frontends: [frontend()], backends: [...rows.values()] }),
    listFrontends: () => [frontend()],
    getFrontend: (name) => (name === 'www' ? frontend() : undefined),
    listBackends: () => [...rows.values()],
    getBackend: (name) => rows.get(name),
    listHealthChecks: () => [],
    getHealthCheck: () => undefined,
    history: (names) => names.filter((n) => rows.has(n)).map((backend) => ({ backend, atMs: [1], durationMs: [2], ok: [true], code: ['L7OK'], state: ['up'] })),
    transitions: (q) => log.query(q, (f) => (f === 'www' ? new Set(backends) : undefined)),
    recentLogs: () => [{ atMs: 1, level: 'info', msg: 'hello', attrs: {} }],
    pause: (b) => action(b, 'paused', 'paused'),
    resume: (b) => action(b, 'unknown', 'resumed'),
    enable: (b) => action(b, 'unknown', 'enabled'),
    disable: (b) => action(b, 'disabled', 'disabled'),
    setWeight: async (f, _pool, b) => (f === 'www' && rows.has(b) ? ok(frontend()) : err({ code: 'NOT_FOUND', message: 'no such frontend/backend' })),
    readConfig: async () => ok({ path: '/x/maglev.yaml', text: 'maglev: {}\n', editable: spec.kind === 'local', legacy: false }),
    diffConfig: async () => ok(null),
    applyConfig: async (text) => {
      applied.push(text);
      return ok({ diff: emptyDiff(), elapsedMs: 1, savedTo: '/x/maglev.yaml' });
    },
    checkConfig: async () => ok({ ok: true, parseError: '', semanticError: '' }),
    reloadConfig: async () => ok({ ok: true, parseError: '', semanticError: '' }),
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    dispose: async () => {
      disposed = true;
      listeners.clear();
    },
    transition(backend, to, atMs, code = 'L4CON') {
      const row = rows.get(backend)!;
      const t = { from: row.state, to, atMs, code, detail: `to ${to}` };
      rows.set(backend, { ...row, state: to, transitions: [t, ...row.transitions].slice(0, 5) });
      const rec: TransitionRecord = { backend, ...t };
      log.add(rec);
      emit({ type: 'backend', backend, transition: t, info: info(backend) });
    },
    emit,
    setStatus(next) {
      status = { ...status, ...next };
      emit({ type: 'status', status });
    },
    get disposed() {
      return disposed;
    },
    applied,
  };
  return site;
}

/** A diff that changes nothing. */
export function emptyDiff() {
  return {
    backends: { added: [], removed: [], restarted: [], unchanged: [] },
    frontends: { added: [], removed: [], changed: [], unchanged: [] },
    healthchecks: { added: [], removed: [], changed: [] },
    emptiedPools: [],
  };
}
