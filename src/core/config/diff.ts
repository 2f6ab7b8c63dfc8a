import type { ConfigDiff } from '../../shared/model';
import type { BackendConfig, Config, FrontendConfig, HealthCheckConfig, HttpParams, PoolConfig, TcpParams } from './types';

/** Why a backend's worker must restart on reload (spec/health.md "Reload diff"). */
export type RestartReason = 'address' | 'healthcheck' | 'probe-source' | 'netns' | 'enabled';

/** A config indexed by name, so that per-backend questions on 100,000 backends stay O(1). */
export interface ConfigIndex {
  readonly config: Config;
  readonly backends: ReadonlyMap<string, BackendConfig>;
  readonly healthchecks: ReadonlyMap<string, HealthCheckConfig>;
  readonly frontends: ReadonlyMap<string, FrontendConfig>;
}

/** Indexes a config by backend, healthcheck and frontend name. */
export function indexConfig(config: Config): ConfigIndex {
  return {
    config,
    backends: new Map(config.backends.map((b) => [b.name, b])),
    healthchecks: new Map(config.healthchecks.map((h) => [h.name, h])),
    frontends: new Map(config.frontends.map((f) => [f.name, f])),
  };
}

const asIndex = (c: Config | ConfigIndex): ConfigIndex => ('config' in c ? c : indexConfig(c));

function httpEqual(a: HttpParams | null, b: HttpParams | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.path === b.path &&
    a.host === b.host &&
    a.responseCodeMin === b.responseCodeMin &&
    a.responseCodeMax === b.responseCodeMax &&
    a.responseRegexp === b.responseRegexp &&
    a.serverName === b.serverName &&
    a.insecureSkipVerify === b.insecureSkipVerify
  );
}

function tcpEqual(a: TcpParams | null, b: TcpParams | null): boolean {
  if (a === null || b === null) return a === b;
  return a.ssl === b.ssl && a.serverName === b.serverName && a.insecureSkipVerify === b.insecureSkipVerify;
}

/** Returns true when two checks probe identically (their names aside), like the seed's healthCheckEqual. */
export function healthCheckEqual(a: HealthCheckConfig, b: HealthCheckConfig): boolean {
  return (
    a.type === b.type &&
    a.port === b.port &&
    a.intervalMs === b.intervalMs &&
    a.fastIntervalMs === b.fastIntervalMs &&
    a.downIntervalMs === b.downIntervalMs &&
    a.timeoutMs === b.timeoutMs &&
    a.rise === b.rise &&
    a.fall === b.fall &&
    httpEqual(a.http, b.http) &&
    tcpEqual(a.tcp, b.tcp)
  );
}

function probeSource(c: Config, b: BackendConfig): string {
  return b.family === 4 ? c.healthchecker.probeIpv4Src : c.healthchecker.probeIpv6Src;
}

/**
 * Lists why a backend present in both configs must restart its worker; empty means it keeps
 * probing untouched. Weight and pool changes never restart a worker. 'enabled' is listed so the
 * checker can disable or re-enable the worker instead of restarting it.
 */
export function backendRestartReasons(old: Config | ConfigIndex, next: Config | ConfigIndex, name: string): RestartReason[] {
  const o = asIndex(old);
  const n = asIndex(next);
  const ob = o.backends.get(name);
  const nb = n.backends.get(name);
  if (!ob || !nb) return [];
  const reasons: RestartReason[] = [];
  if (ob.address !== nb.address) reasons.push('address');
  const oh = o.healthchecks.get(ob.healthcheck);
  const nh = n.healthchecks.get(nb.healthcheck);
  if (!oh || !nh || !healthCheckEqual(oh, nh)) reasons.push('healthcheck');
  if (probeSource(o.config, ob) !== probeSource(n.config, nb)) reasons.push('probe-source');
  if (o.config.healthchecker.netns !== n.config.healthchecker.netns) reasons.push('netns');
  if (ob.enabled !== nb.enabled) reasons.push('enabled');
  return reasons;
}

/** Returns true when the backend's worker must restart on this reload (see backendRestartReasons). */
export function backendNeedsRestart(old: Config | ConfigIndex, next: Config | ConfigIndex, name: string): boolean {
  return backendRestartReasons(old, next, name).length > 0;
}

function splitByName<T extends { name: string }>(old: readonly T[], next: readonly T[], oldByName: ReadonlyMap<string, T>, nextByName: ReadonlyMap<string, T>) {
  return {
    added: next.filter((x) => !oldByName.has(x.name)),
    removed: old.filter((x) => !nextByName.has(x.name)).map((x) => x.name),
    both: next.filter((x) => oldByName.has(x.name)),
  };
}

/** Describes what a reload from `old` to `next` does, in the order of each file. */
export function diffConfigs(old: Config, next: Config): ConfigDiff {
  const o = indexConfig(old);
  const n = indexConfig(next);
  const b = splitByName(old.backends, next.backends, o.backends, n.backends);
  const restarted: string[] = [];
  const unchanged: string[] = [];
  for (const x of b.both) (backendNeedsRestart(o, n, x.name) ? restarted : unchanged).push(x.name);
  const h = splitByName(old.healthchecks, next.healthchecks, o.healthchecks, n.healthchecks);
  const f = splitByName(old.frontends, next.frontends, o.frontends, n.frontends);
  const changed: ConfigDiff['frontends']['changed'] = [];
  const sameFrontends: string[] = [];
  for (const x of f.both) {
    const changes = frontendChanges(o.frontends.get(x.name) as FrontendConfig, x);
    if (changes.length === 0) sameFrontends.push(x.name);
    else changed.push({ name: x.name, changes: changes.map((c) => c.text), weightOnly: changes.every((c) => c.weight) });
  }
  return {
    backends: { added: b.added.map((x) => x.name), removed: b.removed, restarted, unchanged },
    frontends: { added: f.added.map((x) => x.name), removed: f.removed, changed, unchanged: sameFrontends },
    healthchecks: {
      added: h.added.map((x) => x.name),
      removed: h.removed,
      changed: h.both.filter((x) => !healthCheckEqual(o.healthchecks.get(x.name) as HealthCheckConfig, x)).map((x) => x.name),
    },
    emptiedPools: emptiedPools(o, n),
  };
}

interface Change {
  readonly text: string;
  readonly weight: boolean;
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function frontendChanges(a: FrontendConfig, b: FrontendConfig): Change[] {
  const out: Change[] = [];
  const fields = [
    ['address', a.address, b.address],
    ['protocol', a.protocol, b.protocol],
    ['port', a.port, b.port],
    ['description', a.description, b.description],
    ['src-ip-sticky', a.srcIpSticky, b.srcIpSticky],
    ['flush-on-down', a.flushOnDown, b.flushOnDown],
  ] as const;
  for (const [key, x, y] of fields) if (x !== y) out.push({ text: `${key} ${show(x)} → ${show(y)}`, weight: false });
  const oldPools = new Map(a.pools.map((p) => [p.name, p]));
  const newNames = new Set(b.pools.map((p) => p.name));
  for (const p of b.pools) {
    const before = oldPools.get(p.name);
    if (!before) out.push({ text: `pool ${p.name} added`, weight: false });
    else out.push(...poolChanges(before, p));
  }
  for (const p of a.pools) if (!newNames.has(p.name)) out.push({ text: `pool ${p.name} removed`, weight: false });
  const kept = (ps: readonly PoolConfig[], other: ReadonlySet<string>) => ps.map((p) => p.name).filter((x) => other.has(x));
  const oldOrder = kept(a.pools, newNames);
  const newOrder = kept(b.pools, new Set(oldPools.keys()));
  if (oldOrder.join('\0') !== newOrder.join('\0')) out.push({ text: `pools reordered: ${oldOrder.join(', ')} → ${newOrder.join(', ')}`, weight: false });
  return out;
}

function poolChanges(a: PoolConfig, b: PoolConfig): Change[] {
  const out: Change[] = [];
  const before = new Map(a.backends.map((m) => [m.backend, m.weight]));
  const after = new Set(b.backends.map((m) => m.backend));
  for (const m of b.backends) {
    const w = before.get(m.backend);
    if (w === undefined) out.push({ text: `pool ${b.name}: ${m.backend} added (weight ${m.weight})`, weight: false });
    else if (w !== m.weight) out.push({ text: `pool ${b.name}: ${m.backend} weight ${w} → ${m.weight}`, weight: true });
  }
  for (const m of a.backends) if (!after.has(m.backend)) out.push({ text: `pool ${b.name}: ${m.backend} removed`, weight: false });
  return out;
}

function hasEnabled(pool: PoolConfig, idx: ConfigIndex): boolean {
  return pool.backends.some((m) => idx.backends.get(m.backend)?.enabled === true);
}

/** Pools of `next` with no enabled backend that had one before (or are new). */
function emptiedPools(o: ConfigIndex, n: ConfigIndex): ConfigDiff['emptiedPools'] {
  const out: ConfigDiff['emptiedPools'] = [];
  for (const f of n.config.frontends) {
    const oldPools = new Map((o.frontends.get(f.name)?.pools ?? []).map((p) => [p.name, p]));
    for (const p of f.pools) {
      if (hasEnabled(p, n)) continue;
      const before = oldPools.get(p.name);
      if (!before || hasEnabled(before, o)) out.push({ frontend: f.name, pool: p.name });
    }
  }
  return out;
}
