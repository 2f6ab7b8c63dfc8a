import type { RawConfig, RawHealthCheck, RawVip } from './raw-model';
import { field, isNullish, mapEntries, pickKeys, readEnum, readInt, readString, seqItems } from './read-node';
import type { Entry, Field, ReadCtx, Val } from './read-node';
import { readHealthCheck } from './read-healthcheck';
import { PROTOCOLS } from './read-frontends';

const VIP_KEYS = ['address', 'protocol', 'port', 'backends', 'healthcheck'];

type LegacyPart = Omit<RawConfig, 'healthchecker' | 'vpp'>;

/**
 * Reads the seed's `vips:` form. Each VIP's inline check becomes a healthcheck named after the
 * VIP; backends and frontends are derived once the checks are validated (see legacy.ts), because
 * whether two VIPs share a backend depends on their checks being equal.
 */
export function readLegacyVips(ctx: ReadCtx, e: Entry): LegacyPart | null {
  ctx.sink.add(
    'warning',
    e.keyAt,
    'legacy "vips:" form: each VIP was converted to a frontend with one pool "default", a healthcheck named after the VIP and backends named after their IPs; consider rewriting the file in the healthchecks/backends/frontends form',
  );
  const entries = mapEntries(ctx, e.node, e.at, 'vips (name → VIP)');
  if (!entries) return null;
  const vips: RawVip[] = [];
  const checks: RawHealthCheck[] = [];
  for (const v of entries) {
    const fields = mapEntries(ctx, v.node, v.at, 'a VIP');
    if (!fields) continue;
    const k = pickKeys(ctx, fields, VIP_KEYS, 'VIP');
    const port = field(ctx, k, 'port', readInt);
    const hc = k.get('healthcheck');
    if (hc && !isNullish(hc.node)) {
      const check = readHealthCheck(ctx, hc, v.key, { port });
      if (check) checks.push({ ...check, at: hc.keyAt });
    }
    vips.push({
      name: v.key,
      at: v.keyAt,
      address: field(ctx, k, 'address', readString),
      protocol: field(ctx, k, 'protocol', readEnum(PROTOCOLS, 'protocol')),
      port,
      backends: readIpList(ctx, k.get('backends')),
      healthcheckAt: hc && !isNullish(hc.node) ? hc.keyAt : null,
    });
  }
  return {
    healthchecks: checks,
    healthcheckNames: new Set(vips.filter((v) => v.healthcheckAt).map((v) => v.name)),
    backends: [],
    backendNames: null,
    frontends: [],
    legacy: { at: e.keyAt, vips },
  };
}

function readIpList(ctx: ReadCtx, e: Entry | undefined): Field<readonly (Val<string> | null)[]> {
  if (!e || isNullish(e.node)) return undefined;
  const items = seqItems(ctx, e.node, e.at, 'backends (a list of backend IPs)');
  if (!items) return null;
  const ips = items.map((item) => readString(ctx, { key: '', keyAt: item.at, node: item.node, at: item.at }));
  return { v: ips, at: e.at };
}
