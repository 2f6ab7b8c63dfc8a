import { isScalar } from 'yaml';
import type { RawHealthCheck, RawParam } from './raw-model';
import { PARAM_KEYS } from './raw-model';
import { field, mapEntries, pickKeys, readBool, readDuration, readEnum, readInt, readString } from './read-node';
import type { Entry, Field, ReadCtx, Val } from './read-node';
import type { HealthCheckType } from './types';

const CHECK_KEYS = ['type', 'port', 'interval', 'fast-interval', 'down-interval', 'timeout', 'rise', 'fall', 'params'];
const CHECK_TYPES: readonly HealthCheckType[] = ['icmp', 'tcp', 'http', 'https'];

/**
 * Reads one check map. `vip` is set for the legacy inline check, whose port is the VIP's
 * (and which has no `port:` key of its own).
 */
export function readHealthCheck(ctx: ReadCtx, e: Entry, name: string, vip?: { port: Field<number> }): RawHealthCheck | null {
  const entries = mapEntries(ctx, e.node, e.at, 'a healthcheck');
  if (!entries) return null;
  const legacy = vip !== undefined;
  const k = pickKeys(ctx, entries, legacy ? CHECK_KEYS.filter((x) => x !== 'port') : CHECK_KEYS, 'healthcheck');
  const type = field(ctx, k, 'type', readEnum(CHECK_TYPES, 'healthcheck type'));
  // An icmp check has no port; in the legacy form it ignores the VIP's.
  const port = vip ? (type?.v === 'icmp' ? undefined : vip.port) : field(ctx, k, 'port', readInt);
  return {
    name,
    at: e.keyAt,
    type,
    port,
    portFromVip: legacy,
    interval: field(ctx, k, 'interval', readDuration),
    fastInterval: field(ctx, k, 'fast-interval', readDuration),
    downInterval: field(ctx, k, 'down-interval', readDuration),
    timeout: field(ctx, k, 'timeout', readDuration),
    rise: field(ctx, k, 'rise', readInt),
    fall: field(ctx, k, 'fall', readInt),
    params: readParams(ctx, k.get('params')),
  };
}

type ParamValue = string | number | boolean;

const PARAM_READERS: Readonly<Record<(typeof PARAM_KEYS)[number], (ctx: ReadCtx, e: Entry) => Val<ParamValue> | null>> = {
  path: readString,
  host: readString,
  'response-code': readIntOrString,
  'response-regexp': readString,
  'server-name': readString,
  'insecure-skip-verify': readBool,
  ssl: readBool,
};

function readParams(ctx: ReadCtx, e: Entry | undefined): RawParam[] {
  if (!e) return [];
  const entries = mapEntries(ctx, e.node, e.at, 'params');
  const k = pickKeys(ctx, entries ?? [], PARAM_KEYS, 'params');
  const out: RawParam[] = [];
  for (const key of PARAM_KEYS) {
    const p = k.get(key);
    if (p) out.push({ key, keyAt: p.keyAt, value: field(ctx, k, key, PARAM_READERS[key]) });
  }
  // Keep file order so "not valid for this type" errors come out in reading order.
  return out.sort((a, b) => a.keyAt.pos - b.keyAt.pos);
}

function readIntOrString(ctx: ReadCtx, e: Entry): Val<number | string> | null {
  if (isScalar(e.node) && typeof e.node.value === 'string') return { v: e.node.value, at: e.at };
  return readInt(ctx, e);
}
