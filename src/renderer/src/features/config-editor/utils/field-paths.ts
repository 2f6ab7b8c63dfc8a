import type { ConfigModel, HealthCheckModel } from './config-model';
import { pathKey, type PathSegments } from './yaml-path';

/** The check fields the form shows (spec/config.md), in its order. */
export const CHECK_DURATIONS = ['interval', 'fast-interval', 'down-interval', 'timeout'] as const;
export const CHECK_TYPES = ['http', 'https', 'tcp', 'icmp'] as const;
export const PROTOCOLS = ['tcp', 'udp', 'any'] as const;

/** Which `params` keys each check type takes. */
const PARAMS_BY_TYPE: Record<string, readonly string[]> = {
  http: ['path', 'host', 'response-code', 'response-regexp'],
  https: ['path', 'host', 'response-code', 'response-regexp', 'server-name', 'insecure-skip-verify'],
  tcp: ['ssl', 'server-name', 'insecure-skip-verify'],
  icmp: [],
};
const ALL_PARAMS = ['path', 'host', 'response-code', 'response-regexp', 'server-name', 'insecure-skip-verify', 'ssl'];

/** The params fields a check's form shows: those of its type, plus any the file sets (so errors have a place). */
export function visibleParams(hc: HealthCheckModel): string[] {
  const ofType = PARAMS_BY_TYPE[String(hc.fields.type)] ?? [];
  return ALL_PARAMS.filter((p) => ofType.includes(p) || p in hc.params);
}

/** Whether the port field shows (icmp takes none, unless the file sets one). */
export function showsPort(hc: HealthCheckModel): boolean {
  return hc.fields.type !== 'icmp' || 'port' in hc.fields;
}

export const FRONTEND_FIELDS = ['address', 'protocol', 'port', 'description', 'src-ip-sticky', 'flush-on-down'] as const;

/**
 * Every path the visual editor shows an issue at: the fields, and the rows/cards for issues about a
 * whole entry (a missing key, an unknown backend in a pool). Issues elsewhere go to the list.
 */
export function knownPaths(model: ConfigModel): Set<string> {
  const out = new Set<string>();
  const add = (p: PathSegments) => out.add(pathKey(p));
  for (const hc of model.healthchecks) {
    const at = ['maglev', 'healthchecks', hc.name];
    add(at);
    for (const f of ['type', ...(showsPort(hc) ? ['port'] : []), ...CHECK_DURATIONS, 'rise', 'fall']) add([...at, f]);
    for (const p of visibleParams(hc)) add([...at, 'params', p]);
  }
  for (const b of model.backends) {
    const at = ['maglev', 'backends', b.name];
    for (const p of [at, [...at, 'address'], [...at, 'healthcheck'], [...at, 'enabled']]) add(p);
  }
  for (const f of model.frontends) {
    const at = ['maglev', 'frontends', f.name];
    add(at);
    add([...at, 'pools']);
    for (const k of FRONTEND_FIELDS) add([...at, k]);
    f.pools.forEach((p, i) => {
      const pat = [...at, 'pools', i];
      for (const x of [pat, [...pat, 'name'], [...pat, 'backends']]) add(x);
      for (const m of p.members) {
        add([...pat, 'backends', m.backend]);
        add([...pat, 'backends', m.backend, 'weight']);
      }
    });
  }
  return out;
}
