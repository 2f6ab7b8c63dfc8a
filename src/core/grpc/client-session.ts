import type * as grpc from '@grpc/grpc-js';
import type { CheckerEvent } from '../../shared/model';
import { rpc } from './client-rpc';
import type { RemoteEvent } from './client-types';
import type { Event__Output } from './generated/maglev/Event';
import type { MaglevClient as GrpcMaglevClient } from './generated/maglev/Maglev';
import type { RemoteSnapshot } from './remote-snapshot';
import { frontendFromWire } from './wire';

/** One connection attempt: a fresh channel, its event stream and its resync state. */
export interface Session {
  client: GrpcMaglevClient;
  stream: grpc.ClientReadableStream<Event__Output> | null;
  /** A daemon answer arrived in this session (decides offline vs degraded on failure). */
  contacted: boolean;
  ready: boolean;
  syncing: boolean;
  resyncQueued: boolean;
  buffer: CheckerEvent[];
  refreshing: Map<string, 'running' | 'dirty'>;
}

/** Creates the state of a new connection attempt over `client`. */
export function createSession(client: GrpcMaglevClient): Session {
  return {
    client,
    stream: null,
    contacted: false,
    ready: false,
    syncing: false,
    resyncQueued: false,
    buffer: [],
    refreshing: new Map(),
  };
}

/** What applying streamed events needs from the client. */
export interface SessionEvents {
  snapshot: RemoteSnapshot;
  emit(e: RemoteEvent): void;
  /** False once the session was replaced or failed: its late answers are ignored. */
  isCurrent(s: Session): boolean;
  queueResync(s: Session): void;
  deadlineMs: number;
}

/** Applies one streamed event to the snapshot and forwards what is news to the subscribers. */
export function applyEvent(ctx: SessionEvents, s: Session, e: CheckerEvent): void {
  const { snapshot } = ctx;
  if (e.type === 'backend') {
    const known = snapshot.hasBackend(e.backend);
    if (snapshot.applyBackendEvent(e)) ctx.emit(e);
    // A backend we never saw was added by a reload on the daemon: learn its place in the lists.
    if (!known && e.transition.to !== 'removed') ctx.queueResync(s);
    for (const f of snapshot.frontendsOf(e.backend)) refreshFrontend(ctx, s, f);
  } else if (e.type === 'frontend') {
    if (!snapshot.hasFrontend(e.frontend)) ctx.queueResync(s);
    snapshot.setFrontendState(e.frontend, e.to);
    // from == to is the daemon's synthetic "current state" event on subscribe, not a change.
    if (e.from !== e.to) ctx.emit(e);
  } else {
    ctx.emit(e);
    if (e.record.msg === 'events-dropped') ctx.queueResync(s);
  }
}

/** Re-reads one frontend (effective weights follow backend states); coalesced per frontend. */
function refreshFrontend(ctx: SessionEvents, s: Session, name: string): void {
  if (s.refreshing.has(name)) return void s.refreshing.set(name, 'dirty');
  s.refreshing.set(name, 'running');
  void (async () => {
    while (ctx.isCurrent(s) && s.refreshing.get(name) !== undefined) {
      s.refreshing.set(name, 'running');
      const r = await rpc(s.client, 'GetFrontend', { name }, ctx.deadlineMs);
      if (!ctx.isCurrent(s)) return;
      if (r.ok) {
        ctx.snapshot.setFrontend(frontendFromWire(r.value));
        ctx.emit({ type: 'frontend-info', frontend: name });
      }
      if (s.refreshing.get(name) === 'running') s.refreshing.delete(name);
    }
  })();
}
