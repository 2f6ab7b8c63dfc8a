import type { RawBackend, RawFrontend, RawMember, RawPool } from './raw-model';
import { field, isNullish, mapEntries, pickKeys, readBool, readEnum, readInt, readString, seqItems } from './read-node';
import type { Entry, Field, ReadCtx } from './read-node';
import type { FrontendProtocol } from './types';

const BACKEND_KEYS = ['address', 'healthcheck', 'enabled'];
const FRONTEND_KEYS = ['description', 'address', 'protocol', 'port', 'src-ip-sticky', 'flush-on-down', 'pools'];
const POOL_KEYS = ['name', 'backends'];
const MEMBER_KEYS = ['weight'];
/** Frontend protocols (spec/config.md); exported for the legacy reader. */
export const PROTOCOLS: readonly FrontendProtocol[] = ['tcp', 'udp', 'any'];

/** Reads `backends:` (name → backend); `names` is null when the section is unreadable. */
export function readBackends(ctx: ReadCtx, e: Entry | undefined): { items: RawBackend[]; names: Set<string> | null } {
  if (!e) return { items: [], names: new Set() };
  const entries = mapEntries(ctx, e.node, e.at, 'backends (name → backend)');
  if (!entries) return { items: [], names: null };
  const items: RawBackend[] = [];
  for (const b of entries) {
    const fields = mapEntries(ctx, b.node, b.at, 'a backend');
    if (!fields) continue;
    const k = pickKeys(ctx, fields, BACKEND_KEYS, 'backend');
    items.push({
      name: b.key,
      at: b.keyAt,
      address: field(ctx, k, 'address', readString),
      healthcheck: field(ctx, k, 'healthcheck', readString),
      enabled: field(ctx, k, 'enabled', readBool),
    });
  }
  return { items, names: new Set(entries.map((b) => b.key)) };
}

/** Reads `frontends:` (name → frontend) with their pools. */
export function readFrontends(ctx: ReadCtx, e: Entry | undefined): RawFrontend[] {
  if (!e) return [];
  const entries = mapEntries(ctx, e.node, e.at, 'frontends (name → frontend)');
  const out: RawFrontend[] = [];
  for (const f of entries ?? []) {
    const fields = mapEntries(ctx, f.node, f.at, 'a frontend');
    if (!fields) continue;
    const k = pickKeys(ctx, fields, FRONTEND_KEYS, 'frontend');
    out.push({
      name: f.key,
      at: f.keyAt,
      description: field(ctx, k, 'description', readString),
      address: field(ctx, k, 'address', readString),
      protocol: field(ctx, k, 'protocol', readEnum(PROTOCOLS, 'protocol')),
      port: field(ctx, k, 'port', readInt),
      srcIpSticky: field(ctx, k, 'src-ip-sticky', readBool),
      flushOnDown: field(ctx, k, 'flush-on-down', readBool),
      pools: readPools(ctx, k.get('pools')),
    });
  }
  return out;
}

function readPools(ctx: ReadCtx, e: Entry | undefined): Field<readonly RawPool[]> {
  if (!e || isNullish(e.node)) return undefined;
  const items = seqItems(ctx, e.node, e.at, 'pools');
  if (!items) return null;
  const pools: RawPool[] = [];
  for (const item of items) {
    const fields = mapEntries(ctx, item.node, item.at, 'a pool ({ name, backends })');
    if (!fields) continue;
    const k = pickKeys(ctx, fields, POOL_KEYS, 'pool');
    pools.push({ at: item.at, name: field(ctx, k, 'name', readString), backends: readMembers(ctx, k.get('backends')) });
  }
  return { v: pools, at: e.at };
}

function readMembers(ctx: ReadCtx, e: Entry | undefined): Field<readonly RawMember[]> {
  if (!e || isNullish(e.node)) return undefined;
  const entries = mapEntries(ctx, e.node, e.at, 'pool backends (backend name → { weight })');
  if (!entries) return null;
  const members: RawMember[] = [];
  for (const m of entries) {
    const fields = mapEntries(ctx, m.node, m.at, 'a pool member ({ weight: 0-100 })');
    const k = pickKeys(ctx, fields ?? [], MEMBER_KEYS, 'pool member');
    members.push({ name: m.key, at: m.keyAt, weight: fields ? field(ctx, k, 'weight', readInt) : null });
  }
  return { v: members, at: e.at };
}
