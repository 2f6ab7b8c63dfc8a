import type { BackendInfo, BackendState, LogRecord, ProbeSamplesDto } from '../../shared/model';
import type { ProbeHistory } from '../health';
import { createProbeHistory } from '../health';

/** Probe samples of a remote site's backends, learned from the daemon's stream. */
export interface RemoteHistory {
  /** Learns from a `probe-done` debug record (the probe's end time and `elapsed`). */
  probeDone(record: LogRecord, currentState: BackendState | undefined): void;
  /** Learns from a BackendInfo (event or resync): each distinct `lastProbe.atMs` is one sample. */
  backendInfo(info: BackendInfo): void;
  /** Forgets a backend that the daemon removed. */
  forget(backend: string): void;
  query(backends: readonly string[], fromMs?: number, toMs?: number): ProbeSamplesDto[];
}

interface Pending {
  startMs: number;
  durationMs: number;
  ok: boolean;
  code: string;
  /** End of the probe: a transition it caused carries this time. */
  endMs: number;
}

interface Track {
  ring: ProbeHistory;
  /** Start of the newest sample seen (recorded or pending). */
  lastStartMs: number;
  /** A probe-done sample waiting for the state it left the backend in. */
  pending: Pending | null;
}

/** Probe times on the wire are exact, but `elapsed` is rounded to the millisecond. */
const SAME_PROBE_MS = 1;

function parseElapsedMs(text: string | undefined): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|µs|us)$/.exec(text ?? '');
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 's' ? n * 1000 : m[2] === 'ms' ? n : n / 1000;
}

/**
 * Creates the history of a remote site. The daemon's `probe-done` record comes before the transition
 * that probe causes, so its sample waits (`pending`) until the state is known: the backend's event with
 * the probe's end time, its next probe, or a query. A `lastProbe` seen in an event or a resync is the
 * same probe when it starts at the same time, so every probe is one sample whichever way it arrives.
 */
export function createRemoteHistory(capacity: number, stateOf: (backend: string) => BackendState | undefined): RemoteHistory {
  const tracks = new Map<string, Track>();
  const track = (name: string): Track => {
    let t = tracks.get(name);
    if (!t) tracks.set(name, (t = { ring: createProbeHistory(capacity), lastStartMs: -Infinity, pending: null }));
    return t;
  };
  const settle = (t: Track, state: BackendState | undefined): void => {
    const p = t.pending;
    if (!p) return;
    t.pending = null;
    t.ring.record(p.startMs, p.durationMs, p.ok, p.code, state ?? 'unknown');
  };
  return {
    probeDone(record, currentState) {
      const name = record.attrs.backend;
      const elapsed = parseElapsedMs(record.attrs.elapsed);
      if (!name || elapsed === null) return;
      const t = track(name);
      settle(t, currentState);
      const startMs = record.atMs - elapsed;
      if (startMs <= t.lastStartMs + SAME_PROBE_MS) return;
      t.lastStartMs = startMs;
      t.pending = { startMs, durationMs: elapsed, ok: record.attrs.ok === 'true', code: record.attrs.code ?? '', endMs: record.atMs };
    },
    backendInfo(info) {
      const t = track(info.name);
      const lp = info.lastProbe;
      if (t.pending && lp && lp.atMs >= t.pending.startMs - SAME_PROBE_MS) settle(t, info.state);
      if (!lp || lp.atMs <= t.lastStartMs + SAME_PROBE_MS || lp.code === 'disabled') return;
      t.lastStartMs = lp.atMs;
      t.ring.record(lp.atMs, lp.durationMs, lp.ok, lp.code, info.state);
    },
    forget(backend) {
      tracks.delete(backend);
    },
    query(backends, fromMs, toMs) {
      return backends.flatMap((backend) => {
        const t = tracks.get(backend);
        if (!t) return [];
        settle(t, stateOf(backend));
        return [{ backend, ...t.ring.query(fromMs, toMs) }];
      });
    },
  };
}
