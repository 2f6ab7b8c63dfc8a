import {
  BACKEND_STATES,
  FRONTEND_STATES,
  LOG_LEVELS,
  type BackendInfo,
  type BackendState,
  type CheckerEvent,
  type FrontendInfo,
  type FrontendState,
  type HealthCheckInfo,
  type LogLevel,
  type ProbeResultInfo,
  type Transition,
} from '../../shared/model';
import type {
  BackendInfo as WireBackendIn,
  BackendInfo__Output as WireBackend,
} from './generated/maglev/BackendInfo';
import type { Event as WireEventIn, Event__Output as WireEvent } from './generated/maglev/Event';
import type {
  FrontendInfo as WireFrontendIn,
  FrontendInfo__Output as WireFrontend,
} from './generated/maglev/FrontendInfo';
import type {
  HealthCheckInfo as WireHealthCheckIn,
  HealthCheckInfo__Output as WireHealthCheck,
} from './generated/maglev/HealthCheckInfo';
import type {
  ProbeResult as WireProbeIn,
  ProbeResult__Output as WireProbe,
} from './generated/maglev/ProbeResult';
import type {
  TransitionInfo as WireTransitionIn,
  TransitionInfo__Output as WireTransition,
} from './generated/maglev/TransitionInfo';
import { msToNs, nsToMs } from './nanos';

// Domain DTOs (milliseconds, camelCase) ↔ wire messages (nanoseconds as int64 strings).
// Unknown state strings from a newer daemon become 'unknown' rather than failing a whole snapshot.

/** Parses a wire backend state, mapping anything unknown to 'unknown'. */
export function toBackendState(s: string): BackendState {
  return (BACKEND_STATES as readonly string[]).includes(s) ? (s as BackendState) : 'unknown';
}

/** Parses a wire frontend state, mapping anything unknown to 'unknown'. */
export function toFrontendState(s: string): FrontendState {
  return (FRONTEND_STATES as readonly string[]).includes(s) ? (s as FrontendState) : 'unknown';
}

/** Parses a log level name, or returns null when it is not one. */
export function parseLogLevel(s: string): LogLevel | null {
  const l = s.toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(l) ? (l as LogLevel) : null;
}

/** Maps a transition to the wire. */
export function transitionToWire(t: Transition): WireTransitionIn {
  return { from: t.from, to: t.to, atNs: msToNs(t.atMs), code: t.code, detail: t.detail };
}

/** Maps a wire transition to the domain. */
export function transitionFromWire(t: WireTransition): Transition {
  return {
    from: toBackendState(t.from),
    to: toBackendState(t.to),
    atMs: nsToMs(t.atNs),
    code: t.code,
    detail: t.detail,
  };
}

function probeToWire(p: ProbeResultInfo): WireProbeIn {
  return { ok: p.ok, code: p.code, detail: p.detail, atNs: msToNs(p.atMs), durationNs: msToNs(p.durationMs) };
}

function probeFromWire(p: WireProbe | null): ProbeResultInfo | null {
  // A daemon that never probed sends no message; `at_ns == 0` means the same from a zero-filling peer.
  if (!p || (p.atNs === '0' && p.code === '')) return null;
  return { ok: p.ok, code: p.code, detail: p.detail, atMs: nsToMs(p.atNs), durationMs: nsToMs(p.durationNs) };
}

/** Maps a backend to the wire. */
export function backendToWire(b: BackendInfo): WireBackendIn {
  return {
    name: b.name,
    address: b.address,
    state: b.state,
    enabled: b.enabled,
    healthcheck: b.healthcheck,
    transitions: b.transitions.map(transitionToWire),
    lastProbe: b.lastProbe ? probeToWire(b.lastProbe) : null,
  };
}

/** Maps a wire backend to the domain. */
export function backendFromWire(b: WireBackend): BackendInfo {
  return {
    name: b.name,
    address: b.address,
    state: toBackendState(b.state),
    enabled: b.enabled,
    healthcheck: b.healthcheck,
    transitions: b.transitions.map(transitionFromWire),
    lastProbe: probeFromWire(b.lastProbe),
  };
}

/** Maps a frontend to the wire (the domain's `activePool` has no wire field). */
export function frontendToWire(f: FrontendInfo): WireFrontendIn {
  return {
    name: f.name,
    address: f.address,
    protocol: f.protocol,
    port: f.port,
    pools: f.pools.map((p) => ({ name: p.name, backends: p.backends.map((b) => ({ ...b })) })),
    description: f.description,
    srcIpSticky: f.srcIpSticky,
    flushOnDown: f.flushOnDown,
    state: f.state,
  };
}

/**
 * Maps a wire frontend to the domain. The wire has no active pool, so it is derived the way
 * health.md defines it: the first pool with a backend `up` (per `isUp`; by default, a backend
 * with an effective weight above zero, which is only ever true for `up` backends).
 */
export function frontendFromWire(f: WireFrontend, isUp?: (backend: string) => boolean): FrontendInfo {
  const pools = f.pools.map((p) => ({
    name: p.name,
    backends: p.backends.map((b) => ({
      name: b.name,
      weight: b.weight,
      effectiveWeight: b.effectiveWeight,
      flush: b.flush,
    })),
  }));
  const up =
    isUp ??
    ((name: string) => pools.some((p) => p.backends.some((b) => b.name === name && b.effectiveWeight > 0)));
  return {
    name: f.name,
    address: f.address,
    protocol: f.protocol,
    port: f.port,
    description: f.description,
    srcIpSticky: f.srcIpSticky,
    flushOnDown: f.flushOnDown,
    state: toFrontendState(f.state),
    pools,
    activePool: pools.findIndex((p) => p.backends.some((b) => up(b.name))),
  };
}

/** Maps a health check to the wire. */
export function healthCheckToWire(h: HealthCheckInfo): WireHealthCheckIn {
  return {
    name: h.name,
    type: h.type,
    port: h.port,
    intervalNs: msToNs(h.intervalMs),
    fastIntervalNs: msToNs(h.fastIntervalMs),
    downIntervalNs: msToNs(h.downIntervalMs),
    timeoutNs: msToNs(h.timeoutMs),
    rise: h.rise,
    fall: h.fall,
    http: h.http ? { ...h.http } : null,
    tcp: h.tcp ? { ...h.tcp } : null,
  };
}

/** Maps a wire health check to the domain. */
export function healthCheckFromWire(h: WireHealthCheck): HealthCheckInfo {
  return {
    name: h.name,
    type: h.type,
    port: h.port,
    intervalMs: nsToMs(h.intervalNs),
    fastIntervalMs: nsToMs(h.fastIntervalNs),
    downIntervalMs: nsToMs(h.downIntervalNs),
    timeoutMs: nsToMs(h.timeoutNs),
    rise: h.rise,
    fall: h.fall,
    http: h.http ? { ...h.http } : null,
    tcp: h.tcp ? { ...h.tcp } : null,
  };
}

/** Maps a checker event to a wire Event. */
export function eventToWire(e: CheckerEvent): WireEventIn {
  switch (e.type) {
    case 'backend':
      return {
        backend: {
          backend: e.backend,
          transition: transitionToWire(e.transition),
          info: backendToWire(e.info),
        },
      };
    case 'frontend':
      return { frontend: { frontend: e.frontend, from: e.from, to: e.to, atNs: msToNs(e.atMs) } };
    case 'log':
      return {
        log: {
          atNs: msToNs(e.record.atMs),
          level: e.record.level,
          msg: e.record.msg,
          attrs: { ...e.record.attrs },
        },
      };
  }
}

/** Maps a wire Event to a checker event, or null when it carries nothing this client knows. */
export function eventFromWire(e: WireEvent): CheckerEvent | null {
  if (e.event === 'backend' && e.backend?.transition && e.backend.info) {
    const b = e.backend;
    return {
      type: 'backend',
      backend: b.backend,
      transition: transitionFromWire(b.transition!),
      info: backendFromWire(b.info!),
    };
  }
  if (e.event === 'frontend' && e.frontend) {
    const f = e.frontend;
    return {
      type: 'frontend',
      frontend: f.frontend,
      from: toFrontendState(f.from),
      to: toFrontendState(f.to),
      atMs: nsToMs(f.atNs),
    };
  }
  if (e.event === 'log' && e.log) {
    const l = e.log;
    return {
      type: 'log',
      record: {
        atMs: nsToMs(l.atNs),
        level: parseLogLevel(l.level) ?? 'info',
        msg: l.msg,
        attrs: { ...l.attrs },
      },
    };
  }
  return null;
}
