import type { RawConfig, RawHealthCheck, RawHealthchecker, RawVppLb } from './raw-model';
import { field, mapEntries, pickKeys, readDuration, readInt, readString } from './read-node';
import type { Entry, ReadCtx } from './read-node';
import { readHealthCheck } from './read-healthcheck';
import { readBackends, readFrontends } from './read-frontends';
import { readLegacyVips } from './read-legacy';

const ROOT_KEYS = ['maglev'];
const MAGLEV_KEYS = ['healthchecker', 'vpp', 'healthchecks', 'backends', 'frontends', 'vips'];
const HEALTHCHECKER_KEYS = ['transition-history', 'netns', 'probe-ipv4-src', 'probe-ipv6-src'];
const VPP_LB_KEYS = ['ipv4-src-address', 'ipv6-src-address', 'sync-interval', 'startup-min-delay', 'startup-max-delay'];
const NEW_FORM_SECTIONS = ['healthchecks', 'backends', 'frontends'];

/** Walks the document against the schema; returns null when there is nothing to check further. */
export function readConfig(ctx: ReadCtx, root: unknown): RawConfig | null {
  const top = mapEntries(ctx, root, { path: '', pos: 0 }, 'the top level');
  if (!top) return null;
  const maglev = pickKeys(ctx, top, ROOT_KEYS, 'the top level').get('maglev');
  if (!maglev) {
    ctx.sink.add('parse', { path: '', pos: 0 }, 'missing the top-level "maglev:" key');
    return null;
  }
  const entries = mapEntries(ctx, maglev.node, maglev.at, 'the maglev section');
  if (!entries) return null;
  const keys = pickKeys(ctx, entries, MAGLEV_KEYS, 'maglev');
  const healthchecker = readHealthchecker(ctx, keys.get('healthchecker'));
  const vpp = readVpp(ctx, keys.get('vpp'));
  const vips = keys.get('vips');
  if (vips) {
    const mixed = NEW_FORM_SECTIONS.filter((k) => keys.has(k));
    if (mixed.length > 0) {
      ctx.sink.add('parse', vips.keyAt, `the legacy "vips:" form cannot be combined with ${mixed.join(', ')}; use one form`);
      return null;
    }
    const legacy = readLegacyVips(ctx, vips);
    if (!legacy) return null;
    return { healthchecker, vpp, ...legacy };
  }
  const checks = readHealthChecks(ctx, keys.get('healthchecks'));
  const backends = readBackends(ctx, keys.get('backends'));
  const frontends = readFrontends(ctx, keys.get('frontends'));
  return {
    healthchecker,
    vpp,
    healthchecks: checks.items,
    healthcheckNames: checks.names,
    backends: backends.items,
    backendNames: backends.names,
    frontends,
    legacy: null,
  };
}

function readHealthchecker(ctx: ReadCtx, e: Entry | undefined): RawHealthchecker {
  const entries = e ? mapEntries(ctx, e.node, e.at, 'the healthchecker section') : [];
  const k = pickKeys(ctx, entries ?? [], HEALTHCHECKER_KEYS, 'healthchecker');
  return {
    transitionHistory: field(ctx, k, 'transition-history', readInt),
    netns: field(ctx, k, 'netns', readString),
    probeIpv4Src: field(ctx, k, 'probe-ipv4-src', readString),
    probeIpv6Src: field(ctx, k, 'probe-ipv6-src', readString),
  };
}

function readVpp(ctx: ReadCtx, e: Entry | undefined): RawConfig['vpp'] {
  if (!e) return undefined;
  const entries = mapEntries(ctx, e.node, e.at, 'the vpp section');
  if (!entries) return null;
  const lb = pickKeys(ctx, entries, ['lb'], 'vpp').get('lb');
  if (!lb) return { lb: undefined };
  const lbEntries = mapEntries(ctx, lb.node, lb.at, 'the vpp.lb section');
  if (!lbEntries) return { lb: null };
  const k = pickKeys(ctx, lbEntries, VPP_LB_KEYS, 'vpp.lb');
  const raw: RawVppLb = {
    at: lb.keyAt,
    ipv4SrcAddress: field(ctx, k, 'ipv4-src-address', readString),
    ipv6SrcAddress: field(ctx, k, 'ipv6-src-address', readString),
    syncInterval: field(ctx, k, 'sync-interval', readDuration),
    startupMinDelay: field(ctx, k, 'startup-min-delay', readDuration),
    startupMaxDelay: field(ctx, k, 'startup-max-delay', readDuration),
  };
  return { lb: raw };
}

function readHealthChecks(ctx: ReadCtx, e: Entry | undefined): { items: RawHealthCheck[]; names: Set<string> | null } {
  if (!e) return { items: [], names: new Set() };
  const entries = mapEntries(ctx, e.node, e.at, 'healthchecks (name → check)');
  if (!entries) return { items: [], names: null };
  const items: RawHealthCheck[] = [];
  for (const c of entries) {
    const check = readHealthCheck(ctx, c, c.key);
    if (check) items.push(check);
  }
  return { items, names: new Set(entries.map((c) => c.key)) };
}
