import type { ConfigDiff } from '../../shared/model';
import type { Config, FrontendConfig, HealthCheckConfig } from '../config';
import { needsRestart, sameCheck } from './probe-target';

type FrontendChange = ConfigDiff['frontends']['changed'][number];

/**
 * Computes what a reload does. Local stand-in for `diffConfigs` of core/config (not there yet when
 * this was written); its restart criteria are `needsRestart`, the list of spec/health.md §Reload.
 * A change of `enabled` also counts as a restart (the worker's state must follow it).
 */
export function diffForReload(prev: Config, next: Config): ConfigDiff {
  const prevChecks = new Map(prev.healthchecks.map((h) => [h.name, h]));
  const nextChecks = new Map(next.healthchecks.map((h) => [h.name, h]));
  const prevBackends = new Map(prev.backends.map((b) => [b.name, b]));
  const nextNames = new Set(next.backends.map((b) => b.name));
  const backends: ConfigDiff['backends'] = { added: [], removed: [], restarted: [], unchanged: [] };
  for (const b of next.backends) {
    const old = prevBackends.get(b.name);
    if (!old) backends.added.push(b.name);
    else {
      const oc = prevChecks.get(old.healthcheck);
      const nc = nextChecks.get(b.healthcheck);
      const restart =
        !oc || !nc || old.enabled !== b.enabled || needsRestart(old, oc, prev.healthchecker, b, nc, next.healthchecker);
      (restart ? backends.restarted : backends.unchanged).push(b.name);
    }
  }
  for (const b of prev.backends) if (!nextNames.has(b.name)) backends.removed.push(b.name);

  return {
    backends,
    frontends: diffFrontends(prev.frontends, next.frontends),
    healthchecks: diffChecks(prevChecks, nextChecks),
    emptiedPools: emptiedPools(prev, next),
  };
}

function diffChecks(
  prev: Map<string, HealthCheckConfig>,
  next: Map<string, HealthCheckConfig>,
): ConfigDiff['healthchecks'] {
  const out: ConfigDiff['healthchecks'] = { added: [], removed: [], changed: [] };
  for (const [name, hc] of next) {
    const old = prev.get(name);
    if (!old) out.added.push(name);
    else if (!sameCheck(old, hc)) out.changed.push(name);
  }
  for (const name of prev.keys()) if (!next.has(name)) out.removed.push(name);
  return out;
}

function diffFrontends(prev: readonly FrontendConfig[], next: readonly FrontendConfig[]): ConfigDiff['frontends'] {
  const byName = new Map(prev.map((f) => [f.name, f]));
  const nextNames = new Set(next.map((f) => f.name));
  const out: ConfigDiff['frontends'] = { added: [], removed: [], changed: [], unchanged: [] };
  for (const f of next) {
    const old = byName.get(f.name);
    if (!old) out.added.push(f.name);
    else {
      const change = frontendChange(old, f);
      if (change) out.changed.push(change);
      else out.unchanged.push(f.name);
    }
  }
  for (const f of prev) if (!nextNames.has(f.name)) out.removed.push(f.name);
  return out;
}

const FRONTEND_FIELDS = ['description', 'address', 'protocol', 'port', 'srcIpSticky', 'flushOnDown'] as const;

function frontendChange(a: FrontendConfig, b: FrontendConfig): FrontendChange | null {
  const changes: string[] = [];
  let weightOnly = true;
  for (const k of FRONTEND_FIELDS) {
    if (a[k] !== b[k]) {
      changes.push(`${k} ${String(a[k])} → ${String(b[k])}`);
      weightOnly = false;
    }
  }
  const poolNames = (f: FrontendConfig): string => f.pools.map((p) => p.name).join(', ');
  if (poolNames(a) !== poolNames(b)) {
    changes.push(`pools ${poolNames(a)} → ${poolNames(b)}`);
    weightOnly = false;
  }
  for (const pb of b.pools) {
    const pa = a.pools.find((p) => p.name === pb.name);
    if (!pa) continue;
    const wa = new Map(pa.backends.map((m) => [m.backend, m.weight]));
    const wb = new Map(pb.backends.map((m) => [m.backend, m.weight]));
    for (const [name, w] of wb) {
      const old = wa.get(name);
      if (old === undefined) {
        changes.push(`pool ${pb.name}: + ${name}`);
        weightOnly = false;
      } else if (old !== w) changes.push(`pool ${pb.name}: ${name} weight ${old} → ${w}`);
    }
    for (const name of wa.keys()) {
      if (!wb.has(name)) {
        changes.push(`pool ${pb.name}: - ${name}`);
        weightOnly = false;
      }
    }
    if ([...wa.keys()].join() !== [...wb.keys()].join() && [...wa.keys()].sort().join() === [...wb.keys()].sort().join()) {
      changes.push(`pool ${pb.name}: order`);
      weightOnly = false;
    }
  }
  return changes.length === 0 ? null : { name: b.name, changes, weightOnly };
}

function emptiedPools(prev: Config, next: Config): ConfigDiff['emptiedPools'] {
  const enabledIn = (c: Config): Set<string> => new Set(c.backends.filter((b) => b.enabled).map((b) => b.name));
  const before = enabledIn(prev);
  const after = enabledIn(next);
  const out: ConfigDiff['emptiedPools'] = [];
  for (const f of next.frontends) {
    const old = prev.frontends.find((x) => x.name === f.name);
    for (const pool of f.pools) {
      if (pool.backends.some((m) => after.has(m.backend))) continue;
      const oldPool = old?.pools.find((p) => p.name === pool.name);
      if (!oldPool || oldPool.backends.some((m) => before.has(m.backend))) out.push({ frontend: f.name, pool: pool.name });
    }
  }
  return out;
}
