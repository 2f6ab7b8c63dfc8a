import type { FrontendInfo } from '../../../../../shared/model';
import type { ConfigModel } from './config-model';

/** A pool member whose running weight differs from the saved file's (a run-time SetWeight). */
export interface Drift {
  frontend: string;
  pool: string;
  backend: string;
  runtime: number;
  file: number;
}

const key = (f: string, p: string, b: string) => `${f}\u0000${p}\u0000${b}`;

/** Compares the running weights with the saved file; members missing on either side are not drifts. */
export function runtimeDrifts(runtime: readonly FrontendInfo[], saved: ConfigModel): Map<string, Drift> {
  const file = new Map<string, number>();
  for (const f of saved.frontends) for (const p of f.pools) for (const m of p.members) file.set(key(f.name, p.name, m.backend), m.weight);
  const out = new Map<string, Drift>();
  for (const f of runtime) {
    for (const p of f.pools) {
      for (const m of p.backends) {
        const k = key(f.name, p.name, m.name);
        const w = file.get(k);
        if (w !== undefined && w !== m.weight) out.set(k, { frontend: f.name, pool: p.name, backend: m.name, runtime: m.weight, file: w });
      }
    }
  }
  return out;
}

/** The key of a member in the map runtimeDrifts returns. */
export function driftKey(frontend: string, pool: string, backend: string): string {
  return key(frontend, pool, backend);
}
