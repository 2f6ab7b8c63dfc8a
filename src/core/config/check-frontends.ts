import { semantic } from './check-context';
import type { CheckCtx } from './check-context';
import { ipFamily } from './ip';
import type { RawBackend, RawFrontend, RawMember, RawPool } from './raw-model';
import type { Field } from './read-node';
import type { AddressFamily, BackendConfig, FrontendConfig, PoolConfig, PoolMemberConfig } from './types';

/** Checks an address field that must be an IP literal; returns its family, or null. */
function checkAddress(ctx: CheckCtx, f: Field<string>, owner: { at: { path: string; pos: number } }, what: string): AddressFamily | null {
  if (f === undefined) {
    semantic(ctx, owner.at, `missing "address" (the ${what}'s IP address)`);
    return null;
  }
  if (!f) return null;
  const family = ipFamily(f.v);
  if (family === null) semantic(ctx, f.at, `address "${f.v}" is not an IP address (names are never resolved)`);
  return family;
}

/**
 * Checks every backend. `checkNames` is every healthcheck name in the file (null when that section
 * was unreadable, so references cannot be judged); a reference to a check that exists but is
 * itself invalid is not reported again.
 */
export function buildBackends(ctx: CheckCtx, raws: readonly RawBackend[], checkNames: ReadonlySet<string> | null): Map<string, BackendConfig> {
  const candidates = checkNames ? [...checkNames] : [];
  const out = new Map<string, BackendConfig>();
  for (const r of raws) {
    const before = ctx.sink.count('semantic');
    if (r.name === '') semantic(ctx, r.at, 'empty backend name');
    const family = checkAddress(ctx, r.address, r, 'backend');
    if (r.healthcheck === undefined) semantic(ctx, r.at, 'missing "healthcheck" (the name of a check under maglev.healthchecks)');
    else if (r.healthcheck && checkNames && !checkNames.has(r.healthcheck.v)) {
      semantic(ctx, r.healthcheck.at, `no healthcheck named "${r.healthcheck.v}"${ctx.suggest.hint(r.healthcheck.v, candidates)}`);
    }
    if (family === null || !r.address || !r.healthcheck || ctx.sink.count('semantic') !== before) continue;
    out.set(r.name, { name: r.name, address: r.address.v, family, healthcheck: r.healthcheck.v, enabled: r.enabled?.v ?? true });
  }
  return out;
}

/** What the frontend checks need to know about backends. */
export interface BackendIndex {
  /** Every backend name in the file (null: section unreadable, skip reference checks). */
  readonly names: ReadonlySet<string> | null;
  /** The valid backends, for address families. */
  readonly valid: ReadonlyMap<string, BackendConfig>;
}

/** Checks every frontend and its pools against the backends. */
export function buildFrontends(ctx: CheckCtx, raws: readonly RawFrontend[], backends: BackendIndex): FrontendConfig[] {
  const candidates = backends.names ? [...backends.names] : [];
  const out: FrontendConfig[] = [];
  for (const r of raws) {
    if (r.name === '') semantic(ctx, r.at, 'empty frontend name');
    const family = checkAddress(ctx, r.address, r, 'frontend');
    const protocol = r.protocol?.v ?? 'tcp';
    const port = checkFrontendPort(ctx, r, protocol);
    const pools = checkPools(ctx, r, backends, candidates);
    checkFamilies(ctx, r, family, pools, backends.valid);
    out.push({
      name: r.name,
      description: r.description?.v ?? '',
      address: r.address?.v ?? '',
      family: family ?? 4,
      protocol,
      port,
      srcIpSticky: r.srcIpSticky?.v ?? false,
      flushOnDown: r.flushOnDown?.v ?? true,
      pools: pools.map((p) => p.config),
    });
  }
  return out;
}

function checkFrontendPort(ctx: CheckCtx, r: RawFrontend, protocol: string): number {
  const port = r.port;
  if (protocol === 'any') {
    if (port && port.v !== 0) semantic(ctx, port.at, `protocol any covers all ports: port must be 0 (or left out), not ${port.v}`);
    return 0;
  }
  if (port === undefined) {
    semantic(ctx, r.at, `missing "port" (required for protocol ${protocol}; 0 only with protocol any)`);
    return 0;
  }
  if (port === null) return 0;
  if (port.v < 0 || port.v > 65535) semantic(ctx, port.at, `port ${port.v} out of range (0-65535)`);
  else if (port.v === 0) semantic(ctx, port.at, `port 0 (all ports) needs protocol any, not ${protocol}`);
  return port.v;
}

interface CheckedPool {
  readonly raw: RawPool;
  readonly config: PoolConfig;
}

function checkPools(ctx: CheckCtx, r: RawFrontend, backends: BackendIndex, candidates: readonly string[]): CheckedPool[] {
  if (r.pools === null) return [];
  if (!r.pools || r.pools.v.length === 0) {
    semantic(ctx, r.pools?.at ?? r.at, 'frontend has no pools (add at least one pool with backends)');
    return [];
  }
  const seen = new Map<string, number>();
  const out: CheckedPool[] = [];
  for (const p of r.pools.v) {
    const name = p.name?.v ?? '';
    if (p.name === undefined || (p.name && name === '')) semantic(ctx, p.name?.at ?? p.at, 'pool has no name');
    else if (p.name && seen.has(name)) {
      semantic(ctx, p.name.at, `duplicate pool name "${name}" (first on line ${ctx.lineOf(seen.get(name) ?? 0).line})`);
    } else if (p.name) seen.set(name, p.name.at.pos);
    if (p.backends === undefined || p.backends?.v.length === 0) {
      semantic(ctx, p.backends?.at ?? p.at, `pool${name ? ` "${name}"` : ''} has no backends`);
    }
    const members = (p.backends?.v ?? []).map((m) => checkMember(ctx, m, backends, candidates));
    out.push({ raw: p, config: { name, backends: members } });
  }
  return out;
}

function checkMember(ctx: CheckCtx, m: RawMember, backends: BackendIndex, candidates: readonly string[]): PoolMemberConfig {
  if (backends.names && !backends.names.has(m.name)) {
    semantic(ctx, m.at, `no backend named "${m.name}"${ctx.suggest.hint(m.name, candidates)}`);
  }
  const w = m.weight;
  if (w && (w.v < 0 || w.v > 100)) semantic(ctx, w.at, `weight ${w.v} out of range (0-100)`);
  return { backend: m.name, weight: w?.v ?? 100 };
}

const FAMILY_NAME = { 4: 'IPv4', 6: 'IPv6' } as const;

/** One frontend's backends must share its address family (and each other's, whatever the address). */
function checkFamilies(
  ctx: CheckCtx,
  r: RawFrontend,
  family: AddressFamily | null,
  pools: readonly CheckedPool[],
  valid: ReadonlyMap<string, BackendConfig>,
): void {
  let ref: { family: AddressFamily; what: string } | null =
    family !== null && r.address ? { family, what: `frontend "${r.name}" is ${FAMILY_NAME[family]} (${r.address.v})` } : null;
  for (const pool of pools) {
    for (const m of pool.raw.backends?.v ?? []) {
      const b = valid.get(m.name);
      if (!b) continue;
      const self = `backend "${b.name}" in pool "${pool.config.name}" is ${FAMILY_NAME[b.family]} (${b.address})`;
      if (ref === null) ref = { family: b.family, what: self };
      else if (b.family !== ref.family) {
        semantic(ctx, m.at, `mixed address families: ${self} but ${ref.what}; one frontend's backends must all be one family`);
      }
    }
  }
}
