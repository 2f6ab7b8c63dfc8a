import type { Result } from '../util';
import type { MaglevClient as GrpcMaglevClient } from './generated/maglev/Maglev';
import { mapLimit, rpc } from './client-rpc';
import type { ResyncData } from './remote-snapshot';
import type { VppSnapshot } from './vpp-types';
import { vppCountersFromWire, vppInfoFromWire, vppLbStateFromWire } from './vpp-wire';
import { backendFromWire, frontendFromWire, healthCheckFromWire } from './wire';

export interface ResyncDeps {
  client: GrpcMaglevClient;
  deadlineMs: number;
  concurrency: number;
  now: () => number;
}

/** Gets each named item; one that vanished between List and Get (a reload) is skipped. */
async function getAll<W, D>(
  names: string[],
  deps: ResyncDeps,
  get: (name: string) => Promise<Result<W>>,
  map: (w: W) => D,
): Promise<Result<D[]>> {
  const r = await mapLimit(names, deps.concurrency, async (name): Promise<Result<W | null>> => {
    const one = await get(name);
    return one.ok || one.error.code !== 'NOT_FOUND' ? one : { ok: true, value: null };
  });
  if (!r.ok) return r;
  return { ok: true, value: r.value.filter((w): w is W => w !== null).map(map) };
}

/** Reads the whole state of a daemon with the List and Get calls (each with a deadline). */
export async function fetchAll(deps: ResyncDeps): Promise<Result<ResyncData>> {
  const c = deps.client;
  const ms = deps.deadlineMs;
  const [fe, be, hc] = await Promise.all([
    rpc(c, 'ListFrontends', {}, ms),
    rpc(c, 'ListBackends', {}, ms),
    rpc(c, 'ListHealthChecks', {}, ms),
  ]);
  if (!fe.ok) return fe;
  if (!be.ok) return be;
  if (!hc.ok) return hc;
  const frontends = await getAll(
    fe.value.names,
    deps,
    (name) => rpc(c, 'GetFrontend', { name }, ms),
    (w) => frontendFromWire(w),
  );
  if (!frontends.ok) return frontends;
  const backends = await getAll(
    be.value.names,
    deps,
    (name) => rpc(c, 'GetBackend', { name }, ms),
    backendFromWire,
  );
  if (!backends.ok) return backends;
  const healthchecks = await getAll(
    hc.value.names,
    deps,
    (name) => rpc(c, 'GetHealthCheck', { name }, ms),
    healthCheckFromWire,
  );
  if (!healthchecks.ok) return healthchecks;
  return {
    ok: true,
    value: { frontends: frontends.value, backends: backends.value, healthchecks: healthchecks.value },
  };
}

/**
 * Reads the daemon's VPP data. UNAVAILABLE ("VPP integration disabled") and UNIMPLEMENTED (a
 * daemon without the VPP RPCs) mean "no VPP" and give null, not an error.
 */
export async function fetchVpp(deps: ResyncDeps): Promise<Result<VppSnapshot | null>> {
  const c = deps.client;
  const ms = deps.deadlineMs;
  const info = await rpc(c, 'GetVPPInfo', {}, ms);
  if (!info.ok)
    return info.error.code === 'UNAVAILABLE' || info.error.code === 'UNIMPLEMENTED'
      ? { ok: true, value: null }
      : info;
  const [state, counters] = await Promise.all([
    rpc(c, 'GetVPPLBState', { frontend: '' }, ms),
    rpc(c, 'GetVPPLBCounters', {}, ms),
  ]);
  return {
    ok: true,
    value: {
      info: vppInfoFromWire(info.value),
      lbState: state.ok ? vppLbStateFromWire(state.value) : null,
      counters: counters.ok ? vppCountersFromWire(counters.value) : null,
      fetchedAtMs: deps.now(),
    },
  };
}
