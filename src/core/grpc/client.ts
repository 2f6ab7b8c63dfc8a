import type * as grpc from '@grpc/grpc-js';
import type { ConnectionState, LogLevel } from '../../shared/model';
import type { AppError, Result, TimerHandle } from '../util';
import { createBackoff } from './backoff';
import {
  createChannel,
  rpc,
  statusError,
  type RpcRequest,
  type RpcResponse,
  type UnaryRpc,
} from './client-rpc';
import type {
  DaemonConfigResult,
  MaglevClient,
  MaglevClientOptions,
  RemoteEvent,
  RemoteStatus,
} from './client-types';
import type { Event__Output } from './generated/maglev/Event';
import { loadMaglevProto } from './proto';
import { createRemoteSnapshot } from './remote-snapshot';
import { fetchAll, fetchVpp } from './resync';
import type { VppSnapshot } from './vpp-types';
import { applyEvent, createSession, type Session, type SessionEvents } from './client-session';
import { backendFromWire, eventFromWire, frontendFromWire } from './wire';

/** Events buffered while a resync runs; past this the buffer is dropped and a resync queued. */
const MAX_BUFFERED = 50_000;

/**
 * Creates a client of a remote maglevd (spec/app.md "remote" sites). It connects at once and
 * keeps trying with capped, jittered backoff; after every (re)connect or `events-dropped` it
 * resyncs the whole state and keeps a local snapshot that the read methods serve, also while
 * the daemon is unreachable. States: `connecting` (first attempt, or right after losing a ready
 * connection), `ready` (synced, event stream live), `degraded` (the daemon answered but the
 * stream or a resync failed: the data may be stale), `offline` (no answer; retrying).
 */
export function createMaglevClient(opts: MaglevClientOptions): MaglevClient {
  const { clock, logger } = opts;
  const proto = loadMaglevProto(opts.protoPath);
  const deadlineMs = opts.deadlineMs ?? 10_000;
  const keepaliveMs = opts.keepaliveMs ?? 30_000;
  const channel = {
    address: opts.address,
    tls: opts.tls ?? null,
    keepaliveMs,
    keepaliveTimeoutMs: opts.keepaliveTimeoutMs ?? Math.min(20_000, keepaliveMs),
  };
  const snapshot = createRemoteSnapshot(opts.historyLimit ?? 100);
  const backoff = createBackoff({ ...opts.backoff, random: opts.random });
  const listeners = new Set<(e: RemoteEvent) => void>();
  let status: RemoteStatus = { state: 'connecting', lastError: null, lastContactMs: null };
  let session: Session | null = null;
  let retry: TimerHandle | null = null;
  let closed = false;
  let logLevel: LogLevel | null = opts.logLevel === undefined ? 'info' : opts.logLevel;
  let vpp: VppSnapshot | null = null;

  const emit = (e: RemoteEvent): void => {
    for (const l of [...listeners]) {
      try {
        l(e);
      } catch (err) {
        logger.error('listener-threw', { error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  const setStatus = (state: ConnectionState, lastError: string | null): void => {
    if (status.state === state && status.lastError === lastError) return;
    status = { ...status, state, lastError };
    logger.info('connection-state', { address: opts.address, state, error: lastError ?? '' });
    emit({ type: 'status', status: { ...status } });
  };
  const events: SessionEvents = {
    snapshot,
    emit,
    isCurrent: (s) => session === s,
    queueResync: (s) => queueResync(s),
    deadlineMs,
  };
  const touch = (s: Session): void => {
    s.contacted = true;
    status = { ...status, lastContactMs: clock.now() };
  };
  const resyncDeps = (s: Session) => ({
    client: s.client,
    deadlineMs,
    concurrency: opts.resyncConcurrency ?? 32,
    now: clock.now,
  });

  function connect(): void {
    retry = null;
    if (closed) return;
    const s = createSession(createChannel(proto, channel));
    session = s;
    // The stream opens first and buffers, so nothing that happens during the resync is missed.
    openStream(s);
    void sync(s);
  }

  function openStream(s: Session): void {
    const req =
      logLevel === null
        ? { backend: true, frontend: true, log: false }
        : { backend: true, frontend: true, log: true, logLevel };
    const stream = s.client.WatchEvents(req);
    s.stream = stream;
    stream.on('data', (wire: Event__Output) => {
      if (session !== s) return;
      touch(s);
      const e = eventFromWire(wire);
      if (!e) return;
      if (!s.syncing) return applyEvent(events, s, e);
      if (s.buffer.length < MAX_BUFFERED) s.buffer.push(e);
      else {
        s.buffer = [];
        s.resyncQueued = true;
      }
    });
    stream.on('error', (e: grpc.ServiceError) => fail(s, statusError(e)));
    stream.on('end', () => fail(s, { code: 'UNAVAILABLE', message: 'the daemon ended the event stream' }));
  }

  async function sync(s: Session): Promise<void> {
    s.syncing = true;
    const data = await fetchAll(resyncDeps(s));
    if (session !== s) return;
    if (!data.ok) return fail(s, data.error);
    touch(s);
    const v = await fetchVpp(resyncDeps(s));
    if (session !== s) return;
    if (v.ok) vpp = v.value;
    else
      logger.warn('vpp-fetch-failed', { address: opts.address, code: v.error.code, error: v.error.message });
    for (const learned of snapshot.replace(data.value)) emit(learned);
    s.syncing = false;
    const buffered = s.buffer;
    s.buffer = [];
    for (const e of buffered) applyEvent(events, s, e);
    s.ready = true;
    backoff.reset();
    setStatus('ready', null);
    emit({ type: 'resync' });
    if (s.resyncQueued) {
      s.resyncQueued = false;
      void sync(s);
    }
  }

  function queueResync(s: Session): void {
    if (s.syncing) s.resyncQueued = true;
    else void sync(s);
  }

  function teardown(s: Session): void {
    s.refreshing.clear();
    s.stream?.cancel();
    s.client.close();
  }

  function fail(s: Session, error: AppError): void {
    if (session !== s || closed) return;
    session = null;
    teardown(s);
    const state = nextState(s, error);
    const delay = backoff.next();
    logger.debug('reconnect-scheduled', {
      address: opts.address,
      delayMs: Math.round(delay),
      code: error.code,
    });
    setStatus(state, `${error.code}: ${error.message}`);
    retry = clock.setTimeout(connect, delay);
  }

  /** What an action answers while there is no connection (between attempts, or closed). */
  const notConnected = (): { ok: false; error: AppError } => ({
    ok: false,
    error: {
      code: 'UNAVAILABLE',
      message: `not connected to ${opts.address}${status.lastError ? ` (${status.lastError})` : ''}`,
    },
  });

  async function call<K extends UnaryRpc, T>(
    name: K,
    req: RpcRequest<K>,
    map: (r: RpcResponse<K>) => T,
  ): Promise<Result<T>> {
    const s = session;
    if (!s) return notConnected();
    const r = await rpc(s.client, name, req, deadlineMs);
    if (r.ok && session === s) touch(s);
    return r.ok ? { ok: true, value: map(r.value) } : r;
  }

  const backendAction =
    (rpcName: 'PauseBackend' | 'ResumeBackend' | 'EnableBackend' | 'DisableBackend') =>
    async (name: string) => {
      const r = await call(rpcName, { name }, backendFromWire);
      if (r.ok) snapshot.setBackend(r.value);
      return r;
    };
  const configCall = (r: { ok: boolean; parseError: string; semanticError: string }): DaemonConfigResult => ({
    ok: r.ok,
    parseError: r.parseError,
    semanticError: r.semanticError,
  });

  connect();

  return {
    status: () => ({ ...status }),
    listFrontends: () => snapshot.listFrontends(),
    getFrontend: (n) => snapshot.getFrontend(n),
    listBackends: () => snapshot.listBackends(),
    getBackend: (n) => snapshot.getBackend(n),
    listHealthChecks: () => snapshot.listHealthChecks(),
    getHealthCheck: (n) => snapshot.getHealthCheck(n),
    vpp: () => vpp,
    async refreshVpp() {
      const s = session;
      if (!s) return notConnected();
      const r = await fetchVpp(resyncDeps(s));
      if (r.ok) vpp = r.value;
      return r;
    },
    pause: backendAction('PauseBackend'),
    resume: backendAction('ResumeBackend'),
    enable: backendAction('EnableBackend'),
    disable: backendAction('DisableBackend'),
    async setWeight(frontend, pool, backend, weight) {
      const r = await call('SetFrontendPoolBackendWeight', { frontend, pool, backend, weight }, (w) =>
        frontendFromWire(w),
      );
      if (r.ok) snapshot.setFrontend(r.value);
      return r.ok ? { ok: true, value: snapshot.getFrontend(frontend) ?? r.value } : r;
    },
    checkConfig: () => call('CheckConfig', {}, configCall),
    async reloadConfig() {
      const r = await call('ReloadConfig', {}, configCall);
      // A reload may add or remove anything; re-read it all rather than guess from events.
      if (r.ok && r.value.ok && session) queueResync(session);
      return r;
    },
    setLogLevel(level) {
      if (level === logLevel) return;
      logLevel = level;
      const s = session;
      if (!s) return;
      session = null;
      teardown(s);
      connect();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retry !== null) clock.clearTimeout(retry);
      retry = null;
      const s = session;
      session = null;
      if (s) teardown(s);
      setStatus('offline', null);
      listeners.clear();
    },
  };
}

/** Codes that mean "the connection is gone", as opposed to a daemon that answers wrongly. */
const CONNECTION_LOST = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'CANCELLED']);

/**
 * The state after a session failed: a lost ready connection is `connecting` again (retried at
 * once), a daemon that answered (an error status counts) is `degraded`, one that never did `offline`.
 */
function nextState(s: Session, error: AppError): ConnectionState {
  if (s.ready) return CONNECTION_LOST.has(error.code) ? 'connecting' : 'degraded';
  // An error status (not a lost connection) is an answer too: the daemon is there but unwell.
  return s.contacted || !CONNECTION_LOST.has(error.code) ? 'degraded' : 'offline';
}
