import { semantic } from './check-context';
import type { CheckCtx } from './check-context';
import { healthCheckEqual } from './diff';
import type { RawBackend, RawFrontend, RawMember, RawVip } from './raw-model';
import type { HealthCheckConfig } from './types';

/**
 * Derives backends and frontends from legacy VIPs (spec/config.md "Legacy form"). A backend is
 * named after its IP; when a later VIP lists the same IP with a different check, that VIP gets
 * its own backend `IP@VIP` (two checks mean two workers). Positions stay on the legacy nodes.
 */
export function expandLegacy(
  ctx: CheckCtx,
  vips: readonly RawVip[],
  checks: ReadonlyMap<string, HealthCheckConfig>,
): { backends: RawBackend[]; frontends: RawFrontend[]; names: Set<string> } {
  const checkOf = new Map<string, HealthCheckConfig | undefined>();
  const backends: RawBackend[] = [];
  const frontends: RawFrontend[] = [];
  for (const vip of vips) {
    const hc = checks.get(vip.name);
    if (!vip.healthcheckAt) semantic(ctx, vip.at, 'VIP has no "healthcheck"');
    const members: RawMember[] = [];
    const listed = new Set<string>();
    for (const ip of vip.backends?.v ?? []) {
      if (!ip) continue;
      if (listed.has(ip.v)) {
        semantic(ctx, ip.at, `backend ${ip.v} is listed twice in this VIP`);
        continue;
      }
      listed.add(ip.v);
      let name = ip.v;
      if (checkOf.has(name)) {
        const shared = checkOf.get(name);
        if (!hc || !shared || !healthCheckEqual(shared, hc)) name = `${ip.v}@${vip.name}`;
      }
      if (!checkOf.has(name)) {
        checkOf.set(name, hc);
        const healthcheck = vip.healthcheckAt ? { v: vip.name, at: vip.healthcheckAt } : null;
        backends.push({ name, at: ip.at, address: ip, healthcheck, enabled: undefined });
      }
      members.push({ name, at: ip.at, weight: undefined });
    }
    frontends.push({
      name: vip.name,
      at: vip.at,
      description: undefined,
      address: vip.address,
      protocol: vip.protocol,
      port: vip.port,
      srcIpSticky: undefined,
      flushOnDown: undefined,
      pools: legacyPools(ctx, vip, members),
    });
  }
  return { backends, frontends, names: new Set(checkOf.keys()) };
}

function legacyPools(ctx: CheckCtx, vip: RawVip, members: RawMember[]): RawFrontend['pools'] {
  if (vip.backends === null) return null;
  if (!vip.backends || vip.backends.v.length === 0) {
    semantic(ctx, vip.backends?.at ?? vip.at, 'VIP has no backends');
    return null;
  }
  const at = vip.backends.at;
  return { v: [{ at, name: { v: 'default', at }, backends: { v: members, at } }], at };
}
